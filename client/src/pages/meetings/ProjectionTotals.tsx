import { Box, Chip, Paper, Stack, Typography } from "@mui/material";
import type { TMeetingProjection } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { showDelta, showIndex, showPoints, toCenti } from "../../format/points";
import { currentLang } from "../../i18n";
import { usePeriods } from "../../period/PeriodProvider";

/** Official totals before the meeting against the provisional ones with the valid proposals counted. */
export function ProjectionTotals({
  projection,
  survey,
  settled = null,
}: {
  projection: TMeetingProjection;
  /** Survey leaves: never proposed on nor locked in a meeting, so left out of the counts. */
  survey: ReadonlySet<string>;
  /** The dossier's result is agreed or published: its figures are no longer provisional and are not called so. */
  settled?: "agreed" | "published" | null;
}) {
  const { t } = useTranslation();
  const lang = currentLang();
  const { periods } = usePeriods();
  const band = (code: string | null) => {
    if (!code) return "—";
    const b = (periods ?? []).flatMap((p) => p.classificationBands).find((x) => x.code === code);
    return b ? (lang === "en" ? b.labelEn : b.label) : code;
  };
  const delta = toCenti(projection.provisional.total) - toCenti(projection.official.total);
  const proposals = projection.leaves.filter((l) => l.adjustment && !l.locked).length;
  const invalid = projection.leaves.filter((l) => l.valid === false && !l.locked).length;
  const locked = projection.leaves.filter((l) => l.locked).length;
  const lockable = projection.leaves.filter((l) => !survey.has(l.code)).length;
  const figure = (label: string, value: string, testId: string, color?: string) => (
    <Box sx={{ minWidth: 120 }}>
      <Typography variant="caption" color="text.secondary">
        {label}
      </Typography>
      <Typography
        variant="h5"
        sx={{ fontWeight: 700, fontVariantNumeric: "tabular-nums", color }}
        data-testid={testId}
      >
        {value}
      </Typography>
    </Box>
  );
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="projection-totals" data-settled={settled ?? ""}>
      <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: "wrap", alignItems: "flex-end" }}>
        {figure(t("meeting.totals.official"), showPoints(projection.official.total, lang), "total-official")}
        {figure(
          settled ? t(`meeting.totals.settled.${settled}`) : t("meeting.totals.provisional"),
          showPoints(projection.provisional.total, lang),
          "total-provisional",
          "primary.main",
        )}
        {figure(
          t("meeting.totals.delta"),
          showDelta(delta, lang),
          "total-delta",
          delta > 0 ? "success.main" : delta < 0 ? "error.main" : undefined,
        )}
        {figure(
          t(settled ? "meeting.totals.settled.index" : "meeting.totals.index"),
          showIndex(projection.provisional.index, lang),
          "total-index",
        )}
        <Box>
          <Typography variant="caption" color="text.secondary" sx={{ display: "block" }}>
            {t(settled ? "meeting.totals.settled.classification" : "meeting.totals.classification")}
          </Typography>
          <Chip
            color="primary"
            variant="outlined"
            label={band(projection.provisional.classification)}
            data-testid="total-class"
          />
        </Box>
        <Box sx={{ flexGrow: 1 }} />
        <Typography variant="body2" color="text.secondary">
          {t("meeting.totals.counts", { proposals, invalid, locked, n: lockable })}
        </Typography>
      </Stack>
    </Paper>
  );
}
