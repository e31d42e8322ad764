import { useTranslation } from "react-i18next";
import type { TFileInfo } from "../../api/dossiers";
import { ActionDialog } from "../../components/ActionDialog";
import { useSubmission } from "../../hooks/useSubmission";

/** Asks before an evidence file is taken back; the server's refusal (window closed…) is said in the dialog. */
export function RemoveEvidenceDialog({
  file,
  send,
  onDone,
  onClose,
}: {
  file: TFileInfo;
  send: (f: TFileInfo) => Promise<unknown>;
  onDone: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { busy, error, run } = useSubmission();
  return (
    <ActionDialog
      title={t("evidence.removeTitle")}
      text={t("evidence.removeText", { name: file.name })}
      busy={busy}
      error={error}
      submitLabel={t("evidence.removeConfirm")}
      submitColor="error"
      submitTestId="evidence-remove-confirm"
      maxWidth="xs"
      onSubmit={async () => {
        if (!(await run(() => send(file)))) onDone();
      }}
      onClose={onClose}
    />
  );
}
