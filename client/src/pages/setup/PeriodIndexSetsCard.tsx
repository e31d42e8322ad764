import { useEffect, useState } from "react";
import { Alert, Card, CardContent, MenuItem, Stack, TextField, Typography } from "@mui/material";
import type { TPeriodIndexSet } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { indexSetsApi } from "../../api/indexSets";
import { periodsApi } from "../../api/periods";
import { useApi } from "../../hooks/useApi";
import { currentLang } from "../../i18n";
import { usePeriods } from "../../period/PeriodProvider";

/**
 * Which index set a period applies to each unit type (docs/periods-and-classification.md): one select per type,
 * offering the sets made for that type; locked once a dossier of the type has a score. A refusal is the server's
 * message, in the user's language.
 */
export function PeriodIndexSetsCard() {
  const { t } = useTranslation();
  const lang = currentLang();
  const { periods, defaultPeriodId } = usePeriods();
  const [periodId, setPeriodId] = useState<string>("");
  useEffect(() => {
    if (!periodId && defaultPeriodId) setPeriodId(defaultPeriodId);
  }, [periodId, defaultPeriodId]);
  const links = useApi(
    (signal) =>
      periodId ? periodsApi.indexSets(periodId, signal) : Promise.resolve([] as TPeriodIndexSet[]),
    [periodId],
  );
  const sets = useApi((signal) => indexSetsApi.list(signal), []);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function assign(link: TPeriodIndexSet, indexSetId: string) {
    setBusy(true);
    setMessage(null);
    try {
      const next = await periodsApi.assignIndexSet(periodId, link.unitType, { indexSetId });
      links.setData(() => next);
      const type = lang === "en" ? link.unitTypeNameEn : link.unitTypeName;
      setMessage({ ok: true, text: t("setup.indexSetSaved", { type }) });
    } catch (err) {
      setMessage({ ok: false, text: (err as Error).message });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card variant="outlined" data-testid="period-index-sets">
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {t("setup.indexSets")}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {t("setup.indexSetsHint")}
        </Typography>
        <Stack spacing={2}>
          <TextField
            select
            size="small"
            label={t("setup.period")}
            value={periods?.some((p) => p.id === periodId) ? periodId : ""}
            onChange={(e) => {
              setMessage(null);
              setPeriodId(e.target.value);
            }}
            sx={{ maxWidth: 420 }}
          >
            {(periods ?? []).map((p) => (
              <MenuItem key={p.id} value={p.id}>
                {p.name}
              </MenuItem>
            ))}
          </TextField>
          {links.error && <Alert severity="error">{links.error.message}</Alert>}
          {(links.data ?? []).map((link) => {
            const options = (sets.data ?? []).filter((s) => s.unitType === link.unitType);
            const label = lang === "en" ? link.unitTypeNameEn : link.unitTypeName;
            return (
              <TextField
                key={link.unitType}
                select
                size="small"
                label={label}
                value={options.some((s) => s.id === link.indexSetId) ? link.indexSetId : ""}
                disabled={busy || link.scored}
                helperText={link.scored ? t("setup.scored") : undefined}
                onChange={(e) => void assign(link, e.target.value)}
                inputProps={{ "data-testid": `index-set-${link.unitType}` }}
                sx={{ maxWidth: 420 }}
              >
                {options.map((s) => (
                  <MenuItem key={s.id} value={s.id}>
                    {`${s.name} (${s.code} v${s.version})`}
                  </MenuItem>
                ))}
              </TextField>
            );
          })}
          {message && (
            <Alert severity={message.ok ? "success" : "error"} role={message.ok ? "status" : "alert"}>
              {message.text}
            </Alert>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
}
