import { useState } from "react";
import { TextField } from "@mui/material";
import { ZReminder } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { workflowApi } from "../../api/workflow";
import { ActionDialog } from "../../components/ActionDialog";
import { useSubmission } from "../../hooks/useSubmission";

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
  const { busy, error, run } = useSubmission();

  const send = async () => {
    const parsed = ZReminder.safeParse({ dossierIds, message: message.trim() });
    if (!parsed.success) return setFieldError(t("reminder.errors.message"));
    setFieldError(null);
    await run(async () => onSent((await workflowApi.remind(periodId, parsed.data)).recipients));
  };

  const shown =
    unitNames.slice(0, 6).join(", ") + (unitNames.length > 6 ? ` (+${unitNames.length - 6})` : "");
  return (
    <ActionDialog
      title={t("reminder.title", { count: dossierIds.length })}
      text={t("reminder.to", { units: shown })}
      busy={busy}
      error={error}
      submitLabel={t("reminder.send")}
      submitTestId="reminder-send"
      onSubmit={send}
      onClose={onClose}
    >
      <TextField
        label={t("reminder.message")}
        value={message}
        onChange={(e) => setMessage(e.target.value)}
        multiline
        minRows={3}
        required
        fullWidth
        error={!!fieldError}
        helperText={fieldError ?? t("reminder.hint")}
        slotProps={{ htmlInput: { maxLength: 1000, "data-testid": "reminder-message" } }}
      />
    </ActionDialog>
  );
}
