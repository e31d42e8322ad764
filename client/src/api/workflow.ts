import type { TCouncilView, TProgressRow, TRankingRow } from "@ca/shared";
import { api, type Envelope } from "./http";

/** The period-wide views of the workflow: progress (admin), ranking (council side), the council's seats. */
export const workflowApi = {
  progress: (periodId: string, signal?: AbortSignal) =>
    api.get<Envelope<TProgressRow[]>>(`/periods/${periodId}/progress`, { signal }).then((r) => r.data),
  remind: (periodId: string, body: { dossierIds: string[]; message: string }) =>
    api.post<Envelope<{ recipients: number }>>(`/periods/${periodId}/reminders`, body).then((r) => r.data),
  ranking: (periodId: string, signal?: AbortSignal) =>
    api.get<Envelope<TRankingRow[]>>(`/periods/${periodId}/ranking`, { signal }).then((r) => r.data),
  council: (periodId: string, signal?: AbortSignal) =>
    api.get<Envelope<TCouncilView>>(`/periods/${periodId}/council`, { signal }).then((r) => r.data),
};
