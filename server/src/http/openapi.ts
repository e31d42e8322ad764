import { z } from "zod";
import * as S from "@ca/shared";

interface Operation {
  method: "get" | "post" | "put" | "patch" | "delete";
  path: string;
  summary: string;
  body?: z.ZodType;
  multipart?: string[];
  response?: z.ZodType;
  public?: boolean;
}

const list = (schema: z.ZodType) => z.object({ data: z.array(schema) });
const one = (schema: z.ZodType) =>
  z.object({ data: schema, abilities: z.record(z.string(), z.boolean()).optional() });

/** Every route of the API with its shared zod schemas; the OpenAPI document is generated from this list. */
export const OPERATIONS: Operation[] = [
  { method: "get", path: "/healthz", summary: "Liveness", public: true },
  {
    method: "get",
    path: "/readyz",
    summary: "Readiness: database reachable, migrations applied",
    public: true,
  },
  {
    method: "post",
    path: "/api/auth/login",
    summary: "Start a session",
    body: S.ZLogin,
    response: one(S.ZMe),
    public: true,
  },
  { method: "post", path: "/api/auth/logout", summary: "End the session" },
  { method: "get", path: "/api/me", summary: "Who am I", response: one(S.ZMe) },
  {
    method: "get",
    path: "/api/periods",
    summary: "Periods with their milestones",
    response: list(S.ZPeriod),
  },
  { method: "get", path: "/api/periods/{periodId}", summary: "One period", response: one(S.ZPeriod) },
  {
    method: "put",
    path: "/api/periods/{periodId}/milestones/{key}",
    summary: "Move a milestone (admin, audited)",
    body: S.ZMilestoneUpdate,
    response: one(S.ZMilestone),
  },
  {
    method: "get",
    path: "/api/periods/{periodId}/dossiers",
    summary: "Dossiers the caller may see",
    response: list(S.ZDossierSummary),
  },
  {
    method: "get",
    path: "/api/dossiers/{dossierId}",
    summary: "One dossier with the caller's abilities",
    response: one(S.ZDossierSummary),
  },
  { method: "get", path: "/api/unit-types", summary: "Unit types", response: list(S.ZUnitType) },
  { method: "get", path: "/api/units", summary: "Units with heads and deputies", response: list(S.ZUnit) },
  {
    method: "post",
    path: "/api/units",
    summary: "Create a unit (admin)",
    body: S.ZUnitCreate,
    response: one(S.ZUnit),
  },
  {
    method: "patch",
    path: "/api/units/{unitId}",
    summary: "Change a unit (admin)",
    body: S.ZUnitUpdate,
    response: one(S.ZUnit),
  },
  { method: "get", path: "/api/users", summary: "Accounts (admin)", response: list(S.ZUser) },
  {
    method: "post",
    path: "/api/users",
    summary: "Create an account (admin)",
    body: S.ZUserCreate,
    response: one(S.ZUser),
  },
  {
    method: "patch",
    path: "/api/users/{userId}",
    summary: "Change, disable or enable an account (admin)",
    body: S.ZUserUpdate,
    response: one(S.ZUser),
  },
  {
    method: "post",
    path: "/api/users/{userId}/reset-password",
    summary: "Set a new password (admin)",
    body: S.ZPasswordReset,
  },
  { method: "get", path: "/api/index-sets", summary: "Index sets", response: list(S.ZIndexSetSummary) },
  {
    method: "get",
    path: "/api/index-sets/{indexSetId}",
    summary: "An index set as a tree",
    response: one(S.ZIndexSet),
  },
  { method: "get", path: "/api/index-sets/template.xlsx", summary: "The import template" },
  {
    method: "post",
    path: "/api/index-sets/import",
    summary: "Import an index set from .xlsx (admin)",
    multipart: ["file", "code", "name", "unitTypeId"],
    response: one(S.ZIndexSetSummary),
  },
  {
    method: "put",
    path: "/api/dossiers/{dossierId}/items/{code}/self",
    summary: "Self-assessment of one leaf (agency, in its window)",
    body: S.ZSelfScore,
  },
  {
    method: "post",
    path: "/api/dossiers/{dossierId}/items/{code}/evidence",
    summary: "Evidence for one leaf (PDF, DOCX, XLSX, JPG, PNG; type sniffed)",
    multipart: ["file"],
    response: one(S.ZFileInfo),
  },
  {
    method: "post",
    path: "/api/dossiers/{dossierId}/submit",
    summary: "The head submits the self-assessment with the signed report (PDF)",
    multipart: ["signedReport"],
  },
  {
    method: "put",
    path: "/api/dossiers/{dossierId}/items/{code}/review",
    summary: "Council appraisal of one leaf in round 1 or 2",
    body: S.ZReview,
  },
  {
    method: "post",
    path: "/api/dossiers/{dossierId}/transition",
    summary: "Close round 1 or round 2 (chair, admin)",
    body: S.ZTransition,
  },
  {
    method: "put",
    path: "/api/dossiers/{dossierId}/items/{code}/applicability",
    summary: "Mark a leaf not applicable to the unit, or applicable again (admin, chair; audited)",
    body: S.ZApplicability,
  },
  {
    method: "post",
    path: "/api/dossiers/{dossierId}/extensions",
    summary: "Extend one unit's window (admin, audited)",
    body: S.ZExtension,
  },
  {
    method: "post",
    path: "/api/dossiers/{dossierId}/explanation",
    summary: "The head submits the explanation with the signed report (PDF)",
    multipart: ["signedReport"],
  },
  {
    method: "post",
    path: "/api/comments/{commentId}/answer",
    summary: "The agency's explanation of a request",
    body: S.ZAnswer,
  },
  {
    method: "post",
    path: "/api/comments/{commentId}/resolve",
    summary: "The council resolves a request for explanation",
  },
  { method: "get", path: "/api/files/{fileId}", summary: "Download a stored file (attachment)" },
  // Results (issue 6): publication, public results, exports, heads and deputies, next year.
  {
    method: "get",
    path: "/api/periods/{periodId}/publication",
    summary: "Where the publication stands, with the caller's abilities; what blocks it (admin only)",
    response: one(S.ZPublication),
  },
  {
    method: "post",
    path: "/api/periods/{periodId}/publication",
    summary: "Publish the agreed results to the next audience: leadership → units → public (admin, audited)",
    body: S.ZPublishInput,
    response: one(S.ZPublication),
  },
  {
    method: "get",
    path: "/api/periods/{periodId}/results",
    summary: "The published (frozen, final) results, for the audiences reached so far",
    response: one(S.ZPublishedResults),
  },
  {
    method: "get",
    path: "/api/public/periods",
    summary: "Periods whose results are public",
    public: true,
  },
  {
    method: "get",
    path: "/api/public/periods/{periodId}/results",
    summary: "Published results, no session, cached; 404 before publication",
    public: true,
  },
  {
    method: "get",
    path: "/api/periods/{periodId}/exports/ranking.xlsx",
    summary: "Ranking per unit type (xlsx)",
  },
  {
    method: "get",
    path: "/api/periods/{periodId}/exports/matrix.xlsx",
    summary: "Every leaf at every stage for every unit (xlsx)",
  },
  {
    method: "get",
    path: "/api/periods/{periodId}/exports/report.docx",
    summary: "The report to UBND tỉnh (docx)",
  },
  {
    method: "get",
    path: "/api/periods/{periodId}/exports/minutes.docx",
    summary: "The council's minutes (docx)",
  },
  {
    method: "get",
    path: "/api/periods/{periodId}/exports/responsibility.xlsx",
    summary: "Heads and deputies of every unit (xlsx)",
  },
  {
    method: "get",
    path: "/api/periods/{periodId}/responsibility",
    summary: "Heads' and deputies' results of every unit (DESIGN §3)",
    response: list(S.ZUnitResponsibility),
  },
  {
    method: "get",
    path: "/api/dossiers/{dossierId}/responsibility",
    summary: "One unit's heads and deputies, from the stages the caller may see",
    response: one(S.ZUnitResponsibility),
  },
  {
    method: "put",
    path: "/api/periods/{periodId}/rules/responsibility",
    summary: "Change the period's rules for heads and deputies (admin, audited)",
    body: S.ZResponsibilityRules,
    response: one(S.ZResponsibilityRules),
  },
  {
    method: "post",
    path: "/api/periods/{periodId}/clone",
    summary: "Start the next period from this one (admin, audited)",
    body: S.ZPeriodClone,
    response: one(S.ZPeriod),
  },
  {
    method: "post",
    path: "/api/periods/{periodId}/archive",
    summary: "Archive the period: read-only from then on (admin, audited)",
    body: S.ZPeriodArchive,
    response: one(S.ZPeriod),
  },
  {
    method: "get",
    path: "/api/periods/{periodId}/ranking",
    summary: "Ranking rows per unit type (?unitType=code)",
    response: list(S.ZRankingRow),
  },
  {
    method: "get",
    path: "/api/periods/{periodId}/dashboard",
    summary: "Leadership dashboard: ranking, self vs appraised, area profiles, progress, previous period",
    response: z.object({ data: S.ZDashboard }),
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
  },
  {
    method: "get",
    path: "/api/periods/{periodId}/council",
    summary: "Council seats with assigned areas, and conflicts of interest",
    response: one(S.ZCouncilView),
  },
  {
    method: "put",
    path: "/api/periods/{periodId}/council/{userId}",
    summary: "Seat a member with their areas (admin)",
    body: S.ZCouncilSeat,
  },
  {
    method: "delete",
    path: "/api/periods/{periodId}/council/{userId}",
    summary: "Remove a member from the council (admin)",
  },
  {
    method: "post",
    path: "/api/periods/{periodId}/conflicts",
    summary: "Declare a conflict of interest (admin)",
    body: S.ZConflict,
  },
  {
    method: "get",
    path: "/api/notifications",
    summary: "The caller's notifications",
    response: list(S.ZNotification),
  },
  {
    method: "post",
    path: "/api/notifications/{notificationId}/read",
    summary: "Mark one of the caller's notifications read",
  },
  {
    method: "post",
    path: "/api/periods/{periodId}/meetings",
    summary: "Plan a council meeting with its agenda of dossiers (chair, admin)",
    body: S.ZMeetingCreate,
    response: one(S.ZMeeting),
  },
  {
    method: "get",
    path: "/api/periods/{periodId}/meetings",
    summary: "The period's council meetings",
    response: list(S.ZMeetingSummary),
  },
  {
    method: "get",
    path: "/api/meetings/{meetingId}",
    summary:
      "A meeting with its agenda, the Yjs room and recused members of each dossier, and the caller's abilities",
    response: one(S.ZMeeting),
  },
  {
    method: "post",
    path: "/api/meetings/{meetingId}/start",
    summary:
      "Start the meeting: the documents become editable by the council; snapshot 'start' (chair, admin)",
    response: one(S.ZMeeting),
  },
  {
    method: "post",
    path: "/api/meetings/{meetingId}/end",
    summary: "End the meeting: snapshot 'end'; the documents become read-only (chair, admin)",
    response: one(S.ZMeeting),
  },
  {
    method: "post",
    path: "/api/meetings/{meetingId}/focus",
    summary: "Move the meeting tracker to a dossier and leaf; broadcast as meeting:focus (chair, admin)",
    body: S.ZMeetingFocusInput,
    response: one(S.ZMeeting),
  },
  {
    method: "get",
    path: "/api/meetings/{meetingId}/dossiers/{dossierId}/projection",
    summary:
      "Per leaf the official score, the live proposal and its verdict; official and provisional totals",
    response: one(S.ZMeetingProjection),
  },
  {
    method: "post",
    path: "/api/meetings/{meetingId}/dossiers/{dossierId}/lock",
    summary:
      "Lock leaves (or the whole dossier): proposals become agreed scores; all locked → agreed (chair, admin)",
    body: S.ZMeetingLockInput,
    response: one(S.ZMeetingProjection),
  },
  {
    method: "get",
    path: "/api/meetings/{meetingId}/dossiers/{dossierId}/snapshots",
    summary: "The document's snapshots at meeting milestones (start, each lock, end)",
    response: list(S.ZSnapshotSummary),
  },
  {
    method: "get",
    path: "/api/meetings/{meetingId}/dossiers/{dossierId}/snapshots/{snapshotId}",
    summary: "One snapshot, read-only: proposals, notes per leaf, minutes",
    response: one(S.ZSnapshot),
  },
  {
    method: "get",
    path: "/api/periods/{periodId}/agreements",
    summary: "The council's agreements on each unit type's ranking, with minutes",
    response: list(S.ZAgreement),
  },
  {
    method: "post",
    path: "/api/periods/{periodId}/agreements",
    summary:
      "Record the council's agreement on a unit type's ranking once all its dossiers are agreed (chair, admin)",
    body: S.ZAgreementCreate,
    response: one(S.ZAgreement),
  },
  // The survey (issue 5).
  {
    method: "get",
    path: "/api/periods/{periodId}/surveys",
    summary: "The period's survey questionnaires (admin, working group)",
    response: list(S.ZSurveySummary),
  },
  {
    method: "post",
    path: "/api/periods/{periodId}/surveys",
    summary: "Create a questionnaire for a respondent group and unit type (admin)",
    body: S.ZSurveyCreate,
    response: one(S.ZSurveySummary),
  },
  {
    method: "post",
    path: "/api/periods/{periodId}/surveys/import",
    summary: "Create a questionnaire from a spreadsheet of questions (admin)",
    multipart: ["file", "unitTypeId", "respondentGroup", "title"],
    response: one(S.ZSurveySummary),
  },
  {
    method: "get",
    path: "/api/surveys/{surveyId}",
    summary: "One questionnaire with link tracking counts",
    response: one(S.ZSurveySummary),
  },
  {
    method: "get",
    path: "/api/surveys/{surveyId}/respondents",
    summary: "Respondents with sent / opened / answered (admin; never their answers)",
    response: list(S.ZSurveyRespondent),
  },
  {
    method: "post",
    path: "/api/surveys/{surveyId}/respondents",
    summary: "Add one respondent (admin)",
    body: S.ZSurveyRespondentCreate,
    response: one(S.ZSurveyRespondent),
  },
  {
    method: "post",
    path: "/api/surveys/{surveyId}/respondents/import",
    summary: "Import respondents from a spreadsheet (admin)",
    multipart: ["file"],
    response: list(S.ZSurveyRespondent),
  },
  {
    method: "post",
    path: "/api/surveys/{surveyId}/links",
    summary: "Issue fresh single-use links (returned once; optional e-mail) (admin)",
    body: S.ZSurveyIssueLinks,
    response: list(S.ZSurveyLink),
  },
  {
    method: "post",
    path: "/api/surveys/{surveyId}/paper-forms",
    summary: "Enter one numbered paper form (admin, working group)",
    body: S.ZSurveyPaperForm,
  },
  {
    method: "get",
    path: "/api/periods/{periodId}/survey-results",
    summary: "Response rates and survey points per questionnaire and unit",
    response: one(S.ZSurveyResults),
  },
  {
    method: "post",
    path: "/api/periods/{periodId}/survey-results/lock",
    summary: "Lock the survey results: they count in totals and the ranking (admin)",
    body: S.ZSurveyLock,
  },
  {
    method: "get",
    path: "/api/periods/{periodId}/survey-results/export.xlsx",
    summary: "Traceable export: counts, points and every anonymous answer (admin, leadership)",
  },
  {
    method: "get",
    path: "/api/survey/{token}",
    summary: "The questionnaire behind a single-use link (no account)",
    response: one(S.ZSurveyPublic),
    public: true,
  },
  {
    method: "post",
    path: "/api/survey/{token}",
    summary: "Submit the answers once; the token is spent with them (no account)",
    body: S.ZSurveySubmit,
    public: true,
  },
];

const jsonSchema = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "openapi-3.0" });

/** The OpenAPI 3 document served at /api/openapi.json. */
export function buildOpenApi(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const error = {
    description: "Error",
    content: { "application/json": { schema: jsonSchema(S.ZApiError) } },
  };
  for (const op of OPERATIONS) {
    const params = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1],
      in: "path",
      required: true,
      schema: { type: "string" },
    }));
    paths[op.path] ??= {};
    paths[op.path][op.method] = {
      summary: op.summary,
      ...(params.length ? { parameters: params } : {}),
      ...(op.public ? { security: [] } : {}),
      ...(op.body
        ? {
            requestBody: { required: true, content: { "application/json": { schema: jsonSchema(op.body) } } },
          }
        : {}),
      ...(op.multipart
        ? {
            requestBody: {
              required: true,
              content: {
                "multipart/form-data": {
                  schema: {
                    type: "object",
                    properties: Object.fromEntries(
                      op.multipart.map((f) => [
                        f,
                        { type: "string", ...(f === "file" ? { format: "binary" } : {}) },
                      ]),
                    ),
                  },
                },
              },
            },
          }
        : {}),
      responses: {
        "200": {
          description: "OK",
          ...(op.response ? { content: { "application/json": { schema: jsonSchema(op.response) } } } : {}),
        },
        "4XX": error,
      },
    };
  }
  return {
    openapi: "3.0.3",
    info: {
      title: "Council Appraisal API",
      version: "0.1.0",
      description: "Points travel as decimals with at most two decimals.",
    },
    components: { securitySchemes: { session: { type: "apiKey", in: "cookie", name: "ca.sid" } } },
    security: [{ session: [] }],
    paths,
  };
}
