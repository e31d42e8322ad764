import { useState } from "react";
import { TextField } from "@mui/material";
import { useTranslation } from "react-i18next";
import { ActionDialog } from "../../components/ActionDialog";
import { useSubmission } from "../../hooks/useSubmission";

/** Confirms the lock of the survey results, with the reason the audit log keeps. */
export function LockDialog({
  onClose,
  onConfirm,
}: {
  onClose: () => void;
  onConfirm: (reason: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState(t("survey.lock.defaultReason"));
  const { busy, error, run } = useSubmission();
  const confirm = async () => {
    if (!(await run(() => onConfirm(reason)))) onClose();
  };
  return (
    <ActionDialog
      title={t("survey.lock.title")}
      text={t("survey.lock.text")}
      busy={busy}
      error={error}
      submitLabel={t("survey.lock.confirm")}
      submitColor="warning"
      submitDisabled={reason.trim().length < 3}
      submitTestId="survey-lock-confirm"
      maxWidth="xs"
      onSubmit={confirm}
      onClose={onClose}
    >
      <TextField
        fullWidth
        label={t("survey.lock.reason")}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        slotProps={{ htmlInput: { "data-testid": "survey-lock-reason" } }}
      />
    </ActionDialog>
  );
}
