import type { TUser, TUserCreate, TUserUpdate } from "@ca/shared";
import { api, type Envelope } from "./http";

export const usersApi = {
  list: (signal?: AbortSignal) => api.get<Envelope<TUser[]>>("/users", { signal }).then((r) => r.data),
  create: (body: TUserCreate) => api.post<Envelope<TUser>>("/users", body).then((r) => r.data),
  update: (id: string, body: TUserUpdate) =>
    api.patch<Envelope<TUser>>(`/users/${id}`, body).then((r) => r.data),
  resetPassword: (id: string, password: string) =>
    api.post<void>(`/users/${id}/reset-password`, { password }),
};
