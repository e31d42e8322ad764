import { useState } from "react";
import {
  Alert,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Paper,
  Stack,
  TextField,
  Typography,
} from "@mui/material";
import HandshakeOutlined from "@mui/icons-material/HandshakeOutlined";
import { hasAnyRole, type TMeeting } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/http";
import { meetingsApi } from "../../api/meetings";
import { periodsApi } from "../../api/periods";
import { useMe } from "../../auth/AuthProvider";
import { formatDateTime } from "../../format/dates";
import { useApi } from "../../hooks/useApi";
import { useLiveEvent } from "../../live/hooks";
import { useUnitTypeNames } from "./useUnitTypeNames";

const DONE = new Set(["agreed", "published"]);

/**
 * The council's agreement on a unit type's whole ranking: possible once every dossier of that type in the period
 * is agreed; recorded by the chair (or the admin) with the minutes, then shown to everyone.
 */
export function AgreementPanel({ meeting }: { meeting: TMeeting }) {
  const { t } = useTranslation();
  const me = useMe();
  const types = useUnitTypeNames();
  const dossiers = useApi((signal) => periodsApi.dossiers(meeting.periodId, signal), [meeting.periodId]);
  const agreements = useApi((signal) => meetingsApi.agreements(meeting.periodId, signal), [meeting.periodId]);
  const [recording, setRecording] = useState<string | null>(null);
  useLiveEvent("meeting:update", (p) => {
    if (p.meetingId !== meeting.id) return;
    dossiers.reload();
    agreements.reload();
  });
  useLiveEvent("dossier:update", () => dossiers.reload());
  const mayRecord = hasAnyRole(me.roles, ["admin", "council_chair"]);

  const agendaTypes = [...new Set(meeting.agenda.map((a) => a.unit.unitType))].sort(
    (a, b) => types.order(a) - types.order(b),
  );
  if (!dossiers.data) return null;
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="agreements">
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, mb: 1 }}>
        {t("meeting.agreement.heading")}
      </Typography>
      <Stack spacing={1}>
        {agendaTypes.map((type) => {
          const all = dossiers.data!.filter((d) => d.unit.unitType === type);
          const agreed = all.filter((d) => DONE.has(d.status)).length;
          const recorded = agreements.data?.find((a) => a.unitType === type);
          return (
            <Stack
              key={type}
              direction="row"
              spacing={1.5}
              useFlexGap
              sx={{ alignItems: "center", flexWrap: "wrap", rowGap: 0.75 }}
              data-testid={`agreement-${type}`}
            >
              <Typography variant="body2" sx={{ fontWeight: 600, minWidth: { xs: 0, sm: 200 } }}>
                {types.name(type)}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                {t("meeting.agreement.progress", { agreed, n: all.length })}
              </Typography>
              {recorded ? (
                // The chip says when and by whom: on a phone its label wraps instead of being cut (MUI's chip
                // keeps one line and ellipsises).
                <Chip
                  color="success"
                  icon={<HandshakeOutlined />}
                  label={t("meeting.agreement.recorded", {
                    when: formatDateTime(recorded.agreedAt),
                    by: recorded.agreedBy.name,
                  })}
                  data-testid={`agreement-chip-${type}`}
                  sx={{
                    height: "auto",
                    minHeight: 32,
                    maxWidth: "100%",
                    "& .MuiChip-label": { whiteSpace: "normal", overflowWrap: "anywhere", py: 0.5 },
                  }}
                />
              ) : (
                mayRecord && (
                  <Button
                    size="small"
                    variant="contained"
                    startIcon={<HandshakeOutlined />}
                    disabled={agreed < all.length || all.length === 0}
                    onClick={() => setRecording(type)}
                    data-testid={`agreement-record-${type}`}
                  >
                    {t("meeting.agreement.record")}
                  </Button>
                )
              )}
            </Stack>
          );
        })}
      </Stack>
      {recording && (
        <RecordDialog
          periodId={meeting.periodId}
          unitType={recording}
          typeName={types.name(recording)}
          onClose={() => setRecording(null)}
          onDone={() => {
            setRecording(null);
            agreements.reload();
          }}
        />
      )}
    </Paper>
  );
}

function RecordDialog(p: {
  periodId: string;
  unitType: string;
  typeName: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [minutes, setMinutes] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await meetingsApi.agree(p.periodId, { unitType: p.unitType, minutes: minutes.trim() });
      p.onDone();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t("errors.unknown"));
      setBusy(false);
    }
  };
  return (
    <Dialog open onClose={busy ? undefined : p.onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{t("meeting.agreement.dialogTitle", { type: p.typeName })}</DialogTitle>
      <DialogContent dividers>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {t("meeting.agreement.dialogText")}
        </Typography>
        <TextField
          label={t("meeting.agreement.minutes")}
          multiline
          minRows={5}
          fullWidth
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
          slotProps={{ htmlInput: { maxLength: 50_000, "data-testid": "agreement-minutes" } }}
        />
        {error && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {error}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={p.onClose} disabled={busy}>
          {t("common.cancel")}
        </Button>
        <Button
          variant="contained"
          onClick={save}
          disabled={busy || !minutes.trim()}
          data-testid="agreement-save"
        >
          {t("meeting.agreement.save")}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
