import { useState, type FormEvent } from "react";
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from "@mui/material";
import { SURVEY_GROUPS } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/http";
import { unitsApi } from "../../api/units";
import { uploadForm } from "../../api/upload";
import { useApi } from "../../hooks/useApi";

interface Props {
  periodId: string;
  onClose: () => void;
  onImported: () => void;
}

/** A questionnaire from a spreadsheet: column A the survey leaf code, B the question, C its English wording. */
export function ImportSurveyDialog({ periodId, onClose, onImported }: Props) {
  const { t } = useTranslation();
  const types = useApi((signal) => unitsApi.types(signal), []);
  const [unitTypeId, setUnitTypeId] = useState("");
  const [group, setGroup] = useState<string>(SURVEY_GROUPS[0]);
  const [title, setTitle] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    const form = new FormData();
    form.append("unitTypeId", unitTypeId);
    form.append("respondentGroup", group);
    form.append("title", title);
    form.append("file", file);
    setBusy(true);
    setError(null);
    try {
      await uploadForm(`/periods/${periodId}/surveys/import`, form).done;
      onImported();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError("internal", t("errors.unknown")));
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="sm" fullWidth>
      <form onSubmit={submit}>
        <DialogTitle>{t("survey.import.title")}</DialogTitle>
        <DialogContent dividers>
          <Stack spacing={2}>
            <Typography variant="body2" color="text.secondary">
              {t("survey.import.help")}
            </Typography>
            <TextField
              select
              required
              label={t("survey.import.unitType")}
              value={unitTypeId}
              onChange={(e) => setUnitTypeId(e.target.value)}
            >
              {(types.data ?? []).map((u) => (
                <MenuItem key={u.id} value={u.id}>
                  {u.name}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              select
              required
              label={t("survey.import.group")}
              value={group}
              onChange={(e) => setGroup(e.target.value)}
            >
              {SURVEY_GROUPS.map((g) => (
                <MenuItem key={g} value={g}>
                  {t(`survey.group.${g}`)}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              required
              label={t("survey.import.name")}
              value={title}
              onChange={(e) => setTitle(e.target.value)}
            />
            <Button variant="outlined" component="label">
              {file ? file.name : t("survey.import.choose")}
              <input
                hidden
                type="file"
                accept=".xlsx"
                onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              />
            </Button>
            {error && (
              <Alert severity="error">
                {error.message}
                {Array.isArray(error.details) &&
                  (error.details as { path?: string; row?: number; message: string }[])
                    .slice(0, 10)
                    .map((d, i) => <div key={i}>{`${d.row ?? d.path ?? ""}: ${d.message}`}</div>)}
              </Alert>
            )}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={busy}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" variant="contained" disabled={busy || !file || !unitTypeId || !title.trim()}>
            {t("survey.import.submit")}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
