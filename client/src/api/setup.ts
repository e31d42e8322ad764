import type {
  TBandCap,
  TBandCapInput,
  TClassificationConfigInput,
  TClassificationState,
  TPeriod,
  TPeriodCreate,
  TPeriodTemplate,
  TTieDecisionInput,
  TUnitImportResult,
} from "@ca/shared";
import { api, request, type Envelope } from "./http";
import { uploadForm } from "./upload";

/** Period templates, new periods and the unit import (docs/periods-and-classification.md). */
export const setupApi = {
  templates: (signal?: AbortSignal) =>
    api.get<Envelope<TPeriodTemplate[]>>("/period-templates", { signal }).then((r) => r.data),
  createPeriod: (body: TPeriodCreate) => api.post<Envelope<TPeriod>>("/periods", body).then((r) => r.data),
  importUnits: (file: File) => {
    const form = new FormData();
    form.append("file", file);
    return uploadForm<Envelope<TUnitImportResult>>("/units/import", form).done.then((r) => r.data);
  },
};

/** Quotas, tie-breaks, band caps and decisions on ties at a cut. */
export const classificationApi = {
  get: (periodId: string, signal?: AbortSignal) =>
    api
      .get<Envelope<TClassificationState>>(`/periods/${periodId}/classification`, { signal })
      .then((r) => r.data),
  configure: (periodId: string, body: TClassificationConfigInput) =>
    api.put<Envelope<TClassificationState>>(`/periods/${periodId}/classification`, body).then((r) => r.data),
  recordCap: (periodId: string, body: TBandCapInput) =>
    api.post<Envelope<TBandCap>>(`/periods/${periodId}/classification/caps`, body).then((r) => r.data),
  withdrawCap: (periodId: string, capId: string, reason: string) =>
    request<void>("DELETE", `/periods/${periodId}/classification/caps/${capId}`, { body: { reason } }),
  decideTie: (periodId: string, body: TTieDecisionInput) =>
    api
      .post<Envelope<TClassificationState>>(`/periods/${periodId}/classification/ties`, body)
      .then((r) => r.data),
};
