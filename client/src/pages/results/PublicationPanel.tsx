import { useState } from "react";
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Paper,
  Step,
  StepLabel,
  Stepper,
  TextField,
  Typography,
} from "@mui/material";
import CampaignOutlined from "@mui/icons-material/CampaignOutlined";
import { PUBLICATION_STAGES, type TPublication, type TPublicationStage } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/http";
import { resultsApi } from "../../api/results";
import { formatDateTime } from "../../format/dates";

const AT: Record<TPublicationStage, keyof TPublication> = {
  leadership: "leadershipAt",
  units: "unitsAt",
  public: "publicAt",
};

/** The staged publication: where it stands, what blocks it, and (for the admin) the next step. */
export function PublicationPanel({
  periodId,
  publication,
  canPublish,
  onChanged,
}: {
  periodId: string;
  publication: TPublication;
  canPublish: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [confirm, setConfirm] = useState(false);
  const [documentNumber, setDocumentNumber] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const done = publication.stage ? PUBLICATION_STAGES.indexOf(publication.stage) + 1 : 0;
  const next = PUBLICATION_STAGES[done] as TPublicationStage | undefined;

  const publish = async () => {
    if (!next) return;
    setBusy(true);
    setError(null);
    try {
      await resultsApi.publish(
        periodId,
        next,
        next === "leadership" && documentNumber.trim() ? documentNumber.trim() : undefined,
      );
      setConfirm(false);
      onChanged();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper variant="outlined" sx={{ p: 2.5, mb: 3 }} data-testid="publication-panel">
      <Box sx={{ display: "flex", alignItems: "center", gap: 2, mb: 2, flexWrap: "wrap" }}>
        <Box sx={{ flexGrow: 1 }}>
          <Typography variant="h6" component="h2">
            {t("results.publication.title")}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {publication.documentNumber
              ? t("results.publication.document", { number: publication.documentNumber })
              : t("results.publication.hint")}
          </Typography>
        </Box>
        {canPublish && next && (
          <Button
            variant="contained"
            startIcon={<CampaignOutlined />}
            disabled={publication.blockers.length > 0}
            onClick={() => setConfirm(true)}
            data-testid="publish-next"
          >
            {t(`results.publication.action.${next}`)}
          </Button>
        )}
      </Box>
      <Stepper activeStep={done} alternativeLabel>
        {PUBLICATION_STAGES.map((stage) => {
          const at = publication[AT[stage]] as string | null;
          return (
            <Step key={stage} completed={Boolean(at)}>
              <StepLabel
                optional={
                  <Typography variant="caption">
                    {at ? formatDateTime(at) : t("results.publication.pending")}
                  </Typography>
                }
              >
                {t(`results.publication.stage.${stage}`)}
              </StepLabel>
            </Step>
          );
        })}
      </Stepper>
      {publication.blockers.length > 0 && (
        <Alert severity="info" sx={{ mt: 2 }} data-testid="publication-blockers">
          <Typography variant="subtitle2">{t("results.publication.blocked")}</Typography>
          {publication.blockers.map((b) => (
            <Typography key={b.code + b.message} variant="body2">
              • {b.message}
            </Typography>
          ))}
        </Alert>
      )}
      <Dialog open={confirm} onClose={() => !busy && setConfirm(false)} maxWidth="sm" fullWidth>
        <DialogTitle>{next && t(`results.publication.action.${next}`)}</DialogTitle>
        <DialogContent>
          <Typography sx={{ mb: 2 }}>{next && t(`results.publication.confirm.${next}`)}</Typography>
          {next === "leadership" && (
            <TextField
              fullWidth
              label={t("results.publication.documentNumber")}
              placeholder="125/BC-SNV"
              value={documentNumber}
              onChange={(e) => setDocumentNumber(e.target.value)}
              helperText={t("results.publication.documentNumberHint")}
            />
          )}
          {error && (
            <Alert severity="error" sx={{ mt: 2 }}>
              {error}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirm(false)} disabled={busy}>
            {t("common.cancel")}
          </Button>
          <Button variant="contained" onClick={publish} disabled={busy} data-testid="publish-confirm">
            {t("results.publication.publish")}
          </Button>
        </DialogActions>
      </Dialog>
    </Paper>
  );
}
