import { useState } from "react";
import {
  Alert,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  MenuItem,
  Stack,
  TextField,
} from "@mui/material";
import type { TPeriod, TResponsibilityRules } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/http";
import { resultsApi } from "../../api/results";

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
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const weight = Number(areaWeight);

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await resultsApi.updateRules(period.id, {
        deputyAreaWeight: weight,
        unitWeight: 100 - weight,
        headCappedByUnit: headCapped,
        deputyCap: capBand ? { band: capBand, areaIndexBelow: Number(capBelow.replace(",", ".")) } : null,
      });
      onSaved();
      onClose();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{t("results.rules.edit")}</DialogTitle>
      <DialogContent>
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
          {error && <Alert severity="error">{error}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {t("common.cancel")}
        </Button>
        <Button variant="contained" onClick={save} disabled={busy}>
          {t("common.save")}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
