import { useState } from "react";
import {
  Alert,
  Button,
  Card,
  CardContent,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from "@mui/material";
import type { TClassificationState, TRankingRow } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { classificationApi } from "../../api/setup";

/** The council's band caps (a disqualifying fact), recorded and withdrawn by the chair with reason and number. */
export function CapsCard({
  periodId,
  state,
  units,
  canDecide,
  onChanged,
}: {
  periodId: string;
  state: TClassificationState;
  units: TRankingRow["unit"][];
  canDecide: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [unitId, setUnitId] = useState("");
  const [maxBand, setMaxBand] = useState(state.bands[1]?.code ?? "");
  const [reason, setReason] = useState("");
  const [doc, setDoc] = useState("");
  const [error, setError] = useState<string | null>(null);
  const label = (code: string) => state.bands.find((b) => b.code === code)?.label ?? code;

  async function record() {
    setError(null);
    try {
      await classificationApi.recordCap(periodId, { unitId, maxBand, reason, documentNumber: doc });
      setReason("");
      setDoc("");
      onChanged();
    } catch (err) {
      const details = (err as { details?: { message?: string }[] }).details;
      setError(
        [(err as Error).message, ...(Array.isArray(details) ? details.map((d) => d.message) : [])].join(" "),
      );
    }
  }
  async function withdraw(capId: string) {
    const why = window.prompt(t("classification.withdrawReason"));
    if (!why) return;
    await classificationApi
      .withdrawCap(periodId, capId, why)
      .then(onChanged, (err: Error) => setError(err.message));
  }

  return (
    <Card variant="outlined" data-testid="caps-card">
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {t("classification.caps")}
        </Typography>
        {state.caps.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            {t("classification.noCaps")}
          </Typography>
        ) : (
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{t("classification.capUnit")}</TableCell>
                <TableCell>{t("classification.maxBand")}</TableCell>
                <TableCell>{t("classification.reason")}</TableCell>
                <TableCell>{t("classification.documentNumber")}</TableCell>
                <TableCell>{t("classification.recordedBy")}</TableCell>
                {canDecide && <TableCell />}
              </TableRow>
            </TableHead>
            <TableBody>
              {state.caps.map((c) => (
                <TableRow key={c.id} data-testid="cap-row">
                  <TableCell>{c.unit.name}</TableCell>
                  <TableCell>{label(c.maxBand)}</TableCell>
                  <TableCell>{c.reason}</TableCell>
                  <TableCell>{c.documentNumber}</TableCell>
                  <TableCell>{c.recordedBy}</TableCell>
                  {canDecide && (
                    <TableCell>
                      <Button size="small" color="error" onClick={() => withdraw(c.id)}>
                        {t("classification.withdraw")}
                      </Button>
                    </TableCell>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        {canDecide ? (
          <Stack
            direction={{ xs: "column", md: "row" }}
            spacing={1}
            useFlexGap
            flexWrap="wrap"
            sx={{ mt: 2 }}
          >
            <TextField
              select
              size="small"
              label={t("classification.capUnit")}
              value={unitId}
              onChange={(e) => setUnitId(e.target.value)}
              sx={{ minWidth: 220 }}
              slotProps={{ htmlInput: { "data-testid": "cap-unit" } }}
            >
              {units.map((u) => (
                <MenuItem key={u.id} value={u.id}>
                  {u.name}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              select
              size="small"
              label={t("classification.maxBand")}
              value={maxBand}
              onChange={(e) => setMaxBand(e.target.value)}
              sx={{ minWidth: 180 }}
            >
              {state.bands.map((b) => (
                <MenuItem key={b.code} value={b.code}>
                  {b.label}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              size="small"
              label={t("classification.reason")}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              sx={{ flex: 1, minWidth: 260 }}
              slotProps={{ htmlInput: { "data-testid": "cap-reason" } }}
            />
            <TextField
              size="small"
              label={t("classification.documentNumber")}
              value={doc}
              onChange={(e) => setDoc(e.target.value)}
              slotProps={{ htmlInput: { "data-testid": "cap-doc" } }}
            />
            <Button variant="contained" onClick={record} disabled={!unitId} data-testid="cap-record">
              {t("classification.recordCap")}
            </Button>
          </Stack>
        ) : (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>
            {t("classification.chairOnly")}
          </Typography>
        )}
        {error && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {error}
          </Alert>
        )}
      </CardContent>
    </Card>
  );
}
