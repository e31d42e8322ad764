import type { TMe } from "@ca/shared";
import { api, type Envelope } from "./http";

export const authApi = {
  login: (username: string, password: string) =>
    api.post<Envelope<TMe>>("/auth/login", { username, password }, { quiet401: true }).then((r) => r.data),
  logout: () => api.post<void>("/auth/logout", undefined, { quiet401: true }),
  me: () => api.get<Envelope<TMe>>("/me", { quiet401: true }).then((r) => r.data),
};
