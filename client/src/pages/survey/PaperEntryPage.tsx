import { useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import {
  Alert,
  Box,
  Button,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from "@mui/material";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router-dom";
import { ApiError } from "../../api/http";
import { surveyApi } from "../../api/survey";
import { PageHeader } from "../../components/PageHeader";
import { ErrorState, LoadingState } from "../../components/States";
import { useApi } from "../../hooks/useApi";
import { wordingIn } from "../../format/titles";
import { currentLang } from "../../i18n";

const BLANK = ".";

/**
 * Fast entry of paper forms, keyboard only (issue 5): type the form number, then per unit one letter per question
 * ("ABBAX"; "." leaves a question blank; an empty row means the unit was not rated), Enter saves. The next number
 * is proposed and the focus goes back to the first unit. A number already entered is refused by the server.
 */
export default function PaperEntryPage() {
  const { t } = useTranslation();
  const { surveyId = "" } = useParams();
  const survey = useApi((signal) => surveyApi.get(surveyId, signal), [surveyId]);
  const [formNumber, setFormNumber] = useState("1");
  const [rows, setRows] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<number[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const numberRef = useRef<HTMLInputElement>(null);

  if (survey.loading) return <LoadingState />;
  if (survey.error) return <ErrorState error={survey.error} onRetry={survey.reload} />;
  const s = survey.data!.data;
  const codes = new Set(s.options.map((o) => o.code));
  const width = s.questions.length;
  const rowProblem = (v: string) =>
    v !== "" && (v.length !== width || [...v].some((c) => c !== BLANK && !codes.has(c)));
  const problems = s.units.filter((u) => rowProblem(rows[u.id] ?? ""));
  const answers = s.units.flatMap((u) =>
    [...(rows[u.id] ?? "")].flatMap((c, i) =>
      c === BLANK ? [] : [{ unitId: u.id, questionId: s.questions[i].id, option: c }],
    ),
  );
  const number = Number(formNumber);
  const ready = Number.isInteger(number) && number >= 1 && answers.length > 0 && problems.length === 0;

  const save = async (e?: FormEvent) => {
    e?.preventDefault();
    if (!ready || busy) return;
    setBusy(true);
    setError(null);
    try {
      await surveyApi.enterPaper(surveyId, { formNumber: number, answers });
      setSaved((list) => [number, ...list]);
      setRows({});
      setFormNumber(String(number + 1));
      numberRef.current?.focus();
      numberRef.current?.select();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError("internal", t("errors.unknown")));
    } finally {
      setBusy(false);
    }
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === "Enter") void save(e as unknown as FormEvent);
  };

  return (
    <Box component="form" onSubmit={save}>
      <PageHeader title={t("survey.paper.title")} subtitle={s.title} />
      <Paper variant="outlined" sx={{ p: 2, mb: 2 }}>
        <Typography variant="body2">
          {t("survey.paper.help", { width, options: s.options.map((o) => o.code).join(", ") })}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
          {s.questions.map((q, i) => `${i + 1}. ${wordingIn(q, currentLang())}`).join(" · ")}
        </Typography>
      </Paper>
      <Stack direction="row" spacing={2} sx={{ mb: 2, alignItems: "center" }}>
        <TextField
          label={t("survey.paper.formNumber")}
          value={formNumber}
          inputRef={numberRef}
          autoFocus
          onChange={(e) => setFormNumber(e.target.value.replace(/\D/g, ""))}
          onKeyDown={onKey}
          slotProps={{ htmlInput: { inputMode: "numeric", "data-testid": "paper-number" } }}
          sx={{ width: 160 }}
        />
        <Button type="submit" variant="contained" disabled={!ready || busy} data-testid="paper-save">
          {t("survey.paper.save")}
        </Button>
        {saved.length > 0 && (
          <Typography color="success.main" data-testid="paper-saved">
            {t("survey.paper.saved", { n: saved[0], count: saved.length })}
          </Typography>
        )}
      </Stack>
      {error && (
        <Alert severity="error" sx={{ mb: 2 }} data-testid="paper-error">
          {error.message}
        </Alert>
      )}
      <Paper variant="outlined">
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{t("survey.paper.unit")}</TableCell>
              <TableCell>{t("survey.paper.answers", { width })}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {s.units.map((u, i) => (
              <TableRow key={u.id}>
                <TableCell>{u.name}</TableCell>
                <TableCell>
                  <TextField
                    size="small"
                    value={rows[u.id] ?? ""}
                    error={rowProblem(rows[u.id] ?? "")}
                    onChange={(e) =>
                      setRows((r) => ({ ...r, [u.id]: e.target.value.toUpperCase().replace(/\s/g, "") }))
                    }
                    onKeyDown={onKey}
                    slotProps={{
                      htmlInput: {
                        maxLength: width,
                        "aria-label": u.name,
                        "data-testid": `paper-row-${i}`,
                        style: { fontFamily: "monospace", letterSpacing: 4 },
                      },
                    }}
                  />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Paper>
    </Box>
  );
}
