import { useState } from "react";
import { Alert, Button, Stack, Typography } from "@mui/material";
import AssignmentTurnedInOutlined from "@mui/icons-material/AssignmentTurnedInOutlined";
import { useTranslation } from "react-i18next";
import { dossiersApi } from "../../../api/dossiers";
import { DossierHeader } from "../DossierHeader";
import { requestsOf } from "../model";
import { ReadOnlyTree } from "../readonly/ReadOnlyTree";
import { SignedReportDialog } from "../SignedReportDialog";
import type { DossierViewProps } from "../viewProps";
import { RequestCard } from "./RequestCard";

/** Step 8: the agency answers each request for explanation, then the head submits the signed explanation. */
export function ExplanationView({ detail, abilities, reload, notify }: DossierViewProps) {
  const { t } = useTranslation();
  const [submitting, setSubmitting] = useState(false);
  const items = requestsOf(detail);
  const open = items.filter((i) => i.comment.status === "open").length;
  return (
    <>
      <DossierHeader
        detail={detail}
        actions={
          abilities.submitExplanation && (
            <Button
              variant="contained"
              size="large"
              startIcon={<AssignmentTurnedInOutlined />}
              onClick={() => setSubmitting(true)}
              data-testid="submit-explanation"
            >
              {t("explanation.submit")}
            </Button>
          )
        }
      />
      <Alert severity={open ? "warning" : "success"} sx={{ mb: 2 }} data-testid="explanation-summary">
        {items.length === 0
          ? t("explanation.none")
          : open
            ? t("explanation.openCount", { count: open, total: items.length })
            : t("explanation.allAnswered")}
      </Alert>
      <Stack spacing={2} sx={{ mb: 3 }}>
        {items.map((item) => (
          <RequestCard
            key={item.comment.id}
            dossierId={detail.id}
            item={item}
            onChanged={(m) => {
              if (m) notify(m);
              reload();
            }}
          />
        ))}
      </Stack>
      <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
        {t("explanation.wholeDossier")}
      </Typography>
      <ReadOnlyTree detail={detail} initiallyOpen={0} openRequests={false} />
      {submitting && (
        <SignedReportDialog
          title={t("explanation.submitTitle")}
          text={t("explanation.submitText")}
          submitLabel={t("explanation.submitConfirm")}
          send={(file, onProgress) => dossiersApi.submitExplanation(detail.id, file, onProgress)}
          onDone={() => {
            setSubmitting(false);
            notify(t("explanation.submitted"));
            reload();
          }}
          onClose={() => setSubmitting(false)}
        />
      )}
    </>
  );
}
