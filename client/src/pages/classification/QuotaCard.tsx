import { useState } from "react";
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  IconButton,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from "@mui/material";
import DeleteOutline from "@mui/icons-material/DeleteOutline";
import type { TClassificationState, TUnitType } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { classificationApi } from "../../api/setup";
import { showIndex } from "../../format/points";
import { currentLang } from "../../i18n";

type Quota = { band: string; unitType: string; limit: "percent" | "units"; value: string };

/** The admin's band quotas of the period (at most N % or N units of a type in a band), with the reason. */
export function QuotaCard({
  periodId,
  state,
  types,
  canEdit,
  onSaved,
}: {
  periodId: string;
  state: TClassificationState;
  types: TUnitType[];
  canEdit: boolean;
  onSaved: (s: TClassificationState) => void;
}) {
  const { t } = useTranslation();
  const [quotas, setQuotas] = useState<Quota[]>(
    state.quotas.map((q) => ({
      band: q.band,
      unitType: q.unitType ?? "",
      limit: q.maxPercent !== null ? "percent" : "units",
      value: String(q.maxPercent ?? q.maxUnits ?? ""),
    })),
  );
  const [reason, setReason] = useState("");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const set = (i: number, patch: Partial<Quota>) =>
    setQuotas((qs) => qs.map((q, j) => (j === i ? { ...q, ...patch } : q)));

  async function save() {
    setMessage(null);
    try {
      const next = await classificationApi.configure(periodId, {
        quotas: quotas.map((q) => ({
          band: q.band,
          ...(q.unitType ? { unitType: q.unitType } : {}),
          ...(q.limit === "percent"
            ? { maxPercent: Number(q.value.replace(",", ".")) }
            : { maxUnits: Number(q.value) }),
        })),
        reason,
      });
      onSaved(next);
      setMessage({ ok: true, text: t("classification.saved") });
    } catch (err) {
      setMessage({ ok: false, text: (err as Error).message });
    }
  }

  return (
    <Card variant="outlined" data-testid="quota-card">
      <CardContent>
        <Typography variant="h6" component="h2">
          {t("classification.quotas")}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {t("classification.quotaHint")}
        </Typography>
        {/* The thresholds the quotas act on, so that nobody has to look them up elsewhere. */}
        <Typography variant="body2" sx={{ mb: 2 }} data-testid="band-thresholds">
          {t("classification.thresholds", {
            list: [...state.bands]
              .sort((a, b) => b.minIndex - a.minIndex)
              .map((b) => `${b.label} ≥ ${showIndex(b.minIndex, currentLang())}`)
              .join(" · "),
          })}
        </Typography>
        {quotas.length === 0 && (
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }} data-testid="no-quotas">
            {t("classification.noQuotas")}
          </Typography>
        )}
        <Stack spacing={1.5}>
          {quotas.map((q, i) => (
            <Stack
              key={i}
              direction={{ xs: "column", sm: "row" }}
              spacing={1}
              useFlexGap
              flexWrap="wrap"
              alignItems={{ sm: "center" }}
            >
              <TextField
                select
                size="small"
                label={t("classification.band")}
                value={q.band}
                disabled={!canEdit}
                onChange={(e) => set(i, { band: e.target.value })}
                sx={{ minWidth: 220 }}
              >
                {state.bands.slice(0, -1).map((b) => (
                  <MenuItem key={b.code} value={b.code}>
                    {b.label}
                  </MenuItem>
                ))}
              </TextField>
              <TextField
                select
                size="small"
                label={t("classification.unitType")}
                value={q.unitType}
                disabled={!canEdit}
                onChange={(e) => set(i, { unitType: e.target.value })}
                sx={{ minWidth: 200 }}
              >
                <MenuItem value="">{t("classification.allTypes")}</MenuItem>
                {types.map((ut) => (
                  <MenuItem key={ut.code} value={ut.code}>
                    {ut.name}
                  </MenuItem>
                ))}
              </TextField>
              <TextField
                select
                size="small"
                value={q.limit}
                disabled={!canEdit}
                onChange={(e) => set(i, { limit: e.target.value as Quota["limit"] })}
                sx={{ minWidth: 160 }}
              >
                <MenuItem value="percent">{t("classification.maxPercent")}</MenuItem>
                <MenuItem value="units">{t("classification.maxUnits")}</MenuItem>
              </TextField>
              <TextField
                size="small"
                value={q.value}
                disabled={!canEdit}
                onChange={(e) => set(i, { value: e.target.value })}
                sx={{ width: 100 }}
                slotProps={{ htmlInput: { "data-testid": `quota-value-${i}` } }}
              />
              {canEdit && (
                <IconButton
                  aria-label={t("classification.remove")}
                  onClick={() => setQuotas((qs) => qs.filter((_, j) => j !== i))}
                >
                  <DeleteOutline />
                </IconButton>
              )}
            </Stack>
          ))}
          {canEdit && (
            <>
              <Box>
                <Button
                  size="small"
                  onClick={() =>
                    setQuotas((qs) => [
                      ...qs,
                      { band: state.bands[0]?.code ?? "", unitType: "", limit: "percent", value: "20" },
                    ])
                  }
                >
                  {t("classification.addQuota")}
                </Button>
              </Box>
              <TextField
                size="small"
                label={t("classification.reason")}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                slotProps={{ htmlInput: { "data-testid": "quota-reason" } }}
              />
              <Box>
                <Button variant="contained" onClick={save} data-testid="quota-save">
                  {t("classification.save")}
                </Button>
              </Box>
            </>
          )}
        </Stack>
        {message && (
          <Alert severity={message.ok ? "success" : "error"} sx={{ mt: 2 }}>
            {message.text}
          </Alert>
        )}
      </CardContent>
    </Card>
  );
}
