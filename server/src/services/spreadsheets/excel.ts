import type ExcelJS from "exceljs";

let loading: Promise<typeof ExcelJS> | null = null;

/**
 * exceljs takes about a second to load, so it is loaded on first use rather than at start (docs/targets.md P8: ready
 * in ≤ 3 s); the spreadsheet imports and exports that need it are rare.
 */
export function loadExcel(): Promise<typeof ExcelJS> {
  loading ??= import("exceljs").then(
    (m) => ((m as { default?: typeof ExcelJS }).default ?? m) as typeof ExcelJS,
  );
  return loading;
}

/** A cell's text whatever it holds: rich text, a hyperlink's text, a formula's result, or a plain value (trimmed). */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((t) => t.text).join("");
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
    if ("text" in value) return String(value.text);
    return "";
  }
  return String(value).trim();
}
