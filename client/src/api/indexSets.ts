import type { TIndexSet } from "@ca/shared";
import { api, type Envelope } from "./http";

/** An index set without its tree, as listed (the shared schema names it ZIndexSetSummary). */
export type IndexSetSummary = Omit<TIndexSet, "areas" | "extras">;

/** One row-level problem of a rejected spreadsheet import. */
export interface ImportRowError {
  row: number;
  field: string;
  message: string;
}

export const TEMPLATE_URL = "/api/index-sets/template.xlsx";

export const indexSetsApi = {
  list: (signal?: AbortSignal) =>
    api.get<Envelope<IndexSetSummary[]>>("/index-sets", { signal }).then((r) => r.data),
  get: (id: string, signal?: AbortSignal) =>
    api.get<Envelope<TIndexSet>>(`/index-sets/${id}`, { signal }).then((r) => r.data),
  import: (file: File, meta: { code: string; name: string; unitTypeId: string }) => {
    const form = new FormData();
    form.append("code", meta.code);
    form.append("name", meta.name);
    form.append("unitTypeId", meta.unitTypeId);
    form.append("file", file);
    return api.post<Envelope<IndexSetSummary>>("/index-sets/import", form).then((r) => r.data);
  },
};
