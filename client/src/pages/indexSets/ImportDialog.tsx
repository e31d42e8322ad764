import { useState, type FormEvent } from "react";
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Link,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from "@mui/material";
import UploadFileOutlined from "@mui/icons-material/UploadFileOutlined";
import DownloadOutlined from "@mui/icons-material/DownloadOutlined";
import { ZIndexImportMeta, type TUnitType } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/http";
import { indexSetsApi, TEMPLATE_URL, type ImportRowError, type IndexSetSummary } from "../../api/indexSets";
import { apiFieldErrors, fieldErrorsOf } from "../../components/formErrors";
import { currentLang } from "../../i18n";
import { ImportErrorTable } from "./ImportErrorTable";

interface Props {
  unitTypes: readonly TUnitType[];
  onClose: () => void;
  onImported: (s: IndexSetSummary) => void;
}

function rowsOf(err: ApiError): ImportRowError[] {
  const rows = (err.details as { rows?: unknown } | undefined)?.rows;
  return Array.isArray(rows) ? (rows as ImportRowError[]) : [];
}

/** Imports an index set from the template spreadsheet; a rejected file comes back with its rows' problems. */
export function ImportDialog({ unitTypes, onClose, onImported }: Props) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [code, setCode] = useState("");
  const [name, setName] = useState("");
  const [unitTypeId, setUnitTypeId] = useState(unitTypes[0]?.id ?? "");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const explain = (field: string) =>
    t(`indexSets.import.errors.${field}`, { defaultValue: t("errors.invalidField") });

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const meta = ZIndexImportMeta.safeParse({ code, name, unitTypeId });
    const errs = meta.success ? {} : fieldErrorsOf(meta.error.issues, explain);
    if (!file) errs.file = explain("file");
    if (!meta.success || !file) return setErrors(errs);
    setErrors({});
    setError(null);
    setBusy(true);
    try {
      onImported(await indexSetsApi.import(file, meta.data));
    } catch (err) {
      const apiErr = err instanceof ApiError ? err : new ApiError("internal", t("errors.unknown"));
      setError(apiErr);
      setErrors(apiFieldErrors(apiErr, explain));
      setBusy(false);
    }
  };

  const rowErrors = error ? rowsOf(error) : [];
  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="md" fullWidth>
      <form onSubmit={onSubmit} noValidate>
        <DialogTitle>{t("indexSets.import.title")}</DialogTitle>
        <DialogContent>
          <Alert severity="info" sx={{ mb: 2.5 }} icon={<DownloadOutlined />}>
            {t("indexSets.import.templateText")}{" "}
            <Link href={TEMPLATE_URL} download data-testid="template-link" sx={{ fontWeight: 600 }}>
              {t("indexSets.import.templateLink")}
            </Link>
          </Alert>
          <Stack spacing={2.5}>
            <Box>
              <Stack direction="row" spacing={2} sx={{ alignItems: "center" }}>
                <Button
                  component="label"
                  variant="outlined"
                  startIcon={<UploadFileOutlined />}
                  color={errors.file ? "error" : "primary"}
                >
                  {t("indexSets.import.chooseFile")}
                  <input
                    hidden
                    type="file"
                    accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                    data-testid="import-file"
                    onChange={(e) => setFile(e.target.files?.[0] ?? null)}
                  />
                </Button>
                <Typography variant="body2" color={file ? "text.primary" : "text.secondary"} noWrap>
                  {file ? `${file.name} (${Math.ceil(file.size / 1024)} KB)` : t("indexSets.import.noFile")}
                </Typography>
              </Stack>
              {errors.file && (
                <Typography variant="caption" color="error" sx={{ display: "block", mt: 0.5 }}>
                  {errors.file}
                </Typography>
              )}
            </Box>
            <Stack direction={{ xs: "column", sm: "row" }} spacing={2}>
              <TextField
                label={t("indexSets.code")}
                required
                value={code}
                onChange={(e) => setCode(e.target.value)}
                error={!!errors.code}
                helperText={errors.code ?? t("indexSets.import.codeHint")}
                slotProps={{ htmlInput: { "data-testid": "import-code", autoCapitalize: "none" } }}
              />
              <TextField
                select
                label={t("indexSets.unitType")}
                required
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
            <TextField
              label={t("indexSets.name")}
              required
              value={name}
              onChange={(e) => setName(e.target.value)}
              error={!!errors.name}
              helperText={errors.name}
              slotProps={{ htmlInput: { "data-testid": "import-name" } }}
            />
            {error && (
              <Alert severity="error" data-testid="import-error">
                {error.message}
                {rowErrors.length > 0 && ` ${t("indexSets.import.rowCount", { count: rowErrors.length })}`}
              </Alert>
            )}
            {rowErrors.length > 0 && <ImportErrorTable rows={rowErrors} />}
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={busy}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" variant="contained" disabled={busy} data-testid="import-submit">
            {busy ? t("indexSets.import.importing") : t("indexSets.import.submit")}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
