import { Fragment, useState } from "react";
import { Alert, Box, Snackbar, Stack, Typography } from "@mui/material";
import EventBusyOutlined from "@mui/icons-material/EventBusyOutlined";
import type { TMilestone } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router-dom";
import { periodsApi } from "../../api/periods";
import { useMe } from "../../auth/AuthProvider";
import { personaOf } from "../../auth/persona";
import { Countdown } from "../../components/Countdown";
import { PageHeader } from "../../components/PageHeader";
import { PeriodKindChip } from "../../components/PeriodKindChip";
import { EmptyState, ErrorState, LoadingState } from "../../components/States";
import { useApi } from "../../hooks/useApi";
import { useNow } from "../../hooks/useNow";
import { milestoneViews, todayIndex } from "../../period/milestones";
import { usePeriods } from "../../period/PeriodProvider";
import { MilestoneDialog } from "./MilestoneDialog";
import { MilestoneRow } from "./MilestoneRow";
import { TodayMarker } from "./TodayMarker";

/** The period's timeline (the plan's steps) with today's position and a countdown to the next deadline. */
export default function TimelinePage() {
  const { t } = useTranslation();
  const { periodId = "" } = useParams();
  const { reload: reloadPeriods } = usePeriods();
  const { data, error, loading, reload, setData } = useApi(
    (signal) => periodsApi.get(periodId, signal),
    [periodId],
  );
  const now = useNow(30_000);
  // An agency's countdown is its unit's: the extensions it reads are its own dossier's (shared/src/deadlines.ts).
  const agency = personaOf(useMe().roles) === "agency";
  const extensions = useApi(
    (signal) => (agency ? periodsApi.extensions(periodId, signal).catch(() => []) : Promise.resolve([])),
    [periodId, agency],
  ).data;
  const [editing, setEditing] = useState<TMilestone | null>(null);
  const [saved, setSaved] = useState(false);

  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (loading || !data) return <LoadingState />;

  const period = data.data;
  const views = milestoneViews(period.milestones, now);
  const todayAt = todayIndex(views);
  const canEdit = data.abilities.updateMilestone === true;

  const onSaved = (m: TMilestone) => {
    setData(
      (prev) =>
        prev && {
          ...prev,
          data: { ...prev.data, milestones: prev.data.milestones.map((x) => (x.key === m.key ? m : x)) },
        },
    );
    setEditing(null);
    setSaved(true);
    reloadPeriods(); // the countdowns elsewhere read the period list
  };

  return (
    <Box data-testid="timeline-page">
      <PageHeader
        title={
          <Stack direction="row" spacing={1.5} component="span" sx={{ alignItems: "center" }}>
            <span>{t("timeline.title")}</span>
            <PeriodKindChip period={period} size="medium" />
          </Stack>
        }
        subtitle={t("timeline.subtitle", { period: period.name })}
      />
      {views.length === 0 ? (
        <EmptyState icon={<EventBusyOutlined />} title={t("timeline.empty")} />
      ) : (
        <Stack spacing={3}>
          <Countdown milestones={period.milestones} extensions={extensions ?? []} />
          <Box>
            <Typography variant="caption" color="text.secondary" sx={{ display: "block", mb: 2 }}>
              {t("timeline.timezoneNote")}
            </Typography>
            {views.map((v, i) => (
              <Fragment key={v.milestone.key}>
                {i === todayAt && <TodayMarker now={now} last={false} />}
                <MilestoneRow
                  view={v}
                  last={i === views.length - 1 && todayAt !== views.length}
                  canEdit={canEdit}
                  onEdit={() => setEditing(v.milestone)}
                />
              </Fragment>
            ))}
            {todayAt === views.length && <TodayMarker now={now} last />}
          </Box>
        </Stack>
      )}
      {editing && (
        <MilestoneDialog
          periodId={period.id}
          milestone={editing}
          onClose={() => setEditing(null)}
          onSaved={onSaved}
        />
      )}
      <Snackbar
        open={saved}
        autoHideDuration={4000}
        onClose={() => setSaved(false)}
        anchorOrigin={{ vertical: "bottom", horizontal: "center" }}
      >
        <Alert severity="success" variant="filled" onClose={() => setSaved(false)}>
          {t("timeline.saved")}
        </Alert>
      </Snackbar>
    </Box>
  );
}
