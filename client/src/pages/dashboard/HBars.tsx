import { Box, Stack, Typography } from "@mui/material";
import { useReducedMotion } from "./useReducedMotion";

export interface BarSeries {
  key: string;
  label: string;
  /** A colour, or one per value (e.g. by sign). */
  color: string | ((value: number) => string);
}

export interface BarRow {
  id: string;
  label: string;
  values: Record<string, number | null>;
}

interface Props {
  rows: BarRow[];
  series: BarSeries[];
  format: (value: number) => string;
  /** The scale's ends; below-zero values grow left of a zero line. Defaults: 0 and the largest value. */
  min?: number;
  max?: number;
  onSelect?: (id: string) => void;
  big?: boolean;
  testId?: string;
}

/**
 * Horizontal bars, one row per item and one bar per series, drawn with plain boxes: the dashboard's smaller charts
 * (areas, classification, inflation, year over year) need no axis or scale, and stay a few lines of layout. The
 * live ranking is the Recharts chart (RankingChart). Widths are transitioned so values glide, unless the system
 * asks for less motion.
 */
export function HBars({ rows, series, format, min = 0, max, onSelect, big, testId }: Props) {
  const reduced = useReducedMotion();
  const values = rows.flatMap((r) => series.map((s) => r.values[s.key] ?? 0));
  const lo = Math.min(min, ...values);
  const hi = Math.max(max ?? 0, ...values, lo + 1e-9);
  const span = hi - lo;
  const zero = ((0 - lo) / span) * 100;
  const barH = big ? 18 : series.length > 1 ? 9 : 14;
  const fontSize = big ? 17 : 12.5;
  const transition = reduced ? "none" : "width 600ms ease, left 600ms ease";
  return (
    <Box data-testid={testId}>
      {series.length > 1 && (
        <Stack direction="row" spacing={2} sx={{ mb: 1, flexWrap: "wrap" }}>
          {series.map((s) => (
            <Stack key={s.key} direction="row" spacing={0.75} sx={{ alignItems: "center" }}>
              <Box
                sx={{
                  width: 12,
                  height: 12,
                  borderRadius: 0.5,
                  bgcolor: typeof s.color === "string" ? s.color : s.color(1),
                }}
              />
              <Typography sx={{ fontSize }}>{s.label}</Typography>
            </Stack>
          ))}
        </Stack>
      )}
      <Stack spacing={big ? 1.25 : 0.75} role="list">
        {rows.map((r) => (
          <Box
            key={r.id}
            role="listitem"
            onClick={onSelect && (() => onSelect(r.id))}
            sx={{
              display: "grid",
              gridTemplateColumns: big ? "minmax(160px, 34%) 1fr" : "minmax(120px, 36%) 1fr",
              gap: 1.5,
              alignItems: "center",
              cursor: onSelect ? "pointer" : undefined,
              borderRadius: 0.5,
              "&:hover": onSelect ? { bgcolor: "action.hover" } : undefined,
            }}
          >
            <Typography noWrap title={r.label} sx={{ fontSize, textAlign: "right" }}>
              {r.label}
            </Typography>
            <Stack spacing={0.25}>
              {series.map((s) => {
                const v = r.values[s.key];
                const value = v ?? 0;
                const left = value >= 0 ? zero : ((value - lo) / span) * 100;
                const width = (Math.abs(value) / span) * 100;
                const color = typeof s.color === "string" ? s.color : s.color(value);
                return (
                  <Box key={s.key} sx={{ display: "flex", alignItems: "center", gap: 0.75 }}>
                    <Box sx={{ position: "relative", flexGrow: 1, height: barH }}>
                      {lo < 0 && (
                        <Box
                          sx={{
                            position: "absolute",
                            left: `${zero}%`,
                            top: -2,
                            bottom: -2,
                            width: "1px",
                            bgcolor: "text.secondary",
                          }}
                        />
                      )}
                      <Box
                        title={`${s.label}: ${v === null ? "—" : format(value)}`}
                        sx={{
                          position: "absolute",
                          left: `${left}%`,
                          width: `${width}%`,
                          top: 0,
                          bottom: 0,
                          bgcolor: color,
                          borderRadius: 0.5,
                          transition,
                        }}
                      />
                    </Box>
                    <Typography
                      sx={{
                        fontSize: fontSize - 1,
                        width: big ? 84 : 58,
                        textAlign: "right",
                        fontVariantNumeric: "tabular-nums",
                        flexShrink: 0,
                      }}
                    >
                      {v === null ? "—" : format(value)}
                    </Typography>
                  </Box>
                );
              })}
            </Stack>
          </Box>
        ))}
      </Stack>
    </Box>
  );
}
