import * as S from "@ca/shared";
import { one, XLSX, type Operation } from "./operation";

/** Setting up a period (docs/periods-and-classification.md): units, leaders and accounts from a spreadsheet. */
export const PERIOD_SETUP_OPERATIONS: Operation[] = [
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
