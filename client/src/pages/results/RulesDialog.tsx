import { useState } from "react";
import { Checkbox, FormControlLabel, MenuItem, Stack, TextField } from "@mui/material";
import type { TPeriod, TResponsibilityRules } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { resultsApi } from "../../api/results";
import { ActionDialog } from "../../components/ActionDialog";
import { useSubmission } from "../../hooks/useSubmission";

/** The admin edits how the period rates heads and deputies; the server validates and audits. */
export function RulesDialog({
  period,
  rules,
  onClose,
  onSaved,
}: {
  period: TPeriod;
  rules: TResponsibilityRules;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [areaWeight, setAreaWeight] = useState(String(rules.deputyAreaWeight));
  const [headCapped, setHeadCapped] = useState(rules.headCappedByUnit);
  const [capBand, setCapBand] = useState(rules.deputyCap?.band ?? "");
  const [capBelow, setCapBelow] = useState(String(rules.deputyCap?.areaIndexBelow ?? 50));
  const { busy, error, run } = useSubmission();
  const weight = Number(areaWeight);

  const save = async () => {
    const failed = await run(() =>
      resultsApi.updateRules(period.id, {
        deputyAreaWeight: weight,
        unitWeight: 100 - weight,
        headCappedByUnit: headCapped,
        deputyCap: capBand ? { band: capBand, areaIndexBelow: Number(capBelow.replace(",", ".")) } : null,
      }),
    );
    if (failed) return;
    onSaved();
    onClose();
  };

  return (
    <ActionDialog
      title={t("results.rules.edit")}
      busy={busy}
      error={error}
      submitLabel={t("common.save")}
      onSubmit={save}
      onClose={onClose}
    >
      <Stack spacing={2} sx={{ mt: 1 }}>
        <TextField
          type="number"
          label={t("results.rules.areaWeight")}
          value={areaWeight}
          onChange={(e) => setAreaWeight(e.target.value)}
          slotProps={{ htmlInput: { min: 0, max: 100, step: 5 } }}
          helperText={t("results.rules.unitWeight", {
            weight: Number.isFinite(weight) ? 100 - weight : "?",
          })}
        />
        <FormControlLabel
          control={<Checkbox checked={headCapped} onChange={(e) => setHeadCapped(e.target.checked)} />}
          label={t("results.rules.headCapped")}
        />
        <TextField
          select
          label={t("results.rules.capBand")}
          value={capBand}
          onChange={(e) => setCapBand(e.target.value)}
        >
          <MenuItem value="">{t("results.rules.noCap")}</MenuItem>
          {period.classificationBands.map((b) => (
            <MenuItem key={b.code} value={b.code}>
              {b.label}
            </MenuItem>
          ))}
        </TextField>
        {capBand && (
          <TextField
            type="number"
            label={t("results.rules.capBelow")}
            value={capBelow}
            onChange={(e) => setCapBelow(e.target.value)}
          />
        )}
      </Stack>
    </ActionDialog>
  );
}
