import type { ReactNode } from "react";
import { Box, Button, Chip, Paper, Stack, Typography } from "@mui/material";
import { alpha } from "@mui/material/styles";
import CheckCircle from "@mui/icons-material/CheckCircle";
import RadioButtonChecked from "@mui/icons-material/RadioButtonChecked";
import RadioButtonUnchecked from "@mui/icons-material/RadioButtonUnchecked";
import EditOutlined from "@mui/icons-material/EditOutlined";
import { PLAN_STEP } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { formatDate, formatDateTime } from "../../format/dates";
import { currentLang } from "../../i18n";
import { milestoneLabel, type MilestoneState, type MilestoneView } from "../../period/milestones";

const STATE_COLOR: Record<MilestoneState, string> = { done: "#2e7d32", open: "#0d47a1", upcoming: "#9aa3b2" };
const STATE_ICON = { done: CheckCircle, open: RadioButtonChecked, upcoming: RadioButtonUnchecked };

/** The rail of the timeline: a dot for the step and the line down to the next one. */
export function Rail({ color, icon, last }: { color: string; icon: ReactNode; last?: boolean }) {
  return (
    <Box sx={{ position: "relative", display: "flex", justifyContent: "center" }}>
      {!last && <Box sx={{ position: "absolute", top: 28, bottom: -12, width: 2, bgcolor: "divider" }} />}
      <Box
        sx={{
          mt: 1.5,
          color,
          zIndex: 1,
          bgcolor: "background.default",
          borderRadius: "50%",
          display: "flex",
        }}
      >
        {icon}
      </Box>
    </Box>
  );
}

interface Props {
  view: MilestoneView;
  last: boolean;
  canEdit: boolean;
  onEdit: () => void;
}

/** One step of the period's timeline: its window, whether it is done, open now or upcoming. */
export function MilestoneRow({ view, last, canEdit, onEdit }: Props) {
  const { t } = useTranslation();
  const { milestone: m, opensAt, state } = view;
  const color = STATE_COLOR[state];
  const Icon = STATE_ICON[state];
  return (
    <Box
      data-testid={`milestone-${m.key}`}
      data-step={PLAN_STEP[m.key]}
      data-state={state}
      sx={{
        display: "grid",
        gridTemplateColumns: { xs: "88px 36px 1fr", sm: "120px 44px 1fr" },
        columnGap: 1,
      }}
    >
      <Box sx={{ textAlign: "right", pt: 1.5 }}>
        <Typography variant="subtitle2" sx={{ fontVariantNumeric: "tabular-nums" }}>
          {formatDate(m.deadline)}
        </Typography>
        <Typography variant="caption" color="text.secondary">
          {t("timeline.deadline")}
        </Typography>
      </Box>
      <Rail color={color} icon={<Icon />} last={last} />
      <Paper
        variant="outlined"
        sx={{
          px: 2,
          py: 1.5,
          mb: 1.25,
          borderColor: state === "open" ? alpha(color, 0.6) : "divider",
          bgcolor: state === "open" ? alpha(color, 0.04) : "background.paper",
          opacity: state === "done" ? 0.92 : 1,
        }}
      >
        <Stack direction={{ xs: "column", sm: "row" }} spacing={1.5} sx={{ alignItems: { sm: "center" } }}>
          <Box sx={{ flexGrow: 1, minWidth: 0 }}>
            <Typography variant="caption" color="text.secondary">
              {t(m.key === "meeting" ? "timeline.stepPart" : "timeline.step", { n: PLAN_STEP[m.key] })}
            </Typography>
            <Typography variant="subtitle1" sx={{ lineHeight: 1.3 }}>
              {milestoneLabel(m, currentLang())}
            </Typography>
            <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
              {m.startsAt
                ? t("timeline.window", { start: formatDateTime(m.startsAt), end: formatDateTime(m.deadline) })
                : opensAt
                  ? t("timeline.windowAfter", { start: formatDate(opensAt), end: formatDateTime(m.deadline) })
                  : t("timeline.until", { end: formatDateTime(m.deadline) })}
            </Typography>
          </Box>
          <Chip
            size="small"
            label={t(`timeline.state.${state}`)}
            sx={{
              color,
              bgcolor: alpha(color, 0.1),
              fontWeight: 600,
              alignSelf: { xs: "flex-start", sm: "center" },
            }}
          />
          {canEdit && (
            <Button
              size="small"
              variant="outlined"
              startIcon={<EditOutlined />}
              onClick={onEdit}
              data-testid={`edit-${m.key}`}
            >
              {t("common.edit")}
            </Button>
          )}
        </Stack>
      </Paper>
    </Box>
  );
}
