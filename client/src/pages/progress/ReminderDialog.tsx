import { useState } from "react";
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  TextField,
} from "@mui/material";
import { ZReminder } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/http";
import { workflowApi } from "../../api/workflow";

interface Props {
  periodId: string;
  dossierIds: string[];
  unitNames: string[];
  onClose: () => void;
  onSent: (recipients: number) => void;
}

/** The admin reminds the chosen units' accounts (in-app notifications, audited). */
export function ReminderDialog({ periodId, dossierIds, unitNames, onClose, onSent }: Props) {
  const { t } = useTranslation();
  const [message, setMessage] = useState(t("reminder.default"));
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async () => {
    const parsed = ZReminder.safeParse({ dossierIds, message: message.trim() });
    if (!parsed.success) return setFieldError(t("reminder.errors.message"));
    setFieldError(null);
    setBusy(true);
    setError(null);
    try {
      const res = await workflowApi.remind(periodId, parsed.data);
      onSent(res.recipients);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError("internal", t("errors.unknown")));
      setBusy(false);
    }
  };

  const shown =
    unitNames.slice(0, 6).join(", ") + (unitNames.length > 6 ? ` (+${unitNames.length - 6})` : "");
  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{t("reminder.title", { count: dossierIds.length })}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>{t("reminder.to", { units: shown })}</DialogContentText>
        {error && (
          <Alert severity="error" sx={{ mb: 2 }}>
            {error.message}
          </Alert>
        )}
        <TextField
          label={t("reminder.message")}
          value={message}
          onChange={(e) => setMessage(e.target.value)}
          multiline
          minRows={3}
          required
          error={!!fieldError}
          helperText={fieldError ?? t("reminder.hint")}
          slotProps={{ htmlInput: { maxLength: 1000, "data-testid": "reminder-message" } }}
        />
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose} disabled={busy}>
          {t("common.cancel")}
        </Button>
        <Button variant="contained" onClick={send} disabled={busy} data-testid="reminder-send">
          {t("reminder.send")}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
