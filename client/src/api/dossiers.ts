import type { TComment, TDossierDetail, TFiguresView, TSelfScore, TSelfScoreCleared } from "@ca/shared";
import { api, request, type Envelope } from "./http";
import { uploadForm } from "./upload";

export type DossierAbility =
  | "read"
  | "readCouncilWork"
  | "editSelf"
  | "submitSelf"
  | "review"
  | "closeRound"
  | "answer"
  | "submitExplanation"
  | "resolve"
  | "grantExtension";

export type DossierAbilities = Record<DossierAbility, boolean>;

export interface DossierResponse {
  data: TDossierDetail;
  abilities: DossierAbilities;
}

export type TFileInfo = TDossierDetail["reports"][number];

/** Details of the server's 409 when the self-assessment is not complete. */
export interface MissingForSubmission {
  unscored?: string[];
  missingEvidence?: string[];
}

const enc = encodeURIComponent;

export const dossiersApi = {
  get: (id: string, signal?: AbortSignal) => api.get<DossierResponse>(`/dossiers/${id}`, { signal }),
  saveSelf: (id: string, code: string, body: TSelfScore) =>
    api.put<Envelope<{ code: string; version: number }>>(`/dossiers/${id}/items/${enc(code)}/self`, body),
  /** Takes back the agency's own score of a leaf, with its note (a draft in its window). */
  clearSelf: (id: string, code: string) =>
    request<Envelope<TSelfScoreCleared>>("DELETE", `/dossiers/${id}/items/${enc(code)}/self`),
  uploadEvidence: (id: string, code: string, file: File, onProgress?: (f: number) => void) => {
    const form = new FormData();
    form.append("file", file);
    return uploadForm<Envelope<TFileInfo>>(`/dossiers/${id}/items/${enc(code)}/evidence`, form, onProgress);
  },
  /** Takes back an evidence file uploaded by mistake (204). */
  removeEvidence: (id: string, fileId: string) =>
    request<void>("DELETE", `/dossiers/${id}/evidence/${fileId}`),
  submit: (id: string, report: File, onProgress?: (f: number) => void) => {
    const form = new FormData();
    form.append("signedReport", report);
    return uploadForm<Envelope<{ id: string; status: string }>>(`/dossiers/${id}/submit`, form, onProgress);
  },
  submitExplanation: (id: string, report: File, onProgress?: (f: number) => void) => {
    const form = new FormData();
    form.append("signedReport", report);
    return uploadForm<Envelope<{ id: string; status: string }>>(
      `/dossiers/${id}/explanation`,
      form,
      onProgress,
    );
  },
  review: (
    id: string,
    code: string,
    body: {
      round: 1 | 2;
      score?: number | null;
      level?: string;
      figures?: TFiguresView;
      comment: string;
      requestExplanation: boolean;
    },
  ) => api.put<Envelope<{ commentId: string | null }>>(`/dossiers/${id}/items/${enc(code)}/review`, body),
  transition: (id: string, to: "round1_done" | "round2_done") =>
    api.post<Envelope<{ status: string }>>(`/dossiers/${id}/transition`, { to }),
  answer: (
    commentId: string,
    body: {
      answer: string;
      proposedScore?: number | null;
      proposedLevel?: string;
      proposedFigures?: TFiguresView;
    },
  ) => api.post<Envelope<Pick<TComment, "id" | "status">>>(`/comments/${commentId}/answer`, body),
  resolve: (commentId: string) =>
    api.post<Envelope<Pick<TComment, "id" | "status">>>(`/comments/${commentId}/resolve`),
  grantExtension: (id: string, body: { milestoneKey: string; until: string; reason: string }) =>
    api.post<Envelope<{ id: string }>>(`/dossiers/${id}/extensions`, body),
};
