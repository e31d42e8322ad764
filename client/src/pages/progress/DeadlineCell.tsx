import { Box, Typography } from "@mui/material";
import type { TProgressRow } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { formatDateTime, timeLeft } from "../../format/dates";

/** The next deadline of a dossier's current step, with the time left or how late it is. */
export function DeadlineCell({
  next,
  late,
  now,
}: {
  next: TProgressRow["nextDeadline"];
  late: boolean;
  now: Date;
}) {
  const { t } = useTranslation();
  if (!next)
    return (
      <Typography variant="body2" color="text.secondary">
        —
      </Typography>
    );
  const left = timeLeft(next.deadline, now);
  const lateHours = Math.max(0, Math.floor((now.getTime() - Date.parse(next.deadline)) / 3_600_000));
  const color = late || left.past ? "error.main" : left.days < 2 ? "warning.dark" : "text.secondary";
  return (
    <Box sx={{ minWidth: 150 }}>
      <Typography variant="body2" sx={{ fontWeight: 600 }}>
        {t(`window.${next.key}`, { defaultValue: next.key })}
      </Typography>
      <Typography variant="body2" sx={{ whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" }}>
        {formatDateTime(next.deadline)}
      </Typography>
      <Typography
        variant="caption"
        sx={{ color, fontWeight: 600, whiteSpace: "nowrap" }}
        data-testid="deadline-left"
      >
        {left.past
          ? t("progress.overdue", { days: Math.floor(lateHours / 24), hours: lateHours % 24 })
          : t("window.leftShort", { days: left.days, hours: left.hours })}
      </Typography>
    </Box>
  );
}
