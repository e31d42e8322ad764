import { useEffect, useId, useMemo, useState } from "react";
import { Box } from "@mui/material";
import { Bar, BarChart, matchByDataKey, XAxis, YAxis } from "recharts";
import { compareRankingRows, type TDashboardUnit } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { PROPOSED_MARK } from "../../components/ProposedNote";
import { showPoints } from "../../format/points";
import { currentLang } from "../../i18n";
import { bandColor } from "./bands";
import { RankingRowContext, rankingLayout, rankingRowShape, type RankingDatum } from "./RankingRow";
import { useReducedMotion } from "./useReducedMotion";

interface Props {
  rows: TDashboardUnit[];
  bandCodes: string[];
  moves: ReadonlyMap<string, number>;
  selected: string | null;
  onSelect: (dossierId: string) => void;
  big?: boolean;
}

// Bars glide to their new length and place within half a second: a proposal shows on the big screen while
// the council is still looking at it (the e2e test asks for the data within 1 s; the motion is on top).
const ANIMATION_MS = 450;
const byUnit = matchByDataKey("id");
const TICKS = [0, 25, 50, 75, 100];
const FILL = { width: "100%", height: "100%" };

/**
 * The live ranking as a Recharts bar chart, one row per unit in rank order: rank, ▲▼ since the meeting started,
 * name, a bar (hatched and dashed while provisional, solid once agreed) and the total. Bars are matched by unit
 * between updates, so a unit that overtakes another slides past it; no motion when the system asks for less.
 */
export function RankingChart({ rows, bandCodes, moves, selected, onSelect, big }: Props) {
  const { t } = useTranslation();
  const lang = currentLang();
  const reduced = useReducedMotion();
  // An id per chart: the pattern is referenced by url(#…), which must not clash with another chart on the page.
  const hatchId = `hatch-${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const layout = rankingLayout(big);
  // The server's one ranking order (tied units by name in code-unit order, never a locale collation).
  const ordered = [...rows].sort(compareRankingRows);
  const fresh: RankingDatum[] = ordered.map((r) => {
    const move = moves.get(r.unit.id) ?? 0;
    const status = t(
      r.proposed ? "ranking.proposed" : r.provisional ? "dashboard.provisionalShort" : "dashboard.agreed",
    );
    const shown = r.hidden
      ? t("dashboard.hidden")
      : r.standing === "unranked"
        ? t("ranking.unranked")
        : `${showPoints(r.total, lang)}${r.proposed ? ` ${PROPOSED_MARK}` : ""}`;
    const moved = move ? `, ${t(move > 0 ? "ranking.up" : "ranking.down", { n: Math.abs(move) })}` : "";
    return {
      id: r.unit.id,
      // A unit with no total yet keeps its row (rank "—", empty bar) so the table of units stays complete.
      value: r.hidden ? 0 : (r.total ?? 0),
      unit: r,
      move,
      color: r.hidden ? "#bdbdbd" : bandColor(r.classification, bandCodes),
      shown,
      status,
      label: `${r.rank ?? "—"}. ${r.unit.name}: ${shown} (${status})${moved}`,
    };
  });
  // The same figures keep the same array: Recharts remounts every bar when its data changes identity, which
  // would drop the keyboard focus of a row at each re-render of the page (a clock tick, a selection).
  const data = useSameWhileEqual(fresh);
  const top = Math.max(100, ...ordered.map((r) => r.total ?? 0));
  const moving = useMovingFor(data.map((d) => `${d.id}:${d.value}`).join("|"), ANIMATION_MS + 150);
  const height = data.length * layout.rowH + layout.axisH + layout.margin.top;
  const domain = useMemo(() => [0, top], [top]);
  const ticks = useMemo(() => TICKS.filter((v) => v <= top), [top]);
  const settings = useMemo(
    () => ({ layout, hatchId, selected, onSelect }),
    [layout, hatchId, selected, onSelect],
  );
  return (
    <RankingRowContext.Provider value={settings}>
      <Box
        data-testid="ranking-race"
        sx={{
          width: "100%",
          height,
          "& .race-row": { cursor: "pointer", outline: "none" },
          "& .race-row:hover .race-track, & .race-row:focus-visible .race-track": {
            fill: "rgba(13,71,161,.08)",
          },
          "& .race-row:focus-visible .race-ring": { stroke: "#0d47a1", strokeWidth: 2 },
        }}
      >
        <BarChart
          data={data}
          layout="vertical"
          responsive
          style={FILL}
          margin={layout.margin}
          barSize={layout.barH}
          // Our rows are the keyboard and screen-reader targets (one focusable list item per unit), so Recharts'
          // own keyboard layer (the SVG as one "application" with a tooltip cursor) is off.
          accessibilityLayer={false}
          role="list"
        >
          <defs>
            <pattern
              id={hatchId}
              width={10}
              height={10}
              patternUnits="userSpaceOnUse"
              patternTransform="rotate(45)"
            >
              <rect width={5} height={10} fill="rgba(255,255,255,.5)" />
            </pattern>
          </defs>
          <XAxis
            type="number"
            domain={domain}
            ticks={ticks}
            tick={layout.tick}
            height={layout.axisH}
            orientation="bottom"
            stroke="#9aa4b2"
          />
          <YAxis type="category" dataKey="id" hide />
          <Bar
            dataKey="value"
            isAnimationActive={moving && !reduced}
            animationDuration={ANIMATION_MS}
            animationEasing="ease-out"
            animationMatchBy={byUnit}
            shape={rankingRowShape}
          />
        </BarChart>
      </Box>
    </RankingRowContext.Provider>
  );
}

/**
 * True for `ms` after the figures changed (not on the first render): bars glide when scores move, but a new
 * size (a resized window, the big-screen mode, a full-page screenshot) redraws them at once, where Recharts
 * would otherwise replay its animation and may start it from zero.
 */
function useMovingFor(signature: string, ms: number): boolean {
  const [seen, setSeen] = useState(signature);
  const [moving, setMoving] = useState(false);
  if (seen !== signature) {
    setSeen(signature);
    setMoving(true);
  }
  useEffect(() => {
    if (!moving) return;
    const timer = window.setTimeout(() => setMoving(false), ms);
    return () => window.clearTimeout(timer);
  }, [moving, seen, ms]);
  return moving;
}

/** The value from an earlier render while it is equal in content (JSON), so that it keeps its identity. */
function useSameWhileEqual<T>(value: T): T {
  const key = JSON.stringify(value);
  const [kept, setKept] = useState({ key, value });
  if (kept.key === key) return kept.value;
  setKept({ key, value });
  return value;
}
