import { useState } from "react";
import { Box, Button } from "@mui/material";
import Add from "@mui/icons-material/Add";
import SearchOffOutlined from "@mui/icons-material/SearchOffOutlined";
import type { TUnit, TUnitType } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { unitsApi } from "../../api/units";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { SearchAndFilter } from "../../components/SearchAndFilter";
import { PageHeader } from "../../components/PageHeader";
import { EmptyState, ErrorState, LoadingState } from "../../components/States";
import { matches } from "../../format/text";
import { useApi } from "../../hooks/useApi";
import { currentLang } from "../../i18n";
import { UnitDialog } from "./UnitDialog";
import { UnitsTable } from "./UnitsTable";

/** The admin's list of appraised units, with create, rename and (de)activate. */
export default function UnitsPage() {
  const { t } = useTranslation();
  const units = useApi((signal) => unitsApi.list(signal), []);
  const types = useApi((signal) => unitsApi.types(signal).catch(() => [] as TUnitType[]), []);
  const [search, setSearch] = useState("");
  const [typeId, setTypeId] = useState("");
  const [editing, setEditing] = useState<TUnit | "new" | null>(null);
  const [toggling, setToggling] = useState<TUnit | null>(null);

  const replace = (u: TUnit) =>
    units.setData((prev) => {
      if (!prev) return prev;
      const exists = prev.data.some((x) => x.id === u.id);
      return { ...prev, data: exists ? prev.data.map((x) => (x.id === u.id ? u : x)) : [...prev.data, u] };
    });

  let body;
  if (units.error) body = <ErrorState error={units.error} onRetry={units.reload} />;
  else if (units.loading || !units.data) body = <LoadingState />;
  else if (units.data.data.length === 0)
    body = <EmptyState title={t("units.empty")} description={t("units.emptyText")} />;
  else {
    // Grouped by unit type (in the types' own order), inactive ones last, then in the province's own order.
    const rank = (u: TUnit) => (types.data ?? []).findIndex((ut) => ut.id === u.unitType.id);
    const rows = units.data.data
      .map((u, i) => ({ u, i }))
      .filter(
        ({ u }) => (!typeId || u.unitType.id === typeId) && matches(search, u.name, u.shortName, u.code),
      )
      .sort((a, b) => rank(a.u) - rank(b.u) || Number(b.u.active) - Number(a.u.active) || a.i - b.i)
      .map(({ u }) => u);
    body =
      rows.length === 0 ? (
        <EmptyState
          icon={<SearchOffOutlined />}
          title={t("common.noMatch")}
          description={t("common.noMatchFilter")}
        />
      ) : (
        <UnitsTable
          units={rows}
          canUpdate={units.data.abilities.update}
          onEdit={setEditing}
          onToggle={setToggling}
        />
      );
  }

  return (
    <Box data-testid="units-page">
      <PageHeader
        title={t("nav.units")}
        subtitle={t("units.subtitle")}
        actions={
          units.data?.abilities.create && (
            <Button
              variant="contained"
              startIcon={<Add />}
              onClick={() => setEditing("new")}
              data-testid="unit-create"
            >
              {t("units.create")}
            </Button>
          )
        }
      />
      <SearchAndFilter
        search={search}
        onSearch={setSearch}
        searchPlaceholder={t("units.searchPlaceholder")}
        filterLabel={t("units.unitType")}
        filter={typeId}
        onFilter={setTypeId}
        options={(types.data ?? []).map((ut) => ({
          value: ut.id,
          label: currentLang() === "en" ? ut.nameEn : ut.name,
        }))}
      />
      {body}
      {editing && (
        <UnitDialog
          unit={editing === "new" ? null : editing}
          unitTypes={types.data ?? []}
          onClose={() => setEditing(null)}
          onSaved={(u) => {
            replace(u);
            setEditing(null);
          }}
        />
      )}
      {toggling && (
        <ConfirmDialog
          title={toggling.active ? t("units.deactivate") : t("units.activate")}
          text={t(toggling.active ? "units.deactivateConfirm" : "units.activateConfirm", {
            name: toggling.name,
          })}
          confirmLabel={toggling.active ? t("units.deactivate") : t("units.activate")}
          danger={toggling.active}
          onConfirm={() => unitsApi.update(toggling.id, { active: !toggling.active }).then(replace)}
          onClose={() => setToggling(null)}
        />
      )}
    </Box>
  );
}
