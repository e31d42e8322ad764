import { Navigate } from "react-router-dom";
import { useTranslation } from "react-i18next";
import EventBusyOutlined from "@mui/icons-material/EventBusyOutlined";
import { EmptyState, ErrorState, LoadingState } from "../components/States";
import { usePeriods } from "../period/PeriodProvider";

/**
 * "/" sends everyone to the dossiers page of the default period: it is each role's landing page (the
 * admin's overview, the agency's own dossier, the council's queue, the leadership's status counts).
 */
export function HomeRedirect() {
  const { t } = useTranslation();
  const { periods, loading, error, reload, defaultPeriodId } = usePeriods();
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (loading || !periods) return <LoadingState />;
  if (!defaultPeriodId)
    return (
      <EmptyState icon={<EventBusyOutlined />} title={t("period.none")} description={t("period.noneText")} />
    );
  return <Navigate to={`/periods/${defaultPeriodId}/dossiers`} replace />;
}
