import { z } from "zod";
import * as S from "@ca/shared";
import { DOCX, list, one, XLSX, type Operation } from "./operation";

const responsibility = (data: z.ZodType) => z.object({ data, rules: S.ZResponsibilityRules });

/** Publication, results, exports, heads and deputies, and the next period. */
export const RESULTS_OPERATIONS: Operation[] = [
  {
    method: "get",
    path: "/api/periods/{periodId}/publication",
    summary: "Where the publication stands, with the caller's abilities; what blocks it (admin only)",
    response: one(S.ZPublication, { abilities: true }),
  },
  {
    method: "post",
    path: "/api/periods/{periodId}/publication",
    summary: "Publish the agreed results to the next audience: leadership → units → public (admin, audited)",
    body: S.ZPublishInput,
    response: one(S.ZPublication),
  },
  {
    method: "get",
    path: "/api/periods/{periodId}/results",
    summary: "The published (frozen, final) results, for the audiences reached so far",
    response: one(S.ZPublishedResults),
  },
  {
    method: "get",
    path: "/api/public/periods",
    summary: "Periods whose results are public (no session)",
    response: list(S.ZPublicPeriod),
    public: true,
  },
  {
    method: "get",
    path: "/api/public/periods/{periodId}/results",
    summary: "Published results, no session, cached (ETag); 404 before publication",
    response: one(S.ZPublicResults),
    public: true,
    cached: true,
  },
  {
    method: "get",
    path: "/api/periods/{periodId}/exports/ranking.xlsx",
    summary: "Ranking per unit type (xlsx)",
    file: XLSX,
  },
  {
    method: "get",
    path: "/api/periods/{periodId}/exports/matrix.xlsx",
    summary: "Every leaf at every stage for every unit (xlsx)",
    file: XLSX,
  },
  {
    method: "get",
    path: "/api/periods/{periodId}/exports/report.docx",
    summary: "The report to UBND tỉnh (docx)",
    file: DOCX,
  },
  {
    method: "get",
    path: "/api/periods/{periodId}/exports/minutes.docx",
    summary: "The council's minutes (docx)",
    file: DOCX,
  },
  {
    method: "get",
    path: "/api/periods/{periodId}/exports/responsibility.xlsx",
    summary: "Heads and deputies of every unit (xlsx)",
    file: XLSX,
  },
  {
    method: "get",
    path: "/api/periods/{periodId}/responsibility",
    summary: "Heads' and deputies' results of every unit, with the period's rules",
    response: responsibility(z.array(S.ZUnitResponsibility)),
  },
  {
    method: "get",
    path: "/api/dossiers/{dossierId}/responsibility",
    summary: "One unit's heads and deputies, from the stages the caller may see",
    response: responsibility(S.ZUnitResponsibility),
  },
  {
    method: "put",
    path: "/api/periods/{periodId}/rules/responsibility",
    summary: "Change the period's rules for heads and deputies (admin, audited)",
    body: S.ZResponsibilityRules,
    response: one(S.ZResponsibilityRules),
  },
  {
    method: "post",
    path: "/api/periods/{periodId}/clone",
    summary: "Start the next period from this one (admin, audited)",
    body: S.ZPeriodClone,
    status: 201,
    response: one(S.ZPeriod),
  },
  {
    method: "post",
    path: "/api/periods/{periodId}/archive",
    summary: "Archive the period: read-only from then on (admin, audited)",
    body: S.ZPeriodArchive,
    response: one(S.ZPeriod),
  },
];
