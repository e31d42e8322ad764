import type {
  TAgreement,
  TAgreementCreate,
  TMeeting,
  TMeetingCreate,
  TMeetingFocusInput,
  TMeetingProjection,
  TMeetingSummary,
} from "@ca/shared";
import { api, type Envelope } from "./http";

/** What the caller may do with a meeting as a whole (per-dossier rights are on each agenda item). */
export type MeetingAbility = "read" | "create" | "start" | "end" | "focus";

export interface MeetingResponse {
  data: TMeeting;
  abilities: Partial<Record<MeetingAbility, boolean>>;
}

/** The council meeting (docs/architecture.md): plan, run, focus, lock, and the agreement on a unit type's ranking. */
export const meetingsApi = {
  list: (periodId: string, signal?: AbortSignal) =>
    api.get<Envelope<TMeetingSummary[]>>(`/periods/${periodId}/meetings`, { signal }).then((r) => r.data),
  create: (periodId: string, body: TMeetingCreate) =>
    api.post<MeetingResponse>(`/periods/${periodId}/meetings`, body),
  get: (id: string, signal?: AbortSignal) => api.get<MeetingResponse>(`/meetings/${id}`, { signal }),
  start: (id: string) => api.post<MeetingResponse>(`/meetings/${id}/start`),
  end: (id: string) => api.post<MeetingResponse>(`/meetings/${id}/end`),
  focus: (id: string, body: TMeetingFocusInput) => api.post<MeetingResponse>(`/meetings/${id}/focus`, body),
  projection: (id: string, dossierId: string, signal?: AbortSignal) =>
    api
      .get<Envelope<TMeetingProjection>>(`/meetings/${id}/dossiers/${dossierId}/projection`, { signal })
      .then((r) => r.data),
  lock: (id: string, dossierId: string, codes?: string[]) =>
    api
      .post<Envelope<TMeetingProjection>>(
        `/meetings/${id}/dossiers/${dossierId}/lock`,
        codes ? { codes } : {},
      )
      .then((r) => r.data),
  agreements: (periodId: string, signal?: AbortSignal) =>
    api.get<Envelope<TAgreement[]>>(`/periods/${periodId}/agreements`, { signal }).then((r) => r.data),
  agree: (periodId: string, body: TAgreementCreate) =>
    api.post<Envelope<TAgreement>>(`/periods/${periodId}/agreements`, body).then((r) => r.data),
};
