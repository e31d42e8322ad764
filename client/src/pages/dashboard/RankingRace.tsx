import { Box, Typography } from "@mui/material";
import ArrowDropDown from "@mui/icons-material/ArrowDropDown";
import ArrowDropUp from "@mui/icons-material/ArrowDropUp";
import type { TDashboardUnit } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { showPoints } from "../../format/points";
import { currentLang } from "../../i18n";
import { bandColor } from "./bands";
import { useReducedMotion } from "./useReducedMotion";

interface Props {
  rows: TDashboardUnit[];
  bandCodes: string[];
  moves: ReadonlyMap<string, number>;
  selected: string | null;
  onSelect: (dossierId: string) => void;
  big?: boolean;
}

/**
 * The ranking as horizontal bars that slide to their new place when the order changes (each row is positioned by
 * its rank, and `top` and `width` are transitioned); no motion when the system asks for less.
 */
export function RankingRace({ rows, bandCodes, moves, selected, onSelect, big }: Props) {
  const { t } = useTranslation();
  const lang = currentLang();
  const reduced = useReducedMotion();
  const rowH = big ? 52 : 34;
  const ordered = [...rows].sort(
    (a, b) =>
      (a.rank ?? 1e9) - (b.rank ?? 1e9) ||
      (b.total ?? -1) - (a.total ?? -1) ||
      a.unit.name.localeCompare(b.unit.name),
  );
  const top = Math.max(100, ...ordered.map((r) => r.total ?? 0));
  const transition = reduced
    ? "none"
    : "top 700ms cubic-bezier(.2,.8,.2,1), width 700ms ease, background-color 400ms";
  return (
    <Box sx={{ position: "relative", height: ordered.length * rowH }} role="list" data-testid="ranking-race">
      {ordered.map((r, i) => {
        const move = moves.get(r.unit.id);
        const pct = r.total === null ? 0 : (r.total / top) * 100;
        return (
          <Box
            key={r.unit.id}
            role="listitem"
            tabIndex={0}
            onClick={() => onSelect(r.dossierId)}
            onKeyDown={(e) => (e.key === "Enter" || e.key === " ") && onSelect(r.dossierId)}
            data-testid="race-row"
            data-unit={r.unit.code}
            data-rank={r.rank ?? ""}
            data-total={r.total ?? ""}
            data-provisional={r.provisional}
            aria-label={`${r.rank ?? "—"}. ${r.unit.name}: ${r.hidden ? t("dashboard.hidden") : showPoints(r.total, lang)} (${t(r.provisional ? "dashboard.provisionalShort" : "dashboard.agreed")})${move ? `, ${t(move > 0 ? "ranking.up" : "ranking.down", { n: Math.abs(move) })}` : ""}`}
            sx={{
              position: "absolute",
              left: 0,
              right: 0,
              top: i * rowH,
              height: rowH - 4,
              display: "grid",
              gridTemplateColumns: big
                ? "56px 60px minmax(220px, 32%) 1fr 130px"
                : "36px 36px minmax(160px, 30%) 1fr 86px",
              alignItems: "center",
              gap: 1,
              transition,
              cursor: "pointer",
              borderRadius: 1,
              outline: selected === r.dossierId ? 2 : 0,
              outlineColor: "primary.main",
              "&:hover, &:focus-visible": { bgcolor: "action.hover" },
            }}
          >
            <Typography
              sx={{
                fontWeight: 700,
                fontSize: big ? 24 : 14,
                fontVariantNumeric: "tabular-nums",
                textAlign: "right",
                display: "flex",
                alignItems: "center",
                justifyContent: "flex-end",
              }}
            >
              {r.rank ?? "—"}
            </Typography>
            <Box sx={{ display: "flex", alignItems: "center" }}>
              {move ? (
                <Box
                  component="span"
                  title={t(move > 0 ? "ranking.up" : "ranking.down", { n: Math.abs(move) })}
                  sx={{
                    color: move > 0 ? "success.main" : "error.main",
                    display: "inline-flex",
                    alignItems: "center",
                    fontSize: big ? 16 : 11,
                  }}
                  data-testid="race-move"
                >
                  {move > 0 ? <ArrowDropUp fontSize="small" /> : <ArrowDropDown fontSize="small" />}
                  {Math.abs(move)}
                </Box>
              ) : null}
            </Box>
            <Typography noWrap title={r.unit.name} sx={{ fontSize: big ? 20 : 13.5, fontWeight: 500 }}>
              {r.unit.name}
            </Typography>
            <Box
              sx={{ height: big ? 30 : 18, bgcolor: "action.hover", borderRadius: 0.75, overflow: "hidden" }}
              title={t(r.provisional ? "dashboard.provisionalShort" : "dashboard.agreed")}
            >
              <Box
                sx={{
                  height: "100%",
                  width: `${pct}%`,
                  bgcolor: r.hidden ? "grey.400" : bandColor(r.classification, bandCodes),
                  opacity: r.provisional ? 0.75 : 1,
                  backgroundImage: r.provisional
                    ? "repeating-linear-gradient(135deg, transparent 0 5px, rgba(255,255,255,.45) 5px 10px)"
                    : undefined,
                  boxSizing: "border-box",
                  border: r.provisional ? "1.5px dashed rgba(0,0,0,.35)" : "none",
                  borderRadius: 0.75,
                  transition,
                }}
              />
            </Box>
            <Typography
              sx={{
                fontWeight: 700,
                fontSize: big ? 22 : 14,
                fontVariantNumeric: "tabular-nums",
                textAlign: "right",
              }}
              data-testid="race-total"
            >
              {r.hidden ? t("dashboard.hidden") : showPoints(r.total, lang)}
              {!r.hidden && !r.provisional && (
                <Box
                  component="span"
                  aria-hidden
                  sx={{ color: "success.main", ml: 0.5, fontSize: "0.85em" }}
                  data-testid="race-agreed"
                >
                  ✓
                </Box>
              )}
            </Typography>
          </Box>
        );
      })}
    </Box>
  );
}
