import { useEffect, useState } from "react";
import { Alert, Box, Button, Container, LinearProgress, Paper, Stack, Typography } from "@mui/material";
import CheckCircleOutline from "@mui/icons-material/CheckCircleOutline";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router-dom";
import { ApiError } from "../../api/http";
import { surveyApi } from "../../api/survey";
import { LoadingState } from "../../components/States";
import { formatDate } from "../../format/dates";
import { useApi } from "../../hooks/useApi";
import { UnitStep } from "./answer/UnitStep";
import { useAnswerDraft } from "./answer/useAnswerDraft";

/**
 * The respondent's page (no account, issue 5): reached through a single-use link, one unit per step with the
 * progress shown, resumable on the same device, submitted once.
 */
export default function AnswerPage() {
  const { t } = useTranslation();
  const { token = "" } = useParams();
  const survey = useApi((signal) => surveyApi.open(token, signal).then((r) => r.data), [token]);
  const { draft, answer, goTo, clear } = useAnswerDraft(token);
  const [sending, setSending] = useState(false);
  const [sendError, setSendError] = useState<ApiError | null>(null);
  const [done, setDone] = useState(false);

  useEffect(() => {
    window.scrollTo(0, 0);
  }, [draft.step]);

  const shell = (children: React.ReactNode) => (
    <Box sx={{ minHeight: "100vh", bgcolor: "background.default", py: { xs: 2, sm: 4 } }}>
      <Container maxWidth="sm">{children}</Container>
    </Box>
  );
  if (done)
    return shell(
      <Paper sx={{ p: 3, textAlign: "center" }} data-testid="survey-thanks">
        <CheckCircleOutline color="success" sx={{ fontSize: 56 }} />
        <Typography variant="h5" component="h1" sx={{ mt: 1 }}>
          {t("survey.answer.thanksTitle")}
        </Typography>
        <Typography sx={{ mt: 1 }}>{t("survey.answer.thanksText")}</Typography>
      </Paper>,
    );
  if (survey.loading) return shell(<LoadingState />);
  if (survey.error || !survey.data)
    return shell(
      <Alert severity="warning" data-testid="survey-refused" sx={{ fontSize: 16 }}>
        <Typography variant="h6" component="h1">
          {t("survey.answer.unavailable")}
        </Typography>
        {survey.error?.message}
      </Alert>,
    );

  const s = survey.data;
  const units = s.units;
  const step = Math.min(draft.step, units.length + 1);
  const unitDone = (unitId: string) => s.questions.every((q) => draft.answers[`${unitId}/${q.id}`]);
  const completed = units.filter((u) => unitDone(u.id)).length;

  const submit = async () => {
    setSending(true);
    setSendError(null);
    try {
      const answers = units.flatMap((u) =>
        s.questions.map((q) => ({
          unitId: u.id,
          questionId: q.id,
          option: draft.answers[`${u.id}/${q.id}`],
        })),
      );
      await surveyApi.submit(token, { answers });
      clear();
      setDone(true);
    } catch (err) {
      setSendError(err instanceof ApiError ? err : new ApiError("network", String(err)));
    } finally {
      setSending(false);
    }
  };

  return shell(
    <Stack spacing={2}>
      <Box>
        <Typography variant="overline" color="text.secondary">
          {s.periodName}
        </Typography>
        <Typography variant="h5" component="h1" sx={{ fontSize: { xs: 20, sm: 24 } }}>
          {s.title}
        </Typography>
      </Box>
      {step > 0 && (
        <Box data-testid="survey-progress">
          <Typography variant="body2" color="text.secondary">
            {step <= units.length
              ? t("survey.answer.progress", { n: step, total: units.length })
              : t("survey.answer.review")}
            {" · "}
            {t("survey.answer.completed", { n: completed, total: units.length })}
          </Typography>
          <LinearProgress variant="determinate" value={(completed * 100) / units.length} sx={{ mt: 0.5 }} />
        </Box>
      )}
      {step === 0 && (
        <Paper sx={{ p: 2.5 }}>
          {s.intro && <Typography sx={{ whiteSpace: "pre-line" }}>{s.intro}</Typography>}
          <Typography sx={{ mt: 1.5 }}>{t("survey.answer.howTo", { units: units.length })}</Typography>
          {s.closesAt && (
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
              {t("survey.answer.closesAt", { date: formatDate(s.closesAt) })}
            </Typography>
          )}
          {completed > 0 && (
            <Alert severity="info" sx={{ mt: 2 }}>
              {t("survey.answer.resumed", { n: completed })}
            </Alert>
          )}
        </Paper>
      )}
      {step >= 1 && step <= units.length && (
        <UnitStep
          survey={s}
          unit={units[step - 1]}
          answers={draft.answers}
          onAnswer={(questionId, option) => answer(units[step - 1].id, questionId, option)}
        />
      )}
      {step === units.length + 1 && (
        <Paper sx={{ p: 2.5 }}>
          <Typography>{t("survey.answer.reviewText", { n: completed, total: units.length })}</Typography>
          {completed < units.length && (
            <Alert severity="warning" sx={{ mt: 2 }}>
              {t("survey.answer.missing")}
            </Alert>
          )}
        </Paper>
      )}
      {sendError && (
        <Alert severity="error" data-testid="survey-send-error">
          {sendError.message}
        </Alert>
      )}
      <Stack
        direction="row"
        spacing={1.5}
        sx={{ position: "sticky", bottom: 0, bgcolor: "background.default", py: 1.5 }}
      >
        {step > 0 && (
          <Button size="large" variant="outlined" onClick={() => goTo(step - 1)} disabled={sending}>
            {t("survey.answer.back")}
          </Button>
        )}
        <Box sx={{ flexGrow: 1 }} />
        {step <= units.length ? (
          <Button
            size="large"
            variant="contained"
            data-testid="survey-next"
            disabled={step > 0 && !unitDone(units[step - 1].id)}
            onClick={() => goTo(step + 1)}
          >
            {step === 0 ? t("survey.answer.start") : t("survey.answer.next")}
          </Button>
        ) : (
          <Button
            size="large"
            variant="contained"
            data-testid="survey-submit"
            disabled={sending || completed < units.length}
            onClick={submit}
          >
            {t("survey.answer.submit")}
          </Button>
        )}
      </Stack>
    </Stack>,
  );
}
