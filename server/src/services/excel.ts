import type ExcelJS from "exceljs";

let loading: Promise<typeof ExcelJS> | null = null;

/**
 * exceljs takes about a second to load, so it is loaded on first use rather than at start (TARGETS P8: ready
 * in ≤ 3 s); the spreadsheet imports and exports that need it are rare.
 */
export function loadExcel(): Promise<typeof ExcelJS> {
  loading ??= import("exceljs").then(
    (m) => ((m as { default?: typeof ExcelJS }).default ?? m) as typeof ExcelJS,
  );
  return loading;
}
