import { createContext, useContext, type KeyboardEvent } from "react";
import type { BarShapeProps } from "recharts";
import type { TDashboardUnit } from "@ca/shared";

/** One row of the ranking chart: what the bar's shape needs beyond its geometry. */
export interface RankingDatum {
  id: string;
  /** The bar's length: the total, 0 while there is none or the viewer may not see it. */
  value: number;
  unit: TDashboardUnit;
  /** Places gained (> 0) or lost (< 0) since the meeting started. */
  move: number;
  color: string;
  /** The total as people read it ("85,25", "—", "Ẩn"). */
  shown: string;
  status: string;
  label: string;
}

export type RankingLayout = typeof NORMAL;

// Module constants, not objects made at each render: Recharts redraws every bar (and drops the focus of a row)
// whenever a prop of the chart or an axis changes identity.
const NORMAL = {
  rowH: 34,
  barH: 18,
  labelW: 260,
  totalW: 92,
  axisH: 24,
  rankW: 28,
  moveW: 40,
  font: 13.5,
  margin: { top: 4, right: 92, bottom: 0, left: 260 },
  tick: { fontSize: 12 },
};
const BIG: RankingLayout = {
  rowH: 52,
  barH: 30,
  labelW: 430,
  totalW: 140,
  axisH: 30,
  rankW: 44,
  moveW: 62,
  font: 20,
  margin: { top: 4, right: 140, bottom: 0, left: 430 },
  tick: { fontSize: 16 },
};

/** Sizes of the ranking chart, normal or big screen (read from across the meeting room). */
export function rankingLayout(big?: boolean): RankingLayout {
  return big ? BIG : NORMAL;
}

const FONT = '"Roboto", "Noto Sans", "Segoe UI", "Helvetica Neue", Arial, sans-serif';
let measure: CanvasRenderingContext2D | null | undefined;

/** The text cut with "…" to fit `width` pixels (SVG text does not wrap or ellipsise by itself). */
function fit(text: string, width: number, font: string): string {
  measure ??= document.createElement("canvas").getContext("2d");
  if (!measure) return text;
  measure.font = font;
  if (measure.measureText(text).width <= width) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure.measureText(`${text.slice(0, mid)}…`).width <= width) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo).trimEnd()}…`;
}

/** What every row shares: passed by context so that the bar's shape stays one function for Recharts. */
export interface RankingRowSettings {
  layout: RankingLayout;
  hatchId: string;
  selected: string | null;
  onSelect: (dossierId: string) => void;
}

export const RankingRowContext = createContext<RankingRowSettings | null>(null);

/** The Bar's `shape`: a stable function (a new one each render would make Recharts redraw every bar). */
export function rankingRowShape(bar: BarShapeProps) {
  return <RankingRow bar={bar} />;
}

/**
 * A unit's whole row, drawn as the bar's shape so that rank, name and total travel with the bar when the
 * order changes. The row is the click and keyboard target and carries the figures the tests and screen
 * readers read (`data-total`, `aria-label`).
 */
function RankingRow({ bar }: { bar: BarShapeProps }) {
  const settings = useContext(RankingRowContext);
  const d = bar.payload as RankingDatum | undefined;
  if (!d || !settings) return null;
  const { layout, hatchId, selected, onSelect } = settings;
  const r = d.unit;
  // The plot's full width behind the bar (Recharts' "background"): the track, and where the totals column starts.
  const bg = bar.background;
  const track = { x: bg?.x ?? bar.x, y: bar.y, width: bg?.width ?? bar.width, height: bar.height };
  const right = track.x + track.width + layout.totalW;
  const mid = bar.y + bar.height / 2;
  const rowTop = mid - layout.rowH / 2 + 1;
  const { font, rankW, moveW } = layout;
  const nameX = rankW + moveW;
  const name = fit(r.unit.name, layout.labelW - nameX - 10, `500 ${font}px ${FONT}`);
  const width = Math.max(0, bar.width);
  const rect = { x: bar.x, y: bar.y, width, height: bar.height, rx: 3 };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== "Enter" && e.key !== " ") return;
    e.preventDefault();
    onSelect(r.dossierId);
  };
  return (
    <g
      className="race-row"
      role="listitem"
      tabIndex={0}
      aria-label={d.label}
      onClick={() => onSelect(r.dossierId)}
      onKeyDown={onKeyDown}
      data-testid="race-row"
      data-unit={r.unit.code}
      data-rank={r.rank ?? ""}
      data-total={r.total ?? ""}
      data-provisional={r.provisional}
      data-proposed={r.proposed ?? false}
    >
      <title>{d.label}</title>
      <rect
        className="race-ring"
        x={1}
        y={rowTop}
        width={Math.max(0, right - 2)}
        height={layout.rowH - 2}
        rx={6}
        fill="transparent"
        stroke={selected === r.dossierId ? "#0d47a1" : "none"}
        strokeWidth={2}
      />
      <rect className="race-track" {...track} rx={3} fill="rgba(0,0,0,.05)" />
      <text
        x={rankW}
        y={mid}
        dominantBaseline="central"
        textAnchor="end"
        fontSize={font + 1}
        fontWeight={700}
        fill="#1c2533"
      >
        {r.rank ?? "—"}
      </text>
      {d.move !== 0 && (
        <text
          x={rankW + 8}
          y={mid}
          dominantBaseline="central"
          fontSize={font - 1}
          fontWeight={700}
          fill={d.move > 0 ? "#2e7d32" : "#d32f2f"}
          data-testid="race-move"
        >
          {d.move > 0 ? "▲" : "▼"}
          {Math.abs(d.move)}
        </text>
      )}
      <text x={nameX} y={mid} dominantBaseline="central" fontSize={font} fontWeight={500} fill="#1c2533">
        {name}
      </text>
      {width > 0 && (
        <>
          <rect {...rect} fill={d.color} fillOpacity={r.provisional ? 0.75 : 1} />
          {r.provisional && (
            <rect
              {...rect}
              fill={`url(#${hatchId})`}
              stroke="rgba(0,0,0,.4)"
              strokeWidth={1.5}
              strokeDasharray="5 3"
            />
          )}
        </>
      )}
      <text
        x={right - 4}
        y={mid}
        dominantBaseline="central"
        textAnchor="end"
        fontSize={font + 1}
        fontWeight={700}
        fill="#1c2533"
        style={{ fontVariantNumeric: "tabular-nums" }}
        data-testid="race-total"
      >
        {d.shown}
        {!r.hidden && !r.provisional && (
          <tspan fill="#2e7d32" dx={4} data-testid="race-agreed">
            ✓
          </tspan>
        )}
      </text>
    </g>
  );
}
