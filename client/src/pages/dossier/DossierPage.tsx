import { useCallback, useEffect, useState } from "react";
import { Alert, Button, Snackbar } from "@mui/material";
import BlockOutlined from "@mui/icons-material/BlockOutlined";
import { useTranslation } from "react-i18next";
import { Link as RouterLink, useParams } from "react-router-dom";
import { dossiersApi } from "../../api/dossiers";
import { EmptyState, ErrorState, LoadingState } from "../../components/States";
import { useMe } from "../../auth/AuthProvider";
import { personaOf } from "../../auth/persona";
import { useApi } from "../../hooks/useApi";
import { usePeriods } from "../../period/PeriodProvider";
import NotFoundPage from "../NotFoundPage";
import { ExplanationView } from "./explanation/ExplanationView";
import { ReadOnlyView } from "./readonly/ReadOnlyView";
import { ReviewView } from "./review/ReviewView";
import { SelfAssessmentView } from "./self/SelfAssessmentView";
import { useDossierLive } from "./useDossierLive";

interface Toast {
  key: number;
  message: string;
  severity: "success" | "info" | "warning";
}

/**
 * One dossier, in the mode the server's abilities allow right now: self-assessment (step 6), review (7, 9),
 * explanation (8), or reading. Live events refetch it, so each party sees the other's moves without reloading.
 */
export default function DossierPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { dossierId = "" } = useParams();
  const { remember } = usePeriods();
  const res = useApi((signal) => dossiersApi.get(dossierId, signal), [dossierId]);
  const [toast, setToast] = useState<Toast | null>(null);
  const notify = useCallback(
    (message: string, severity: Toast["severity"] = "success") =>
      setToast({ key: Date.now(), message, severity }),
    [],
  );
  const detail = res.data?.data;
  const abilities = res.data?.abilities;
  const councilWork = !!abilities?.readCouncilWork;

  useDossierLive(
    dossierId,
    { read: !!abilities?.read, councilWork },
    {
      refresh: res.reload,
      // An agency's room carries only formal requests: each one is news. The council sees its own notes arrive
      // through the refetch, without a toast for every colleague's save.
      onCommentNew: () => {
        if (!councilWork) notify(t("live.requestNew"), "warning");
      },
      onCommentUpdate: (status) => {
        if (councilWork && status === "answered") notify(t("live.answerArrived"), "info");
      },
    },
  );

  // The period of the dossier becomes the selected one, so the menu and the period selector match it.
  const periodId = detail?.period.id;
  useEffect(() => {
    if (periodId) remember(periodId);
  }, [periodId, remember]);

  if (!detail || !abilities) {
    if (res.error?.code === "forbidden")
      return (
        <EmptyState
          icon={<BlockOutlined />}
          title={t("dossier.forbiddenTitle")}
          description={t(
            personaOf(me.roles) === "council" ? "dossier.forbiddenRecused" : "dossier.forbiddenText",
          )}
          action={
            <Button variant="contained" component={RouterLink} to="/">
              {t("common.backHome")}
            </Button>
          }
        />
      );
    if (res.error?.code === "not_found" || res.error?.code === "validation_failed") return <NotFoundPage />;
    if (res.error) return <ErrorState error={res.error} onRetry={res.reload} />;
    return <LoadingState />;
  }

  const props = { detail, abilities, reload: res.reload, notify: (m: string) => notify(m) };
  const mode = abilities.editSelf
    ? "self"
    : abilities.review
      ? "review"
      : abilities.answer
        ? "answer"
        : "read";
  return (
    <div data-testid="dossier-page" data-mode={mode}>
      {res.error && (
        <Alert severity="warning" sx={{ mb: 2 }}>
          {res.error.message}
        </Alert>
      )}
      {mode === "self" && <SelfAssessmentView key="self" {...props} />}
      {mode === "review" && <ReviewView key={`review-${detail.status}`} {...props} />}
      {mode === "answer" && <ExplanationView key="answer" {...props} />}
      {mode === "read" && <ReadOnlyView key="read" {...props} />}
      <Snackbar
        key={toast?.key}
        open={!!toast}
        autoHideDuration={6000}
        onClose={(_e, reason) => reason !== "clickaway" && setToast(null)}
        anchorOrigin={{ vertical: "bottom", horizontal: "center" }}
      >
        <Alert
          severity={toast?.severity ?? "success"}
          variant="filled"
          onClose={() => setToast(null)}
          data-testid="snackbar"
          sx={{ minWidth: 320 }}
        >
          {toast?.message}
        </Alert>
      </Snackbar>
    </div>
  );
}
