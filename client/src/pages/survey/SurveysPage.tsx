import { useState } from "react";
import { Box, Button, Card, CardActions, CardContent, Chip, Stack, Typography } from "@mui/material";
import AssessmentOutlined from "@mui/icons-material/AssessmentOutlined";
import type { TSurveySummary } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { Link as RouterLink, useParams } from "react-router-dom";
import { surveyApi } from "../../api/survey";
import { PageHeader } from "../../components/PageHeader";
import { EmptyState, ErrorState, LoadingState } from "../../components/States";
import { useApi } from "../../hooks/useApi";
import { usePeriods } from "../../period/PeriodProvider";
import { ImportSurveyDialog } from "./ImportSurveyDialog";
import { PreviewDialog } from "./PreviewDialog";

/** The period's survey questionnaires (issue 5): tracking counts, preview, respondents and links, paper entry. */
export default function SurveysPage() {
  const { t } = useTranslation();
  const { periodId = "" } = useParams();
  const { periods } = usePeriods();
  const period = periods?.find((p) => p.id === periodId);
  const list = useApi((signal) => surveyApi.list(periodId, signal), [periodId]);
  const [preview, setPreview] = useState<TSurveySummary | null>(null);
  const [importing, setImporting] = useState(false);

  return (
    <Box>
      <PageHeader
        title={t("survey.title")}
        subtitle={t("survey.subtitle", { period: period?.name ?? "" })}
        actions={
          <>
            {list.data?.abilities.manage && (
              <Button variant="outlined" onClick={() => setImporting(true)}>
                {t("survey.import.button")}
              </Button>
            )}
            <Button
              variant="contained"
              startIcon={<AssessmentOutlined />}
              component={RouterLink}
              to={`/periods/${periodId}/survey/results`}
              data-testid="survey-results-link"
            >
              {t("survey.results.title")}
            </Button>
          </>
        }
      />
      {list.loading && <LoadingState />}
      {list.error && <ErrorState error={list.error} onRetry={list.reload} />}
      {list.data && !list.data.data.length && <EmptyState title={t("survey.empty")} />}
      <Stack spacing={2}>
        {list.data?.data.map((s) => (
          <Card key={s.id} variant="outlined" data-testid={`survey-card-${s.respondentGroup}`}>
            <CardContent>
              <Stack direction="row" spacing={1} sx={{ mb: 1, flexWrap: "wrap" }}>
                <Chip size="small" color="primary" label={t(`survey.group.${s.respondentGroup}`)} />
                <Chip size="small" label={s.unitTypeName} />
              </Stack>
              <Typography variant="h6" component="h2">
                {s.title}
              </Typography>
              <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
                {t("survey.card.shape", { questions: s.questions.length, units: s.units.length })}
              </Typography>
              <Typography variant="body2" sx={{ mt: 1 }}>
                {t("survey.card.tracking", { ...s.respondents, paper: s.paperForms })}
              </Typography>
            </CardContent>
            <CardActions>
              <Button onClick={() => setPreview(s)}>{t("survey.preview.button")}</Button>
              {list.data?.abilities.readRespondents && (
                <Button component={RouterLink} to={`/surveys/${s.id}`}>
                  {t("survey.respondents.button")}
                </Button>
              )}
              {list.data?.abilities.enterPaper && (
                <Button component={RouterLink} to={`/surveys/${s.id}/paper`}>
                  {t("survey.paper.button")}
                </Button>
              )}
            </CardActions>
          </Card>
        ))}
      </Stack>
      {preview && <PreviewDialog survey={preview} onClose={() => setPreview(null)} />}
      {importing && (
        <ImportSurveyDialog
          periodId={periodId}
          onClose={() => setImporting(false)}
          onImported={() => {
            setImporting(false);
            list.reload();
          }}
        />
      )}
    </Box>
  );
}
