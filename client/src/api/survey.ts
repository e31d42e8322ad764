import type {
  TSurveyLink,
  TSurveyPaperForm,
  TSurveyPublic,
  TSurveyRespondent,
  TSurveyResults,
  TSurveySubmit,
  TSurveySummary,
} from "@ca/shared";
import { api, type Envelope, type WithAbilities } from "./http";
import { uploadForm } from "./upload";

export type SurveyAbility =
  | "read"
  | "manage"
  | "readRespondents"
  | "manageRespondents"
  | "enterPaper"
  | "readResults"
  | "exportResults"
  | "lock";

/** The survey: questionnaires, respondents, links, paper forms, results; and the respondent's public page. */
export const surveyApi = {
  list: (periodId: string, signal?: AbortSignal) =>
    api.get<WithAbilities<TSurveySummary[], SurveyAbility>>(`/periods/${periodId}/surveys`, { signal }),
  get: (id: string, signal?: AbortSignal) =>
    api.get<WithAbilities<TSurveySummary, SurveyAbility>>(`/surveys/${id}`, { signal }),
  respondents: (id: string, signal?: AbortSignal) =>
    api.get<Envelope<TSurveyRespondent[]>>(`/surveys/${id}/respondents`, { signal }).then((r) => r.data),
  importRespondents: (id: string, file: File) => {
    const form = new FormData();
    form.append("file", file);
    return uploadForm<Envelope<TSurveyRespondent[]>>(`/surveys/${id}/respondents/import`, form).done;
  },
  issueLinks: (id: string, body: { respondentIds?: string[]; sendEmail: boolean }) =>
    api.post<Envelope<TSurveyLink[]>>(`/surveys/${id}/links`, body).then((r) => r.data),
  enterPaper: (id: string, body: TSurveyPaperForm) =>
    api.post<Envelope<{ formNumber: number }>>(`/surveys/${id}/paper-forms`, body).then((r) => r.data),
  results: (periodId: string, signal?: AbortSignal) =>
    api.get<WithAbilities<TSurveyResults, SurveyAbility>>(`/periods/${periodId}/survey-results`, { signal }),
  lock: (periodId: string, reason: string) =>
    api.post<Envelope<{ scores: number }>>(`/periods/${periodId}/survey-results/lock`, { reason }),
  exportUrl: (periodId: string) => `/api/periods/${periodId}/survey-results/export.xlsx`,
  /** The respondent's side: no session, the token is the key. */
  open: (token: string, signal?: AbortSignal) =>
    api.get<Envelope<TSurveyPublic>>(`/survey/${encodeURIComponent(token)}`, { signal, quiet401: true }),
  submit: (token: string, body: TSurveySubmit) =>
    api.post<Envelope<{ accepted: boolean }>>(`/survey/${encodeURIComponent(token)}`, body, {
      quiet401: true,
    }),
};
