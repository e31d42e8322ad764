import * as S from "@ca/shared";
import { list, one, type Operation } from "./operation";

/** Self-assessment, the council's rounds, explanations, the ranking and the council's set-up. */
export const WORKFLOW_OPERATIONS: Operation[] = [
  {
    method: "get",
    path: "/api/dossiers/{dossierId}",
    summary: "The dossier with its leaves and every stage the caller may see, plus the caller's abilities",
    response: one(S.ZDossierDetail, { abilities: true }),
  },
  {
    method: "put",
    path: "/api/dossiers/{dossierId}/items/{code}/self",
    summary: "Self-assessment of one leaf (agency, in its window); the answer carries the points saved",
    body: S.ZSelfScore,
    response: one(S.ZSelfScoreResult),
  },
  {
    method: "delete",
    path: "/api/dossiers/{dossierId}/items/{code}/self",
    summary:
      "Take back the agency's own score of one leaf, with its note (a draft in its window); audited; cleared false when there was none",
    response: one(S.ZSelfScoreCleared),
  },
  {
    method: "post",
    path: "/api/dossiers/{dossierId}/items/{code}/evidence",
    summary: "Evidence for one leaf (PDF, DOCX, XLSX, JPG, PNG; type sniffed from the bytes)",
    multipart: { file: "file" },
    status: 201,
    response: one(S.ZFileInfo),
  },
  {
    method: "delete",
    path: "/api/dossiers/{dossierId}/evidence/{fileId}",
    summary:
      "Take back an evidence file (agency, while it may still upload: a draft in its window, or an open explanation); audited",
    status: 204,
  },
  {
    method: "post",
    path: "/api/dossiers/{dossierId}/submit",
    summary: "The head submits the self-assessment with the signed report (PDF)",
    multipart: { signedReport: "file" },
    response: one(S.ZDossierMove),
  },
  {
    method: "put",
    path: "/api/dossiers/{dossierId}/items/{code}/review",
    summary:
      "Council appraisal of one leaf in round 1 or 2; a comment without requestExplanation is internal to the council",
    body: S.ZReview,
    response: one(S.ZReviewResult),
  },
  {
    method: "post",
    path: "/api/dossiers/{dossierId}/transition",
    summary:
      "Move the dossier to its next state: close round 1 or round 2 (chair, admin); submissions have their own routes",
    body: S.ZTransition,
    response: one(S.ZDossierMove),
  },
  {
    method: "put",
    path: "/api/dossiers/{dossierId}/items/{code}/applicability",
    summary: "Mark a leaf not applicable to the unit, or applicable again (admin, chair; audited)",
    body: S.ZApplicability,
    response: one(S.ZApplicabilityResult),
  },
  {
    method: "post",
    path: "/api/dossiers/{dossierId}/extensions",
    summary: "Extend one unit's window (admin, audited)",
    body: S.ZExtension,
    status: 201,
    response: one(S.ZExtensionResult),
  },
  {
    method: "post",
    path: "/api/comments/{commentId}/answer",
    summary: "The agency's explanation of a request, with the score it proposes",
    body: S.ZAnswer,
    response: one(S.ZAnswerResult),
  },
  {
    method: "post",
    path: "/api/dossiers/{dossierId}/explanation",
    summary: "The head submits the explanation with the signed report (PDF)",
    multipart: { signedReport: "file" },
    response: one(S.ZDossierMove),
  },
  {
    method: "post",
    path: "/api/comments/{commentId}/resolve",
    summary: "The council resolves a request for explanation",
    response: one(S.ZCommentState),
  },
  {
    method: "get",
    path: "/api/periods/{periodId}/ranking",
    summary:
      "Ranking rows per unit type: unit, standing, rank, total, index, classification, why, provisional; units not yet appraised listed unranked",
    query: S.ZRankingQuery,
    response: list(S.ZRankingRow),
  },
  {
    method: "get",
    path: "/api/periods/{periodId}/dashboard",
    summary: "Leadership dashboard: ranking, self vs appraised, area profiles, progress, previous period",
    response: one(S.ZDashboard),
  },
  {
    method: "get",
    path: "/api/periods/{periodId}/progress",
    summary: "Progress monitor (admin)",
    response: list(S.ZProgressRow),
  },
  {
    method: "post",
    path: "/api/periods/{periodId}/reminders",
    summary: "Remind the accounts of chosen units (admin)",
    body: S.ZReminder,
    status: 201,
    response: one(S.ZReminderResult),
  },
  {
    method: "get",
    path: "/api/periods/{periodId}/council",
    summary: "Council seats with assigned areas, and conflicts of interest",
    response: one(S.ZCouncilView, { abilities: true }),
  },
  {
    method: "put",
    path: "/api/periods/{periodId}/council/{userId}",
    summary: "Seat a member with their areas (admin)",
    body: S.ZCouncilSeat,
    response: one(S.ZCouncilSeatResult),
  },
  {
    method: "delete",
    path: "/api/periods/{periodId}/council/{userId}",
    summary: "Remove a member from the council (admin)",
    status: 204,
  },
  {
    method: "post",
    path: "/api/periods/{periodId}/conflicts",
    summary: "Declare a conflict of interest (admin): the member is recused on the unit at once",
    body: S.ZConflict,
    status: 201,
    response: one(S.ZConflictView),
  },
];
