import { Alert } from "@mui/material";
import { useSubmission } from "../hooks/useSubmission";
import { ActionDialog } from "./ActionDialog";

interface Props {
  title: string;
  text: string;
  /** What the person should know before confirming (shown as a warning under the text). */
  warning?: string;
  confirmLabel: string;
  danger?: boolean;
  onConfirm: () => Promise<unknown>;
  onClose: () => void;
}

/** Asks before a consequential action (disabling an account, deactivating a unit) and shows its error. */
export function ConfirmDialog({ title, text, warning, confirmLabel, danger, onConfirm, onClose }: Props) {
  const { busy, error, run } = useSubmission();
  const confirm = async () => {
    if (!(await run(onConfirm))) onClose();
  };
  return (
    <ActionDialog
      title={title}
      text={text}
      busy={busy}
      error={error}
      submitLabel={confirmLabel}
      submitColor={danger ? "error" : "primary"}
      submitTestId="confirm"
      maxWidth="xs"
      onSubmit={confirm}
      onClose={onClose}
    >
      {warning && (
        <Alert severity="warning" data-testid="confirm-warning">
          {warning}
        </Alert>
      )}
    </ActionDialog>
  );
}
