import type { TDossierSummary, TMilestone, TMilestoneUpdate, TPeriod, TUnitExtensionRow } from "@ca/shared";
import { api, type Envelope, type WithAbilities } from "./http";

export type PeriodAbility = "read" | "updateMilestone" | "listAllDossiers";

export const periodsApi = {
  list: (signal?: AbortSignal) => api.get<Envelope<TPeriod[]>>("/periods", { signal }).then((r) => r.data),
  get: (id: string, signal?: AbortSignal) =>
    api.get<WithAbilities<TPeriod, PeriodAbility>>(`/periods/${id}`, { signal }),
  updateMilestone: (periodId: string, key: string, body: TMilestoneUpdate) =>
    api.put<Envelope<TMilestone>>(`/periods/${periodId}/milestones/${key}`, body).then((r) => r.data),
  dossiers: (periodId: string, signal?: AbortSignal) =>
    api.get<Envelope<TDossierSummary[]>>(`/periods/${periodId}/dossiers`, { signal }).then((r) => r.data),
  /** The extensions of the dossiers the caller reads (an agency: its own unit's). */
  extensions: (periodId: string, signal?: AbortSignal) =>
    api.get<Envelope<TUnitExtensionRow[]>>(`/periods/${periodId}/extensions`, { signal }).then((r) => r.data),
};
