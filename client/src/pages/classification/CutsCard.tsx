import { useState } from "react";
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Checkbox,
  Chip,
  FormControlLabel,
  Stack,
  TextField,
  Typography,
} from "@mui/material";
import type { TClassificationState, TQuotaCut } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { classificationApi } from "../../api/setup";

/** One tie straddling a quota's cut: the chair picks which of the tied units keep the band. */
function Cut({
  periodId,
  cut,
  state,
  canDecide,
  onDecided,
}: {
  periodId: string;
  cut: TQuotaCut;
  state: TClassificationState;
  canDecide: boolean;
  onDecided: (s: TClassificationState) => void;
}) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<string[]>(cut.decision?.unitIds ?? []);
  const [reason, setReason] = useState("");
  const [doc, setDoc] = useState("");
  const [error, setError] = useState<string | null>(null);
  const band = state.bands.find((b) => b.code === cut.band)?.label ?? cut.band;
  async function decide() {
    setError(null);
    try {
      onDecided(
        await classificationApi.decideTie(periodId, {
          unitType: cut.unitType,
          band: cut.band,
          unitIds: chosen,
          reason,
          documentNumber: doc,
        }),
      );
    } catch (err) {
      setError((err as Error).message + " " + JSON.stringify((err as { details?: unknown }).details ?? ""));
    }
  }
  return (
    <Box sx={{ border: 1, borderColor: "divider", borderRadius: 1, p: 1.5 }} data-testid="quota-cut">
      <Stack direction="row" spacing={1} alignItems="center" sx={{ mb: 1 }}>
        <Typography variant="body2" sx={{ fontWeight: 600 }}>
          {t("classification.cutText", {
            band,
            type: cut.unitType,
            seats: cut.seats,
            seatsForTie: cut.seatsForTie,
            n: cut.units.length,
          })}
        </Typography>
        <Chip
          size="small"
          color={cut.decided ? "success" : "warning"}
          label={t(cut.decided ? "classification.decided" : "classification.undecided")}
        />
      </Stack>
      {cut.units.map((u) => (
        <FormControlLabel
          key={u.id}
          control={
            <Checkbox
              checked={chosen.includes(u.id)}
              disabled={!canDecide}
              onChange={(e) =>
                setChosen((c) => (e.target.checked ? [...c, u.id] : c.filter((x) => x !== u.id)))
              }
            />
          }
          label={u.name}
        />
      ))}
      {cut.decision && (
        <Typography variant="body2" color="text.secondary">
          {cut.decision.documentNumber} — {cut.decision.reason} ({cut.decision.decidedBy})
        </Typography>
      )}
      {canDecide && (
        <Stack direction={{ xs: "column", sm: "row" }} spacing={1} sx={{ mt: 1 }}>
          <TextField
            size="small"
            label={t("classification.reason")}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <TextField
            size="small"
            label={t("classification.documentNumber")}
            value={doc}
            onChange={(e) => setDoc(e.target.value)}
          />
          <Button variant="contained" onClick={decide}>
            {t("classification.decide")}
          </Button>
        </Stack>
      )}
      {error && (
        <Alert severity="error" sx={{ mt: 1 }}>
          {error}
        </Alert>
      )}
    </Box>
  );
}

/** The quota cuts a tie straddles, for the council to decide (the chair records it). */
export function CutsCard({
  periodId,
  state,
  canDecide,
  onDecided,
}: {
  periodId: string;
  state: TClassificationState;
  canDecide: boolean;
  onDecided: (s: TClassificationState) => void;
}) {
  const { t } = useTranslation();
  return (
    <Card variant="outlined" data-testid="cuts-card">
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {t("classification.cuts")}
        </Typography>
        {state.cuts.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            {t("classification.noCuts")}
          </Typography>
        ) : (
          <Stack spacing={1.5}>
            {state.cuts.map((c) => (
              <Cut
                key={`${c.unitType}/${c.band}/${c.units.map((u) => u.id).join()}`}
                periodId={periodId}
                cut={c}
                state={state}
                canDecide={canDecide}
                onDecided={onDecided}
              />
            ))}
          </Stack>
        )}
      </CardContent>
    </Card>
  );
}
