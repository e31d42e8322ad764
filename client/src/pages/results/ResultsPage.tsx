import { Chip, Stack, Typography } from "@mui/material";
import VerifiedOutlined from "@mui/icons-material/VerifiedOutlined";
import { useTranslation } from "react-i18next";
import { Link as RouterLink, useParams } from "react-router-dom";
import { periodsApi } from "../../api/periods";
import { resultsApi } from "../../api/results";
import { PageHeader } from "../../components/PageHeader";
import { ErrorState, LoadingState } from "../../components/States";
import { useApi } from "../../hooks/useApi";
import { currentLang } from "../../i18n";
import { usePeriods } from "../../period/PeriodProvider";
import { ExportsPanel } from "./ExportsPanel";
import { NextPeriodPanel } from "./NextPeriodPanel";
import { PublicationPanel } from "./PublicationPanel";
import { PublishedTable } from "./PublishedTable";
import { UnitResponsibilityCard } from "./UnitResponsibilityCard";

/**
 * The period's results (docs/domain.md §2 step 10): the staged publication (the admin publishes), the exports (report to
 * UBND tỉnh, spreadsheets, minutes), the published ranking for those it reached, and starting the next year.
 */
export default function ResultsPage() {
  const { t } = useTranslation();
  const lang = currentLang();
  const { periodId = "" } = useParams();
  const { periods, reload: reloadPeriods } = usePeriods();
  const period = periods?.find((p) => p.id === periodId);
  const publication = useApi((signal) => resultsApi.publication(periodId, signal), [periodId]);
  const can = publication.data?.abilities;
  const published = useApi(
    (signal) => (can?.readPublished ? resultsApi.published(periodId, signal) : Promise.resolve(null)),
    [periodId, can?.readPublished, publication.data?.data.stage],
  );

  // An agency reads its own unit's heads and deputies here (the period-wide report is the council's).
  const ownDossiers = useApi(
    (signal) =>
      can && !can.readResponsibility && can.readPublished
        ? periodsApi.dossiers(periodId, signal)
        : Promise.resolve([]),
    [periodId, can?.readResponsibility, can?.readPublished],
  );

  if (publication.error) return <ErrorState error={publication.error} onRetry={publication.reload} />;
  if (!publication.data || !period) return <LoadingState />;
  const pub = publication.data.data;

  return (
    <>
      <PageHeader
        title={t("results.title")}
        subtitle={t("results.subtitle", { period: period.name })}
        actions={
          pub.stage === "public" ? (
            <Chip
              component={RouterLink}
              to={`/public/results/${periodId}`}
              clickable
              color="success"
              icon={<VerifiedOutlined />}
              label={t("results.openPublic")}
            />
          ) : undefined
        }
      />
      <PublicationPanel
        periodId={periodId}
        publication={pub}
        canPublish={Boolean(can?.publish)}
        onChanged={publication.reload}
      />
      {can?.export && <ExportsPanel periodId={periodId} />}
      {published.data && (
        <>
          <Stack direction="row" spacing={1} sx={{ alignItems: "center", mb: 2 }}>
            <Typography variant="h6" component="h2">
              {t("results.published")}
            </Typography>
            <Chip size="small" color="success" label={t("results.final")} />
          </Stack>
          {published.data.unitTypes.map((u) => (
            <PublishedTable key={u.code} title={lang === "en" ? u.nameEn : u.name} rows={u.rows} />
          ))}
        </>
      )}
      {(ownDossiers.data ?? []).map((d) => (
        <UnitResponsibilityCard key={d.id} dossierId={d.id} period={period} />
      ))}
      {can?.clone && (
        <NextPeriodPanel
          period={period}
          canClone={Boolean(can.clone)}
          canArchive={Boolean(can.archive)}
          onChanged={() => {
            reloadPeriods();
            publication.reload();
          }}
        />
      )}
    </>
  );
}
