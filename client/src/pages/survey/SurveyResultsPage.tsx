import { useState } from "react";
import {
  Alert,
  Box,
  Button,
  Chip,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from "@mui/material";
import DownloadOutlined from "@mui/icons-material/DownloadOutlined";
import LockOutlined from "@mui/icons-material/LockOutlined";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router-dom";
import { surveyApi } from "../../api/survey";
import { PageHeader } from "../../components/PageHeader";
import { ErrorState, LoadingState } from "../../components/States";
import { formatDateTime } from "../../format/dates";
import { showPoints } from "../../format/points";
import { useApi } from "../../hooks/useApi";
import type { Lang } from "../../i18n";
import { usePeriods } from "../../period/PeriodProvider";
import { LockDialog } from "./LockDialog";

/** Response rates per group and unit, flagged below the period's minimum, points per unit; the lock; the export. */
export default function SurveyResultsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { periodId = "" } = useParams();
  const { periods } = usePeriods();
  const period = periods?.find((p) => p.id === periodId);
  const results = useApi((signal) => surveyApi.results(periodId, signal), [periodId]);
  const [locking, setLocking] = useState(false);

  if (results.loading) return <LoadingState />;
  if (results.error) return <ErrorState error={results.error} onRetry={results.reload} />;
  const r = results.data!.data;
  const can = results.data!.abilities;
  const pct = (n: number | null) => (n === null ? "—" : `${n}%`);

  return (
    <Box>
      <PageHeader
        title={t("survey.results.title")}
        subtitle={t("survey.results.subtitle", { period: period?.name ?? "", min: r.minResponses })}
        actions={
          <>
            {can.exportResults && (
              <Button
                variant="outlined"
                startIcon={<DownloadOutlined />}
                href={surveyApi.exportUrl(periodId)}
              >
                {t("survey.results.export")}
              </Button>
            )}
            {can.lock && (
              <Button
                variant="contained"
                color="warning"
                startIcon={<LockOutlined />}
                onClick={() => setLocking(true)}
                data-testid="survey-lock"
              >
                {t("survey.results.lock")}
              </Button>
            )}
          </>
        }
      />
      {r.locked ? (
        <Alert severity="success" sx={{ mb: 2 }} data-testid="survey-locked">
          {t("survey.results.locked", { at: formatDateTime(r.locked.at), by: r.locked.by })}
        </Alert>
      ) : (
        <Alert severity="info" sx={{ mb: 2 }}>
          {t("survey.results.notLocked")}
        </Alert>
      )}
      <Stack spacing={3}>
        {r.questionnaires.map((q) => (
          <Box key={q.id}>
            <Typography variant="h6" component="h2">
              {q.title}
            </Typography>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
              {t("survey.results.rate", {
                answered: q.answeredByLink,
                paper: q.paperForms,
                total: q.respondents,
                rate: pct(q.rate),
              })}
            </Typography>
            <TableContainer component={Paper} variant="outlined">
              <Table size="small">
                <TableHead>
                  <TableRow>
                    <TableCell>{t("survey.results.unit")}</TableCell>
                    <TableCell align="right">{t("survey.results.responses")}</TableCell>
                    <TableCell align="right">{t("survey.results.unitRate")}</TableCell>
                    {q.units[0]?.leaves.map((l) => (
                      <TableCell key={l.code} align="right">
                        {l.code}
                      </TableCell>
                    ))}
                    <TableCell align="right">{t("survey.results.points")}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {q.units.map((u) => (
                    <TableRow key={u.unitId} data-testid={`survey-result-${u.unitId}`}>
                      <TableCell>
                        {u.unitName}{" "}
                        {u.flagged && (
                          <Chip
                            size="small"
                            color="warning"
                            variant="outlined"
                            label={t(
                              u.responses === 0 ? "survey.results.noAnswers" : "survey.results.flagged",
                            )}
                          />
                        )}
                      </TableCell>
                      <TableCell align="right">{u.responses}</TableCell>
                      <TableCell align="right">{pct(u.rate)}</TableCell>
                      {u.leaves.map((l) => (
                        <TableCell
                          key={l.code}
                          align="right"
                          title={t("survey.results.leafTitle", { valid: l.valid, dontKnow: l.dontKnow })}
                        >
                          {l.flag === "no_answers" ? "—" : showPoints(l.points, lang)}
                        </TableCell>
                      ))}
                      <TableCell align="right">
                        <strong>{showPoints(u.points, lang)}</strong>
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableContainer>
          </Box>
        ))}
      </Stack>
      {locking && (
        <LockDialog
          onClose={() => setLocking(false)}
          onConfirm={async (reason) => {
            await surveyApi.lock(periodId, reason);
            results.reload();
          }}
        />
      )}
    </Box>
  );
}
