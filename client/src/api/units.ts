import type { TUnit, TUnitCreate, TUnitType, TUnitUpdate } from "@ca/shared";
import { api, type Envelope, type WithAbilities } from "./http";

export const unitsApi = {
  types: (signal?: AbortSignal) =>
    api.get<Envelope<TUnitType[]>>("/unit-types", { signal }).then((r) => r.data),
  list: (signal?: AbortSignal) => api.get<WithAbilities<TUnit[], "create" | "update">>("/units", { signal }),
  create: (body: TUnitCreate) => api.post<Envelope<TUnit>>("/units", body).then((r) => r.data),
  update: (id: string, body: TUnitUpdate) =>
    api.patch<Envelope<TUnit>>(`/units/${id}`, body).then((r) => r.data),
};
