import { useState } from "react";
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  MenuItem,
  Stack,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from "@mui/material";
import type { TPeriodCreate, TPeriodTemplate } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { setupApi } from "../../api/setup";
import { useApi } from "../../hooks/useApi";
import { currentLang } from "../../i18n";
import { usePeriods } from "../../period/PeriodProvider";
import { ErrorRows, errorRowsOf, type ErrorRow } from "./ErrorRows";

/** "old; new" lines of the mapping sheet, as pasted from a spreadsheet (tab, ; , or → between the codes). */
function parseMapping(text: string) {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [from = "", to = ""] = l.split(/\s*(?:;|,|\t|→|->)\s*/);
      return { from, to };
    });
}

function TemplateSummary({ template }: { template: TPeriodTemplate }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const last = template.timeline.reduce(
    (a, m) => (m.deadline[0] * 100 + m.deadline[1] > a[0] * 100 + a[1] ? m.deadline : a),
    [1, 1],
  );
  return (
    <Box sx={{ bgcolor: "grey.50", p: 1.5, borderRadius: 1 }} data-testid="template-summary">
      <Typography variant="body2">{template.description}</Typography>
      <Typography variant="body2" sx={{ mt: 1 }}>
        <b>{t("setup.unitTypes")}:</b>{" "}
        {template.unitTypes
          .map(
            (u) =>
              `${lang === "en" ? u.nameEn : u.name} (${t("setup.leafCount", { count: u.indexSet.leaves })} · ${u.indexSet.kinds.map((k) => t(`kind.names.${k}`)).join(", ")})`,
          )
          .join("; ")}
      </Typography>
      <Typography variant="body2">
        <b>{t("setup.quota")}:</b>{" "}
        {template.quotas.length
          ? template.quotas
              .map(
                (q) =>
                  `${template.bands.find((b) => b.code === q.band)?.label ?? q.band} ≤ ${q.maxPercent ?? q.maxUnits}${q.maxPercent !== null ? "%" : ""}`,
              )
              .join("; ")
          : "—"}
        {" · "}
        <b>{t("setup.timelineEnd")}:</b> {`${last[1]}/${last[0]}`}
      </Typography>
    </Box>
  );
}

/** The admin starts a period from a template or from last year's (with the mapping of merged units). */
export function NewPeriodCard() {
  const { t } = useTranslation();
  const { periods, reload } = usePeriods();
  const templates = useApi((signal) => setupApi.templates(signal), []);
  const [source, setSource] = useState<"template" | "last">("template");
  const [templateKey, setTemplateKey] = useState("framework-2026");
  const [fromPeriodId, setFromPeriodId] = useState("");
  const [name, setName] = useState("Đánh giá, xếp loại năm 2026");
  const [year, setYear] = useState(2026);
  const [mapping, setMapping] = useState("");
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [rows, setRows] = useState<ErrorRow[] | null>(null);

  async function submit() {
    setBusy(true);
    setDone(null);
    setError(null);
    setRows(null);
    const body: TPeriodCreate =
      source === "template"
        ? { name, year, templateKey }
        : { name, year, fromPeriodId, unitMapping: parseMapping(mapping) };
    try {
      const p = await setupApi.createPeriod(body);
      setDone(t("setup.created", { name: p.name, code: p.code }));
      reload();
    } catch (err) {
      const named = errorRowsOf(err);
      if (named) setRows(named);
      else setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const template = templates.data?.find((x) => x.key === templateKey);
  return (
    <Card variant="outlined" data-testid="new-period">
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {t("setup.newPeriod")}
        </Typography>
        <Stack spacing={2}>
          <ToggleButtonGroup exclusive size="small" value={source} onChange={(_, v) => v && setSource(v)}>
            <ToggleButton value="template" data-testid="source-template">
              {t("setup.fromTemplate")}
            </ToggleButton>
            <ToggleButton value="last" data-testid="source-last">
              {t("setup.fromLast")}
            </ToggleButton>
          </ToggleButtonGroup>
          {source === "template" ? (
            <>
              <TextField
                select
                label={t("setup.template")}
                value={templateKey}
                onChange={(e) => setTemplateKey(e.target.value)}
              >
                {(templates.data ?? []).map((x) => (
                  <MenuItem key={x.key} value={x.key}>
                    {currentLang() === "en" ? x.nameEn : x.name}
                  </MenuItem>
                ))}
              </TextField>
              {template && <TemplateSummary template={template} />}
            </>
          ) : (
            <>
              <TextField
                select
                label={t("setup.lastPeriod")}
                value={fromPeriodId}
                onChange={(e) => setFromPeriodId(e.target.value)}
              >
                {(periods ?? []).map((p) => (
                  <MenuItem key={p.id} value={p.id}>
                    {p.name} ({p.code})
                  </MenuItem>
                ))}
              </TextField>
              <TextField
                label={t("setup.mapping")}
                helperText={t("setup.mappingHint")}
                multiline
                minRows={3}
                value={mapping}
                onChange={(e) => setMapping(e.target.value)}
                slotProps={{ htmlInput: { "data-testid": "mapping" } }}
              />
            </>
          )}
          <Stack direction={{ xs: "column", sm: "row" }} spacing={2}>
            <TextField
              label={t("setup.name")}
              value={name}
              onChange={(e) => setName(e.target.value)}
              fullWidth
            />
            <TextField
              label={t("setup.year")}
              type="number"
              value={year}
              onChange={(e) => setYear(Number(e.target.value))}
              sx={{ width: { sm: 140 } }}
            />
          </Stack>
          <Box>
            <Button
              variant="contained"
              onClick={submit}
              disabled={busy || (source === "last" && !fromPeriodId)}
              data-testid="create-period"
            >
              {t("setup.create")}
            </Button>
          </Box>
        </Stack>
        {done && (
          <Alert severity="success" sx={{ mt: 2 }}>
            {done}
          </Alert>
        )}
        {error && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {error}
          </Alert>
        )}
        {rows && <ErrorRows title={t("setup.mappingErrors")} rows={rows} />}
      </CardContent>
    </Card>
  );
}
