import { useState, type FormEvent } from "react";
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  MenuItem,
  Stack,
  TextField,
} from "@mui/material";
import { ZExtension } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/http";
import { dossiersApi } from "../../api/dossiers";
import { fromVnParts, toVnParts } from "../../format/dates";
import { VnDateTimeField } from "../../components/VnDateTimeField";

/** The windows an agency works in; extending the council's own steps would not unlock anything for it. */
export const EXTENDABLE = ["self_assessment", "explanation"] as const;

interface Props {
  dossierId: string;
  unitName: string;
  milestoneKey: string;
  /** The deadline the extension starts from (prefills the field). */
  currentDeadline: string | null;
  onClose: () => void;
  onDone: () => void;
}

type Field = "milestoneKey" | "until" | "reason";

/** The admin extends one unit's window, with a reason (audited); the unit is notified. */
export function ExtensionDialog({
  dossierId,
  unitName,
  milestoneKey,
  currentDeadline,
  onClose,
  onDone,
}: Props) {
  const { t } = useTranslation();
  const [key, setKey] = useState<string>(
    (EXTENDABLE as readonly string[]).includes(milestoneKey) ? milestoneKey : EXTENDABLE[0],
  );
  const [until, setUntil] = useState(toVnParts(currentDeadline));
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = {
      milestoneKey: key,
      until: fromVnParts(until.date, until.time, until.time.trim().endsWith("59") ? "59" : "00") ?? "",
      reason: reason.trim(),
    };
    const parsed = ZExtension.safeParse(body);
    const errs: Partial<Record<Field, string>> = {};
    if (!parsed.success)
      for (const issue of parsed.error.issues) {
        const f = String(issue.path[0]) as Field;
        errs[f] ??= t(`extension.errors.${f}`);
      }
    if (!errs.until && Date.parse(body.until) <= Date.now()) errs.until = t("extension.errors.past");
    setErrors(errs);
    if (!parsed.success || Object.keys(errs).length) return;
    setBusy(true);
    setError(null);
    try {
      await dossiersApi.grantExtension(dossierId, parsed.data);
      onDone();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError("internal", t("errors.unknown")));
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="sm" fullWidth>
      <form onSubmit={submit} noValidate>
        <DialogTitle>{t("extension.title", { unit: unitName })}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{t("extension.text")}</DialogContentText>
          {error && (
            <Alert severity="error" sx={{ mb: 2 }}>
              {error.message}
            </Alert>
          )}
          <Stack spacing={2.5} sx={{ pt: 1 }}>
            <TextField
              select
              label={t("extension.milestone")}
              value={key}
              onChange={(e) => setKey(e.target.value)}
              error={!!errors.milestoneKey}
              helperText={errors.milestoneKey}
              data-testid="extension-milestone"
            >
              {EXTENDABLE.map((k) => (
                <MenuItem key={k} value={k}>
                  {t(`window.${k}`)}
                </MenuItem>
              ))}
            </TextField>
            <VnDateTimeField
              label={t("extension.until")}
              value={until}
              onChange={setUntil}
              required
              error={!!errors.until}
              helperText={errors.until ?? t("timeline.deadlineHint")}
              testId="extension-until"
            />
            <TextField
              label={t("extension.reason")}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              required
              multiline
              minRows={2}
              error={!!errors.reason}
              helperText={errors.reason ?? t("timeline.reasonHint")}
              slotProps={{ htmlInput: { maxLength: 1000, "data-testid": "extension-reason" } }}
            />
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={busy}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" variant="contained" disabled={busy} data-testid="extension-submit">
            {t("extension.submit")}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
