import { useState } from "react";
import {
  Alert,
  Box,
  Button,
  Checkbox,
  Chip,
  FormControlLabel,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
} from "@mui/material";
import LinkOutlined from "@mui/icons-material/LinkOutlined";
import type { TSurveyLink, TSurveyRespondent } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router-dom";
import { ApiError } from "../../api/http";
import { surveyApi } from "../../api/survey";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { PageHeader } from "../../components/PageHeader";
import { ErrorState, LoadingState } from "../../components/States";
import { formatDateTime } from "../../format/dates";
import { useApi } from "../../hooks/useApi";
import { LinksSheet } from "./LinksSheet";

/** A questionnaire's respondents: import, single-use links (printable with QR codes, optional e-mail), tracking. */
export default function SurveyDetailPage() {
  const { t } = useTranslation();
  const { surveyId = "" } = useParams();
  const survey = useApi((signal) => surveyApi.get(surveyId, signal), [surveyId]);
  const respondents = useApi((signal) => surveyApi.respondents(surveyId, signal), [surveyId]);
  const [links, setLinks] = useState<TSurveyLink[] | null>(null);
  const [sendEmail, setSendEmail] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirm, setConfirm] = useState<{ all: true } | TSurveyRespondent | null>(null);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError("internal", t("errors.unknown")));
    } finally {
      setBusy(false);
    }
  };
  /** Issues links (to everyone who has not answered, or to the listed respondents); earlier links stop working. */
  const issue = (respondentIds?: string[]) =>
    run(async () => {
      setLinks(await surveyApi.issueLinks(surveyId, { sendEmail, respondentIds }));
      respondents.reload();
    });
  // Who would get a link, and how many links already sent would stop working: said before anything happens.
  const waiting = (respondents.data ?? []).filter((r) => !r.answeredAt);
  const live = waiting.filter((r) => r.sentAt).length;
  const importFile = (file: File) =>
    run(async () => {
      await surveyApi.importRespondents(surveyId, file);
      respondents.reload();
    });

  if (survey.loading || respondents.loading) return <LoadingState />;
  if (survey.error) return <ErrorState error={survey.error} onRetry={survey.reload} />;
  if (respondents.error) return <ErrorState error={respondents.error} onRetry={respondents.reload} />;
  const s = survey.data!.data;
  const can = survey.data!.abilities;
  const stamp = (iso: string | null, label: string, color: "default" | "info" | "success") =>
    iso ? <Chip size="small" color={color} label={`${label} ${formatDateTime(iso)}`} /> : null;

  return (
    <Box>
      <PageHeader
        title={s.title}
        subtitle={t("survey.card.tracking", { ...s.respondents, paper: s.paperForms })}
        actions={
          can.manageRespondents && (
            <>
              <Button variant="outlined" component="label" disabled={busy}>
                {t("survey.respondents.import")}
                <input
                  hidden
                  type="file"
                  accept=".xlsx"
                  onChange={(e) => e.target.files?.[0] && importFile(e.target.files[0])}
                />
              </Button>
              <Button
                variant="contained"
                startIcon={<LinkOutlined />}
                onClick={() => setConfirm({ all: true })}
                disabled={busy || waiting.length === 0}
                data-testid="issue-links"
              >
                {t("survey.links.issue")}
              </Button>
            </>
          )
        }
      />
      {can.manageRespondents && (
        <FormControlLabel
          control={<Checkbox checked={sendEmail} onChange={(e) => setSendEmail(e.target.checked)} />}
          label={t("survey.links.sendEmail")}
        />
      )}
      <Alert severity="info" sx={{ my: 2 }}>
        {t("survey.respondents.privacy")}
      </Alert>
      {error && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {error.message}
          {Array.isArray(error.details) &&
            (error.details as { row?: number; message: string }[])
              .slice(0, 10)
              .map((d, i) => (
                <div key={i}>
                  {t("survey.respondents.rowError", { row: d.row ?? "?", message: d.message })}
                </div>
              ))}
        </Alert>
      )}
      <TableContainer component={Paper} variant="outlined">
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{t("common.no")}</TableCell>
              <TableCell>{t("survey.respondents.name")}</TableCell>
              <TableCell>{t("survey.respondents.organisation")}</TableCell>
              <TableCell>{t("survey.respondents.email")}</TableCell>
              <TableCell>{t("survey.respondents.tracking")}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {(respondents.data ?? []).map((r, i) => (
              <TableRow key={r.id}>
                <TableCell>{i + 1}</TableCell>
                <TableCell>{r.fullName}</TableCell>
                <TableCell>{r.organisation}</TableCell>
                <TableCell>{r.email ?? ""}</TableCell>
                <TableCell sx={{ "& > *": { mr: 0.5, mb: 0.5 } }}>
                  {stamp(r.sentAt, t("survey.respondents.sent"), "default")}
                  {stamp(r.openedAt, t("survey.respondents.opened"), "info")}
                  {stamp(r.answeredAt, t("survey.respondents.answered"), "success")}
                  {can.manageRespondents && !r.answeredAt && r.sentAt && (
                    <Button
                      size="small"
                      onClick={() => setConfirm(r)}
                      disabled={busy}
                      data-testid={`reissue-${r.id}`}
                    >
                      {t("survey.links.reissueOne")}
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {confirm && (
        <ConfirmDialog
          title={t("all" in confirm ? "survey.links.confirmTitle" : "survey.links.reissueOneTitle")}
          text={
            "all" in confirm
              ? live > 0
                ? t("survey.links.confirmReplace", { count: waiting.length, live })
                : t("survey.links.confirmNew", { count: waiting.length })
              : t("survey.links.reissueOneText", { name: confirm.fullName })
          }
          confirmLabel={t("all" in confirm ? "survey.links.issue" : "survey.links.reissueOne")}
          danger={"all" in confirm ? live > 0 : true}
          onConfirm={() => issue("all" in confirm ? undefined : [confirm.id])}
          onClose={() => setConfirm(null)}
        />
      )}
      {links && <LinksSheet title={s.title} links={links} onClose={() => setLinks(null)} />}
    </Box>
  );
}
