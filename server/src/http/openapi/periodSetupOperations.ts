import * as S from "@ca/shared";
import { list, one, XLSX, type Operation } from "./operation";

/** Setting up a period (docs/periods-and-classification.md): units, leaders and accounts from a spreadsheet. */
export const PERIOD_SETUP_OPERATIONS: Operation[] = [
  {
    method: "get",
    path: "/api/period-templates",
    summary:
      "Period templates (the 2026 framework, the 2023 plan) with their unit types, index sets, bands, quotas, timeline (admin)",
    response: list(S.ZPeriodTemplate),
  },
  {
    method: "post",
    path: "/api/periods",
    summary:
      "A new period from a template ({name, year, templateKey}) or from last year's ({name, year, fromPeriodId, unitMapping}) (admin, audited)",
    body: S.ZPeriodCreate,
    status: 201,
    response: one(S.ZPeriod),
  },
  {
    method: "get",
    path: "/api/units/import/template",
    summary: "The unit import workbook: sheets DonVi, LanhDao, TaiKhoan and instructions (admin)",
    file: XLSX,
  },
  {
    method: "post",
    path: "/api/units/import",
    summary:
      "Import units with their heads, deputies and accounts (xlsx); all rows or none, with a row-by-row error report (admin, audited)",
    multipart: { file: "file" },
    status: 201,
    response: one(S.ZUnitImportResult),
  },
];
