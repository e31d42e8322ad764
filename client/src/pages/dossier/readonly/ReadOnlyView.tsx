import { useState } from "react";
import { Alert, Button } from "@mui/material";
import MoreTimeOutlined from "@mui/icons-material/MoreTimeOutlined";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../../format/dates";
import { ExtensionDialog } from "../../progress/ExtensionDialog";
import { DossierHeader } from "../DossierHeader";
import { windowKeyOf } from "../model";
import { unscoredInRound1 } from "../../../format/officialStage";
import { CloseRoundButton } from "../review/CloseRoundButton";
import type { DossierViewProps } from "../viewProps";
import { AgencyRequests } from "./AgencyRequests";
import { ReadOnlyTree } from "./ReadOnlyTree";

/** Everyone who may read the dossier but has nothing to score on it at this step (the admin may still act). */
export function ReadOnlyView({ detail, abilities, reload, notify }: DossierViewProps) {
  const { t } = useTranslation();
  const [extending, setExtending] = useState(false);
  const agency = !abilities.readCouncilWork;
  const round = detail.status === "explained" ? 2 : 1;
  const key = windowKeyOf(detail.status) ?? "self_assessment";
  const w = detail.windows[key];
  return (
    <>
      <DossierHeader
        detail={detail}
        actions={
          <>
            {abilities.grantExtension && (
              <Button variant="outlined" startIcon={<MoreTimeOutlined />} onClick={() => setExtending(true)}>
                {t("extension.open")}
              </Button>
            )}
            {abilities.closeRound && (
              <CloseRoundButton
                dossierId={detail.id}
                round={round}
                unscored={round === 1 ? unscoredInRound1(detail.leaves) : 0}
                onClosed={() => {
                  notify(t("review.roundClosed", { round }));
                  reload();
                }}
              />
            )}
          </>
        }
      />
      <Alert
        severity="info"
        variant="outlined"
        sx={{ mb: 2, bgcolor: "background.paper" }}
        data-testid="read-only-note"
      >
        {/* The note follows the clock: a round whose window has not opened is not "under way". */}
        {w?.state === "upcoming" && (detail.status === "self_submitted" || detail.status === "explained")
          ? t(`readOnly.${agency ? "agency" : "council"}.${detail.status}_upcoming`, {
              date: w.startsAt ? formatDateTime(w.startsAt) : "—",
            })
          : t(`readOnly.${agency ? "agency" : "council"}.${detail.status}`)}
      </Alert>
      {agency && <AgencyRequests detail={detail} />}
      <ReadOnlyTree detail={detail} />
      {extending && (
        <ExtensionDialog
          dossierId={detail.id}
          unitName={detail.unit.name}
          milestoneKey={key}
          currentDeadline={w?.extendedUntil ?? w?.deadline ?? null}
          onClose={() => setExtending(false)}
          onDone={() => {
            setExtending(false);
            notify(t("extension.done"));
            reload();
          }}
        />
      )}
    </>
  );
}
