import { Box, Chip, Paper, Stack, Typography } from "@mui/material";
import AlarmOutlined from "@mui/icons-material/AlarmOutlined";
import { nextDeadline, unitMilestones, type TMilestone, type UnitExtension } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { formatDateTime, timeLeft } from "../format/dates";
import { useNow } from "../hooks/useNow";
import { currentLang } from "../i18n";
import { milestoneLabel } from "../period/milestones";

function Unit({ value, label }: { value: number; label: string }) {
  return (
    <Box
      sx={{ textAlign: "center", minWidth: 64, px: 1.5, py: 1, borderRadius: 2, bgcolor: "primary.light" }}
    >
      <Typography
        variant="h5"
        component="div"
        sx={{ color: "primary.dark", fontVariantNumeric: "tabular-nums", lineHeight: 1.1 }}
      >
        {String(value).padStart(2, "0")}
      </Typography>
      <Typography variant="caption" color="text.secondary">
        {label}
      </Typography>
    </Box>
  );
}

/**
 * A live countdown (days, hours, minutes) to the next deadline: the period's, or with a unit's `extensions` the
 * unit's own (the shared rule `unitMilestones`: an extended step counts down to its extension, and says so).
 */
export function Countdown({
  milestones,
  extensions = [],
}: {
  milestones: readonly TMilestone[];
  extensions?: readonly UnitExtension<string>[];
}) {
  const { t } = useTranslation();
  const now = useNow(10_000);
  const next = nextDeadline(unitMilestones(milestones, extensions), now);
  const lang = currentLang();
  return (
    <Paper variant="outlined" sx={{ p: 2.5 }} data-testid="countdown">
      <Stack direction={{ xs: "column", sm: "row" }} spacing={2} sx={{ alignItems: { sm: "center" } }}>
        <AlarmOutlined color="primary" sx={{ fontSize: 36 }} />
        <Box sx={{ flexGrow: 1, minWidth: 0 }}>
          <Typography variant="overline" color="text.secondary" sx={{ lineHeight: 1.5 }}>
            {t("timeline.nextDeadline")}
          </Typography>
          {next ? (
            <>
              <Typography variant="subtitle1">{milestoneLabel(next, lang)}</Typography>
              <Typography variant="body2" color="text.secondary" data-testid="countdown-date">
                {t("timeline.dueAt", { date: formatDateTime(next.deadline) })}
              </Typography>
              {next.extendedFrom && (
                <Chip
                  size="small"
                  color="info"
                  variant="outlined"
                  label={t("window.extendedFrom", { date: formatDateTime(next.extendedFrom) })}
                  sx={{ mt: 0.5, height: 22, maxWidth: "100%" }}
                  data-testid="countdown-extended"
                />
              )}
            </>
          ) : (
            <Typography variant="subtitle1">{t("timeline.allDone")}</Typography>
          )}
        </Box>
        {next && (
          <Stack direction="row" spacing={1} aria-live="polite">
            {(() => {
              const left = timeLeft(next.deadline, now);
              return (
                <>
                  <Unit value={left.days} label={t("timeline.days")} />
                  <Unit value={left.hours} label={t("timeline.hours")} />
                  <Unit value={left.minutes} label={t("timeline.minutes")} />
                </>
              );
            })()}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
