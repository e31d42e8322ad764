import { useState } from "react";
import { MenuItem, Stack, TextField } from "@mui/material";
import { ZUnitCreate, ZUnitUpdate, type TUnit, type TUnitCreate, type TUnitType } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { unitsApi } from "../../api/units";
import { ActionDialog } from "../../components/ActionDialog";
import { apiFieldErrors, fieldErrorsOf } from "../../components/formErrors";
import { useSubmission } from "../../hooks/useSubmission";
import { currentLang } from "../../i18n";

interface Props {
  unit: TUnit | null; // null: a new unit
  unitTypes: readonly TUnitType[];
  onClose: () => void;
  onSaved: (u: TUnit) => void;
}

/** Creates a unit, or renames one (its code and type are fixed once dossiers refer to it). */
export function UnitDialog({ unit, unitTypes, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const [code, setCode] = useState(unit?.code ?? "");
  const [name, setName] = useState(unit?.name ?? "");
  const [shortName, setShortName] = useState(unit?.shortName ?? "");
  const [unitTypeId, setUnitTypeId] = useState(unit?.unitType.id ?? unitTypes[0]?.id ?? "");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { busy, error, run } = useSubmission();
  const explain = (field: string) => t(`units.errors.${field}`, { defaultValue: t("errors.invalidField") });

  const onSubmit = async () => {
    // The shared schemas are the server's own rules: check them first for an immediate, per-field answer.
    const save = unit
      ? ZUnitUpdate.safeParse({ name, shortName })
      : ZUnitCreate.safeParse({ code, name, shortName, unitTypeId });
    if (!save.success) return setErrors(fieldErrorsOf(save.error.issues, explain));
    setErrors({});
    const failed = await run(async () =>
      onSaved(
        unit ? await unitsApi.update(unit.id, save.data) : await unitsApi.create(save.data as TUnitCreate),
      ),
    );
    if (failed) setErrors(apiFieldErrors(failed, explain));
  };

  return (
    <ActionDialog
      title={unit ? t("units.editTitle") : t("units.createTitle")}
      busy={busy}
      error={error}
      submitLabel={busy ? t("common.saving") : unit ? t("common.save") : t("common.create")}
      submitTestId="unit-save"
      onSubmit={onSubmit}
      onClose={onClose}
    >
      <Stack spacing={2.5} sx={{ pt: 1 }}>
        <TextField
          label={t("units.code")}
          required
          disabled={!!unit}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          error={!!errors.code}
          helperText={errors.code ?? t("units.codeHint")}
          slotProps={{ htmlInput: { "data-testid": "unit-code", autoCapitalize: "none" } }}
        />
        <TextField
          label={t("units.name")}
          required
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={!!errors.name}
          helperText={errors.name}
          slotProps={{ htmlInput: { "data-testid": "unit-name" } }}
        />
        <TextField
          label={t("units.shortName")}
          required
          value={shortName}
          onChange={(e) => setShortName(e.target.value)}
          error={!!errors.shortName}
          helperText={errors.shortName}
          slotProps={{ htmlInput: { "data-testid": "unit-short-name" } }}
        />
        <TextField
          select
          label={t("units.unitType")}
          required
          disabled={!!unit}
          value={unitTypeId}
          onChange={(e) => setUnitTypeId(e.target.value)}
          error={!!errors.unitTypeId}
          helperText={errors.unitTypeId}
        >
          {unitTypes.map((ut) => (
            <MenuItem key={ut.id} value={ut.id}>
              {currentLang() === "en" ? ut.nameEn : ut.name}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
    </ActionDialog>
  );
}
