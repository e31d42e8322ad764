import { useState } from "react";
import { Button } from "@mui/material";
import LockOutlined from "@mui/icons-material/LockOutlined";
import { useTranslation } from "react-i18next";
import { dossiersApi } from "../../../api/dossiers";
import { ConfirmDialog } from "../../../components/ConfirmDialog";

/** The chair closes the round; the server's 409 (drafts unconfirmed, requests unresolved) shows in the dialog. */
export function CloseRoundButton({
  dossierId,
  round,
  onClosed,
}: {
  dossierId: string;
  round: 1 | 2;
  onClosed: () => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        variant="contained"
        size="large"
        startIcon={<LockOutlined />}
        onClick={() => setOpen(true)}
        data-testid="close-round"
      >
        {t("review.closeRound", { round })}
      </Button>
      {open && (
        <ConfirmDialog
          title={t("review.closeRoundTitle", { round })}
          text={t(`review.closeRoundText${round}`)}
          confirmLabel={t("review.closeRound", { round })}
          onConfirm={() =>
            dossiersApi.transition(dossierId, round === 1 ? "round1_done" : "round2_done").then(onClosed)
          }
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
