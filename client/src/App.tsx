import {
  isValidElement,
  lazy,
  Suspense,
  useEffect,
  useMemo,
  type ComponentType,
  type ReactNode,
} from "react";
import { CssBaseline, ThemeProvider } from "@mui/material";
import { useTranslation } from "react-i18next";
import {
  createBrowserRouter,
  createRoutesFromElements,
  Navigate,
  Outlet,
  Route,
  RouterProvider,
} from "react-router-dom";
import { AuthProvider } from "./auth/AuthProvider";
import { RequireAdmin, RequireAuth, RedirectIfSignedIn } from "./auth/guards";
import { AppShell } from "./components/shell/AppShell";
import { ErrorBoundary } from "./components/ErrorBoundary";
import { LoadingState } from "./components/States";
import { HomeRedirect } from "./pages/HomeRedirect";
import { buildTheme } from "./theme";
import type { Lang } from "./i18n";

/** A page in its own chunk (React.lazy), keeping its loader so the first page can be fetched early (below). */
function page<T extends ComponentType>(load: () => Promise<{ default: T }>) {
  return Object.assign(lazy(load), { load });
}

// Every page is its own chunk: the login screen ships only what it needs (docs/targets.md P9).
const LoginPage = page(() => import("./pages/login/LoginPage"));
const DossiersPage = page(() => import("./pages/dossiers/DossiersPage"));
const DossierPage = page(() => import("./pages/dossier/DossierPage"));
const TimelinePage = page(() => import("./pages/timeline/TimelinePage"));
const ProgressPage = page(() => import("./pages/progress/ProgressPage"));
const RankingPage = page(() => import("./pages/ranking/RankingPage"));
const UnitsPage = page(() => import("./pages/units/UnitsPage"));
const SetupPage = page(() => import("./pages/setup/SetupPage"));
const ClassificationPage = page(() => import("./pages/classification/ClassificationPage"));
const AccountsPage = page(() => import("./pages/accounts/AccountsPage"));
const IndexSetsPage = page(() => import("./pages/indexSets/IndexSetsPage"));
const IndexSetDetailPage = page(() => import("./pages/indexSets/IndexSetDetailPage"));
const NotFoundPage = page(() => import("./pages/NotFoundPage"));
const ResultsPage = page(() => import("./pages/results/ResultsPage"));
const ResponsibilityPage = page(() => import("./pages/results/ResponsibilityPage"));
const PublicResultsPage = page(() => import("./pages/public/PublicResultsPage"));
const MeetingsPage = page(() => import("./pages/meetings/MeetingsPage"));
const MeetingPage = page(() => import("./pages/meetings/MeetingPage"));
const DashboardPage = page(() => import("./pages/dashboard/DashboardPage"));
const AnswerPage = page(() => import("./pages/survey/AnswerPage"));
const SurveysPage = page(() => import("./pages/survey/SurveysPage"));
const SurveyDetailPage = page(() => import("./pages/survey/SurveyDetailPage"));
const PaperEntryPage = page(() => import("./pages/survey/PaperEntryPage"));
const SurveyResultsPage = page(() => import("./pages/survey/SurveyResultsPage"));

function Root() {
  return (
    <ErrorBoundary>
      <Suspense fallback={<LoadingState minHeight={480} />}>
        <Outlet />
      </Suspense>
    </ErrorBoundary>
  );
}

// A data router: the self-assessment page blocks in-app navigation while changes are unsaved (useBlocker).
const router = createBrowserRouter(
  createRoutesFromElements(
    <Route element={<Root />}>
      <Route
        path="/login"
        element={
          <RedirectIfSignedIn>
            <LoginPage />
          </RedirectIfSignedIn>
        }
      />
      {/* A survey respondent's single-use link: no account, outside the signed-in shell. */}
      <Route path="/s/:token" element={<AnswerPage />} />
      {/* The public results: no sign-in, outside the signed-in shell (docs/domain.md §1 "public"). */}
      <Route path="/public/results" element={<PublicResultsPage />} />
      <Route path="/public/results/:periodId" element={<PublicResultsPage />} />
      <Route element={<RequireAuth />}>
        <Route element={<AppShell />}>
          <Route index element={<HomeRedirect />} />
          <Route path="periods/:periodId" element={<Navigate to="dossiers" replace />} />
          <Route path="periods/:periodId/dossiers" element={<DossiersPage />} />
          <Route path="periods/:periodId/timeline" element={<TimelinePage />} />
          <Route path="periods/:periodId/ranking" element={<RankingPage />} />
          <Route path="periods/:periodId/classification" element={<ClassificationPage />} />
          <Route path="periods/:periodId/results" element={<ResultsPage />} />
          <Route path="periods/:periodId/responsibility" element={<ResponsibilityPage />} />
          <Route path="dossiers/:dossierId" element={<DossierPage />} />
          <Route path="periods/:periodId/meetings" element={<MeetingsPage />} />
          <Route path="meetings/:meetingId" element={<MeetingPage />} />
          <Route path="periods/:periodId/dashboard" element={<DashboardPage />} />
          <Route path="periods/:periodId/survey" element={<SurveysPage />} />
          <Route path="periods/:periodId/survey/results" element={<SurveyResultsPage />} />
          <Route path="surveys/:surveyId" element={<SurveyDetailPage />} />
          <Route path="surveys/:surveyId/paper" element={<PaperEntryPage />} />
          <Route path="index-sets" element={<IndexSetsPage />} />
          <Route path="index-sets/:indexSetId" element={<IndexSetDetailPage />} />
          <Route element={<RequireAdmin />}>
            <Route path="periods/:periodId/progress" element={<ProgressPage />} />
            <Route path="units" element={<UnitsPage />} />
            <Route path="setup" element={<SetupPage />} />
            <Route path="accounts" element={<AccountsPage />} />
          </Route>
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Route>,
  ),
);

/** Starts fetching the chunks of the pages an element renders, however deep in its guards they sit. */
function preload(node: ReactNode): void {
  if (!isValidElement<{ children?: ReactNode }>(node)) return;
  // A failure is React.lazy's to report (ErrorBoundary), when the page renders and asks again.
  (node.type as { load?: () => Promise<unknown> }).load?.().catch(() => undefined);
  preload(node.props.children);
}
// The address's page is fetched now, beside the session check, rather than once the check has answered and
// the guards render it (docs/targets.md P9): the router has matched the address already.
for (const { route } of router.state.matches) preload(route.element);

export function App() {
  const { t, i18n } = useTranslation();
  const theme = useMemo(() => buildTheme(i18n.language as Lang), [i18n.language]);
  useEffect(() => {
    document.title = t("app.name");
  }, [t, i18n.language]);
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <AuthProvider>
        <RouterProvider router={router} />
      </AuthProvider>
    </ThemeProvider>
  );
}
