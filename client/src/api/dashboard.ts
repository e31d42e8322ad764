import type { TDashboard } from "@ca/shared";
import { api, type Envelope } from "./http";

/** The leadership dashboard's aggregated figures of a period (read like the ranking). */
export const dashboardApi = {
  get: (periodId: string, signal?: AbortSignal) =>
    api.get<Envelope<TDashboard>>(`/periods/${periodId}/dashboard`, { signal }).then((r) => r.data),
};
