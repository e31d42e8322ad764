import { useState } from "react";
import { Button } from "@mui/material";
import LockOutlined from "@mui/icons-material/LockOutlined";
import { useTranslation } from "react-i18next";
import { dossiersApi } from "../../../api/dossiers";
import { ConfirmDialog } from "../../../components/ConfirmDialog";

/**
 * The chair closes the round; the server's 409 (drafts unconfirmed, requests unresolved) shows in the dialog. The
 * council's pace is the chair's (a round may close with criteria left unscored, which keep the unit's own score),
 * so the dialog says how many are left rather than refusing.
 */
export function CloseRoundButton({
  dossierId,
  round,
  unscored = 0,
  onClosed,
}: {
  dossierId: string;
  round: 1 | 2;
  /** Round 1: criteria the council has not scored; they keep the agency's own score. */
  unscored?: number;
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
          warning={unscored > 0 ? t("review.closeRoundUnscored", { count: unscored }) : undefined}
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
