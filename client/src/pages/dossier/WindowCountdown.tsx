import { Box, Chip, Stack, Typography } from "@mui/material";
import AlarmOutlined from "@mui/icons-material/AlarmOutlined";
import { unitDeadline, type TDossierDetail } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { formatDateTime, timeLeft } from "../../format/dates";
import { useNow } from "../../hooks/useNow";
import { windowKeyOf } from "./model";

/** The current step's window for this dossier: time left, "not open yet" or "closed", and any extension. */
export function WindowCountdown({ detail }: { detail: TDossierDetail }) {
  const { t } = useTranslation();
  const now = useNow(15_000);
  const key = windowKeyOf(detail.status);
  const w = key ? detail.windows[key] : undefined;
  if (!key || !w?.deadline) return null;
  // The shared rule for a unit's deadline, as every other screen applies it.
  const { deadline: end, extendedFrom } = unitDeadline(
    { key, deadline: w.deadline },
    w.extendedUntil ? [{ milestoneKey: key, until: w.extendedUntil }] : [],
  );
  const extended = extendedFrom ? end : null;
  const left = timeLeft(end, now);
  const state = left.past ? "closed" : w.open ? "open" : "upcoming";
  const color = state === "open" ? (left.days < 2 ? "warning.dark" : "primary.dark") : "text.secondary";
  return (
    <Stack direction="row" spacing={1.5} sx={{ alignItems: "center" }} data-testid="window-countdown">
      <AlarmOutlined sx={{ color, fontSize: 32 }} />
      <Box>
        <Typography variant="caption" color="text.secondary">
          {t(`window.${key}`)} ·{" "}
          <span data-testid="window-deadline">{t("window.deadline", { date: formatDateTime(end) })}</span>
        </Typography>
        <Typography
          variant="subtitle1"
          sx={{ color, fontVariantNumeric: "tabular-nums", lineHeight: 1.3 }}
          data-state={state}
        >
          {state === "open"
            ? t("window.left", { days: left.days, hours: left.hours, minutes: left.minutes })
            : t(`window.${state}`)}
        </Typography>
        {extended && (
          <Chip
            size="small"
            color="info"
            variant="outlined"
            label={t("window.extended", { date: formatDateTime(extended) })}
            sx={{ mt: 0.5, height: 22 }}
          />
        )}
      </Box>
    </Stack>
  );
}
