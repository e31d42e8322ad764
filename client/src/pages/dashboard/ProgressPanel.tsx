import { Box, Stack, Typography } from "@mui/material";
import type { TDashboard } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { STATUS_COLORS } from "../../components/StatusChip";
import { formatDateTime, timeLeft } from "../../format/dates";
import { useNow } from "../../hooks/useNow";
import { currentLang } from "../../i18n";
import { ChartCard } from "./ChartCard";
import { DataTable } from "./DataTable";
import { useReducedMotion } from "./useReducedMotion";

/** How far the period has come: dossiers at each status, against the next deadline. */
export function ProgressPanel({ data, big }: { data: TDashboard; big?: boolean }) {
  const reduced = useReducedMotion();
  const { t } = useTranslation();
  const lang = currentLang();
  const now = useNow(30_000);
  const total = data.statusCounts.reduce((s, c) => s + c.count, 0);
  const next = data.nextMilestone;
  const left = next ? timeLeft(next.deadline, now) : null;
  const done = data.statusCounts
    .filter((c) => c.status === "agreed" || c.status === "published")
    .reduce((s, c) => s + c.count, 0);
  const deadline = next && left && (
    <Box sx={{ textAlign: "right", mr: 1 }} data-testid="dash-next-deadline">
      <Typography variant="caption" color="text.secondary" sx={{ display: "block" }}>
        {t("dashboard.progress.next", { label: lang === "en" ? next.labelEn : next.label })}
      </Typography>
      <Typography sx={{ fontWeight: 700, fontSize: big ? 24 : 16 }}>
        {t("dashboard.progress.left", left)}
      </Typography>
      <Typography variant="caption" color="text.secondary">
        {formatDateTime(next.deadline)}
      </Typography>
    </Box>
  );
  const chart = (
    <>
      <Box
        sx={{
          display: "flex",
          height: big ? 40 : 26,
          borderRadius: 1,
          overflow: "hidden",
          bgcolor: "action.hover",
        }}
        role="img"
        aria-label={t("dashboard.progress.title")}
      >
        {data.statusCounts
          .filter((c) => c.count > 0)
          .map((c) => (
            // A native title, not MUI's Tooltip: Popper would add 11 KiB to the dashboard's first route (P9).
            <Box
              key={c.status}
              title={`${t(`status.${c.status}`)}: ${c.count}`}
              sx={{
                width: `${(c.count / Math.max(1, total)) * 100}%`,
                bgcolor: STATUS_COLORS[c.status],
                color: "#fff",
                fontSize: big ? 16 : 12,
                fontWeight: 700,
                display: "flex",
                alignItems: "center",
                justifyContent: "center",
                transition: reduced ? "none" : "width 600ms",
              }}
              data-testid={`dash-status-${c.status}`}
            >
              {c.count}
            </Box>
          ))}
      </Box>
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: "wrap", mt: 1 }}>
        {data.statusCounts.map((c) => (
          <Stack key={c.status} direction="row" spacing={0.75} sx={{ alignItems: "center" }}>
            <Box sx={{ width: 10, height: 10, borderRadius: "50%", bgcolor: STATUS_COLORS[c.status] }} />
            <Typography variant={big ? "body1" : "caption"}>
              {t(`status.${c.status}`)}: <b>{c.count}</b>
            </Typography>
          </Stack>
        ))}
      </Stack>
    </>
  );
  return (
    <ChartCard
      big={big}
      testId="dash-progress"
      title={t("dashboard.progress.title")}
      subtitle={t("dashboard.progress.summary", { done, total })}
      actions={deadline}
      chart={chart}
      table={
        <DataTable
          big={big}
          head={[t("dossiers.status"), t("dashboard.count")]}
          rows={data.statusCounts.map((c) => [t(`status.${c.status}`), c.count])}
        />
      }
    />
  );
}
