import { useState } from "react";
import { Stack } from "@mui/material";
import FolderOffOutlined from "@mui/icons-material/FolderOffOutlined";
import SearchOffOutlined from "@mui/icons-material/SearchOffOutlined";
import { roomOf, type TDossierSummary, type TUnitType } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router-dom";
import { periodsApi } from "../../api/periods";
import { unitsApi } from "../../api/units";
import { useMe } from "../../auth/AuthProvider";
import { personaOf, primaryRole } from "../../auth/persona";
import { Countdown } from "../../components/Countdown";
import { PageHeader } from "../../components/PageHeader";
import { EmptyState, ErrorState, LoadingState } from "../../components/States";
import { fold, matches } from "../../format/text";
import { useApi } from "../../hooks/useApi";
import { useLiveEvent, useLiveResync, useLiveRooms, usePeriodRefetch, useThrottled } from "../../live/hooks";
import { currentLang } from "../../i18n";
import { usePeriods } from "../../period/PeriodProvider";
import { AgencyDossierCard } from "./AgencyDossierCard";
import { DossierFilters, type DossierFilter } from "./DossierFilters";
import { DossierTable } from "./DossierTable";
import { StatusSummary } from "./StatusSummary";

/**
 * Each role's landing page: the admin's and the leadership's overview with counts per state, the council's
 * list of dossiers to appraise, an agency's own dossier. The server decides which dossiers come back.
 */
export default function DossiersPage() {
  const { t } = useTranslation();
  const me = useMe();
  const persona = personaOf(me.roles);
  const { periodId = "" } = useParams();
  const { periods } = usePeriods();
  const period = periods?.find((p) => p.id === periodId);
  const dossiers = useApi((signal) => periodsApi.dossiers(periodId, signal), [periodId]);
  // The rows on screen while a refetch runs, so a live refresh does not blank the list — never another period's.
  const shown =
    dossiers.data && (dossiers.data.length ? dossiers.data[0].periodId === periodId : !dossiers.loading)
      ? dossiers.data
      : undefined;
  // Live (docs/client.md): the council side's list follows the period (its council room's period:update); an
  // agency's cards follow its own dossiers (their rooms' dossier:update, sent when the unit sees what changed).
  const agency = persona === "agency";
  const own = agency ? (shown ?? []).map((d) => d.id) : [];
  useLiveRooms([!agency && roomOf.periodCouncil(periodId), ...own.map(roomOf.dossier)]);
  usePeriodRefetch(periodId, dossiers.reload);
  const refetchSoon = useThrottled(dossiers.reload);
  useLiveEvent("dossier:update", (p) => own.includes(p.dossierId) && refetchSoon());
  useLiveResync(dossiers.reload);
  // Each unit's deadlines honour its extensions (the shared rule, shared/src/deadlines.ts); none known yet: the period's.
  const extensions = useApi(
    (signal) => periodsApi.extensions(periodId, signal).catch(() => []),
    [periodId],
  ).data;
  const unitTypes = useApi((signal) => unitsApi.types(signal).catch(() => [] as TUnitType[]), []);
  const [filter, setFilter] = useState<DossierFilter>({ search: "", unitType: "", status: null });
  const lang = currentLang();

  const typeName = (code: string) => {
    const ut = unitTypes.data?.find((u) => u.code === code);
    return ut ? (lang === "en" ? ut.nameEn : ut.name) : code;
  };

  let body;
  if (dossiers.error) body = <ErrorState error={dossiers.error} onRetry={dossiers.reload} />;
  else if (!shown) body = <LoadingState />;
  else if (shown.length === 0)
    body = (
      <EmptyState
        icon={<FolderOffOutlined />}
        title={t("dossiers.empty")}
        description={t(`dossiers.emptyText.${persona}`)}
      />
    );
  else if (persona === "agency")
    body = (
      <Stack spacing={2}>
        {shown.map((d) => (
          <AgencyDossierCard key={d.id} dossier={d} unitTypeName={typeName(d.unit.unitType)} />
        ))}
      </Stack>
    );
  else {
    const rows = shown.filter(
      (d: TDossierSummary) =>
        (!filter.unitType || d.unit.unitType === filter.unitType) &&
        (!filter.status || d.status === filter.status) &&
        matches(filter.search, d.unit.name, d.unit.code, typeName(d.unit.unitType)),
    );
    body = (
      <>
        {(persona === "admin" || persona === "leadership") && (
          <StatusSummary
            dossiers={shown}
            selected={filter.status}
            onSelect={(status) => setFilter({ ...filter, status })}
          />
        )}
        <DossierFilters value={filter} onChange={setFilter} unitTypes={unitTypes.data ?? []} />
        {rows.length === 0 ? (
          <EmptyState
            icon={<SearchOffOutlined />}
            title={t("common.noMatch")}
            description={
              fold(filter.search)
                ? t("common.noMatchSearch", { q: filter.search })
                : t("common.noMatchFilter")
            }
          />
        ) : (
          <DossierTable
            dossiers={rows}
            unitTypes={unitTypes.data ?? []}
            milestones={period?.milestones ?? []}
            extensions={extensions ?? []}
          />
        )}
      </>
    );
  }

  return (
    <Stack data-testid={`landing-${primaryRole(me.roles)}`} spacing={0}>
      <PageHeader
        title={t(`nav.dossiers.${persona}`)}
        subtitle={
          persona === "agency" && me.unit
            ? t("dossiers.subtitleAgency", { unit: me.unit.name, period: period?.name ?? "" })
            : t(`dossiers.subtitle.${persona}`, { period: period?.name ?? "" })
        }
      />
      {persona === "agency" && period && (
        <Stack sx={{ mb: 3 }}>
          <Countdown milestones={period.milestones} extensions={extensions ?? []} />
        </Stack>
      )}
      {body}
    </Stack>
  );
}
