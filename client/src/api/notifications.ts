import { api, type Envelope } from "./http";

export interface AppNotification {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  read: boolean;
  createdAt: string;
}

export const notificationsApi = {
  list: (signal?: AbortSignal) =>
    api.get<Envelope<AppNotification[]>>("/notifications", { signal }).then((r) => r.data),
  markRead: (id: string) => api.post<void>(`/notifications/${id}/read`),
};
