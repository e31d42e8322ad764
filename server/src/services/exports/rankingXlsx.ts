import { loadExcel } from "../spreadsheets/excel";
import { whyFootnote, type ClassificationBand, type TPublishedResults, type TRankedUnit } from "@ca/shared";
import { addAuditSheet, type AuditStamp } from "./auditStamp";

const POINTS = "0.00";

/** Why the unit has its band, in a cell: "Chỉ số", or the override's or the quota's footnote (docs/domain.md §3). */
function whyText(why: TRankedUnit["why"], bands: readonly ClassificationBand[]): string {
  if (!why) return "";
  return whyFootnote(why, bands, "vi") || "Chỉ số";
}

/** Excel sheet names: at most 31 characters, none of []:*?/\ . */
export function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, " ").slice(0, 31);
}

/**
 * The ranking per unit type (one sheet each): rank, unit, total, maximum, index, classification, then the index of
 * every area — the figures of GET /api/periods/:id/results, as numbers (not text) so they can be summed.
 */
export async function rankingWorkbook(
  results: TPublishedResults,
  final: boolean,
  stamp: AuditStamp | null,
  bands: readonly ClassificationBand[],
): Promise<Buffer> {
  const wb = new (await loadExcel()).Workbook();
  wb.creator = "Council Appraisal";
  wb.created = new Date(results.frozenAt);
  for (const type of results.unitTypes) {
    const ws = wb.addWorksheet(sheetName(type.name), { views: [{ state: "frozen", ySplit: 3, xSplit: 3 }] });
    const areas = type.rows[0]?.areas ?? [];
    ws.addRow([
      `Kết quả xếp hạng ${type.name} - ${results.periodName}${final ? "" : " (DỰ THẢO, chưa công bố)"}`,
    ]).font = { bold: true, size: 13 };
    ws.addRow([final ? "Kết quả chính thức đã công bố" : "Số liệu tạm thời"]).font = { italic: true };
    const header = ws.addRow([
      "Hạng",
      "Mã đơn vị",
      "Đơn vị",
      "Tổng điểm",
      "Điểm tối đa",
      "Chỉ số (%)",
      "Xếp loại",
      "Căn cứ xếp loại",
      ...areas.map((a) => `LV ${a.code}: ${a.title} (%)`),
    ]);
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: "middle" };
    for (const row of type.rows)
      ws.addRow([
        row.rank ?? "Chưa xếp hạng",
        row.unit.code,
        row.unit.name,
        row.total,
        row.max,
        row.index,
        row.classificationLabel ?? "",
        whyText(row.why, bands),
        ...row.areas.map((a) => a.index),
      ]);
    ws.columns.forEach((col, i) => {
      col.width = i === 2 ? 44 : i === 6 ? 14 : i === 7 ? 30 : i < 2 ? 10 : 12;
      if (i >= 3 && i !== 6 && i !== 7) col.numFmt = POINTS;
    });
  }
  addAuditSheet(wb, stamp);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
