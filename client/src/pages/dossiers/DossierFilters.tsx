import { MenuItem, Paper, Stack, TextField } from "@mui/material";
import { SearchField } from "../../components/SearchAndFilter";
import { DOSSIER_STATUSES, type DossierStatus, type TUnitType } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { currentLang } from "../../i18n";

export interface DossierFilter {
  search: string;
  unitType: string; // unit type code, "" for all
  status: DossierStatus | null;
}

interface Props {
  value: DossierFilter;
  onChange: (f: DossierFilter) => void;
  unitTypes: readonly TUnitType[];
}

/** Search by unit name, filter by unit type and state. */
export function DossierFilters({ value, onChange, unitTypes }: Props) {
  const { t } = useTranslation();
  const lang = currentLang();
  return (
    <Paper variant="outlined" sx={{ p: 2, mb: 2 }}>
      <Stack direction={{ xs: "column", md: "row" }} spacing={2}>
        <SearchField
          value={value.search}
          onChange={(search) => onChange({ ...value, search })}
          placeholder={t("dossiers.searchPlaceholder")}
          testId="dossier-search"
          sx={{ flex: 2 }}
        />
        <TextField
          select
          slotProps={{ inputLabel: { shrink: true }, select: { displayEmpty: true } }}
          label={t("dossiers.unitType")}
          value={value.unitType}
          onChange={(e) => onChange({ ...value, unitType: e.target.value })}
          sx={{ flex: 1, minWidth: 220 }}
          data-testid="dossier-unit-type"
        >
          <MenuItem value="">{t("common.all")}</MenuItem>
          {unitTypes.map((ut) => (
            <MenuItem key={ut.id} value={ut.code}>
              {lang === "en" ? ut.nameEn : ut.name}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          slotProps={{ inputLabel: { shrink: true }, select: { displayEmpty: true } }}
          label={t("dossiers.status")}
          value={value.status ?? ""}
          onChange={(e) => onChange({ ...value, status: (e.target.value || null) as DossierStatus | null })}
          sx={{ flex: 1, minWidth: 220 }}
        >
          <MenuItem value="">{t("common.all")}</MenuItem>
          {DOSSIER_STATUSES.map((s) => (
            <MenuItem key={s} value={s}>
              {t(`status.${s}`)}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
    </Paper>
  );
}
