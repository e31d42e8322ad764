import { Stack } from "@mui/material";
import type { TUnitType } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router-dom";
import { classificationApi } from "../../api/setup";
import { unitsApi } from "../../api/units";
import { workflowApi } from "../../api/workflow";
import { useMe } from "../../auth/AuthProvider";
import { PageHeader } from "../../components/PageHeader";
import { ErrorState, LoadingState } from "../../components/States";
import { useApi } from "../../hooks/useApi";
import { usePeriods } from "../../period/PeriodProvider";
import { CapsCard } from "./CapsCard";
import { CutsCard } from "./CutsCard";
import { QuotaCard } from "./QuotaCard";

/** Classification beyond bands: the admin's quotas, the ties at a cut and the chair's caps (with reason, audited). */
export default function ClassificationPage() {
  const { t } = useTranslation();
  const { periodId = "" } = useParams();
  const me = useMe();
  const { periods } = usePeriods();
  const period = periods?.find((p) => p.id === periodId);
  const state = useApi((signal) => classificationApi.get(periodId, signal), [periodId]);
  const ranking = useApi((signal) => workflowApi.ranking(periodId, signal), [periodId]);
  const types = useApi((signal) => unitsApi.types(signal).catch(() => [] as TUnitType[]), []);
  const isAdmin = me.roles.includes("admin");
  const isChair = me.roles.includes("council_chair");

  let body;
  if (state.error) body = <ErrorState error={state.error} onRetry={state.reload} />;
  else if (!state.data) body = <LoadingState />;
  else
    body = (
      <Stack spacing={3}>
        <QuotaCard
          key={periodId}
          periodId={periodId}
          state={state.data}
          types={types.data ?? []}
          canEdit={isAdmin}
          onSaved={(s) => state.setData(() => s)}
        />
        <CutsCard
          periodId={periodId}
          state={state.data}
          canDecide={isChair}
          onDecided={(s) => state.setData(() => s)}
        />
        <CapsCard
          periodId={periodId}
          state={state.data}
          units={(ranking.data ?? []).map((r) => r.unit)}
          canDecide={isChair}
          onChanged={state.reload}
        />
      </Stack>
    );
  return (
    <>
      <PageHeader
        title={t("classification.title")}
        subtitle={t("classification.subtitle", { period: period?.name ?? "" })}
      />
      {body}
    </>
  );
}
