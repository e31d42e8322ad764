import type {
  TPeriod,
  TPeriodClone,
  TPublication,
  TPublicationStage,
  TPublishedResults,
  TResponsibilityRules,
  TUnitResponsibility,
} from "@ca/shared";
import { api, type Envelope, type WithAbilities } from "./http";

export type ResultsAbility =
  | "readPublication"
  | "publish"
  | "readPublished"
  | "export"
  | "readResponsibility"
  | "exportResponsibility"
  | "updateRules"
  | "clone"
  | "archive";

/** The public results: what anyone sees once the admin published them to everyone. */
export type TPublicResults = Omit<TPublishedResults, "frozenAt"> & {
  documentNumber: string;
  publishedAt: string;
};
export interface TPublicPeriod {
  id: string;
  code: string;
  name: string;
  year: number;
  publicAt: string | null;
}

/** The export files of a period (plain links: the browser downloads them with the session cookie). */
export const EXPORTS = [
  "report.docx",
  "ranking.xlsx",
  "matrix.xlsx",
  "minutes.docx",
  "responsibility.xlsx",
] as const;
export const exportUrl = (periodId: string, file: (typeof EXPORTS)[number]) =>
  `/api/periods/${periodId}/exports/${file}`;

export const resultsApi = {
  publication: (periodId: string, signal?: AbortSignal) =>
    api.get<WithAbilities<TPublication, ResultsAbility>>(`/periods/${periodId}/publication`, { signal }),
  publish: (periodId: string, stage: TPublicationStage, documentNumber?: string) =>
    api
      .post<Envelope<TPublication>>(
        `/periods/${periodId}/publication`,
        documentNumber ? { stage, documentNumber } : { stage },
      )
      .then((r) => r.data),
  published: (periodId: string, signal?: AbortSignal) =>
    api.get<Envelope<TPublishedResults>>(`/periods/${periodId}/results`, { signal }).then((r) => r.data),
  responsibility: (periodId: string, signal?: AbortSignal) =>
    api.get<Envelope<TUnitResponsibility[]> & { rules: TResponsibilityRules }>(
      `/periods/${periodId}/responsibility`,
      {
        signal,
      },
    ),
  dossierResponsibility: (dossierId: string, signal?: AbortSignal) =>
    api
      .get<Envelope<TUnitResponsibility>>(`/dossiers/${dossierId}/responsibility`, { signal, quiet401: true })
      .then((r) => r.data),
  updateRules: (periodId: string, rules: TResponsibilityRules) =>
    api
      .put<Envelope<TResponsibilityRules>>(`/periods/${periodId}/rules/responsibility`, rules)
      .then((r) => r.data),
  clone: (periodId: string, body: TPeriodClone) =>
    api.post<Envelope<TPeriod>>(`/periods/${periodId}/clone`, body).then((r) => r.data),
  archive: (periodId: string, reason: string) =>
    api.post<Envelope<TPeriod>>(`/periods/${periodId}/archive`, { reason }).then((r) => r.data),
  publicPeriods: (signal?: AbortSignal) =>
    api.get<Envelope<TPublicPeriod[]>>("/public/periods", { signal, quiet401: true }).then((r) => r.data),
  publicResults: (periodId: string, signal?: AbortSignal) =>
    api
      .get<Envelope<TPublicResults>>(`/public/periods/${periodId}/results`, { signal, quiet401: true })
      .then((r) => r.data),
};
