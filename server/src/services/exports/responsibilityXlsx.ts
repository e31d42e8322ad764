import { loadExcel } from "../spreadsheets/excel";
import { centiToNumber } from "@ca/shared";
import { bandLabel, type PeriodResults } from "../results/periodResults";
import { sheetName } from "./rankingXlsx";
import { addAuditSheet, type AuditStamp } from "./auditStamp";

const pct = (v: number | null) => (v === null ? null : centiToNumber(v));

/**
 * Heads and deputies of every unit (docs/domain.md §3), for the council meeting and for emulation and rewards (thi đua,
 * khen thưởng): one sheet per unit type, one row per leader, with the rules of the period written on top.
 */
export async function responsibilityWorkbook(
  results: PeriodResults,
  stamp: AuditStamp | null,
): Promise<Buffer> {
  const wb = new (await loadExcel()).Workbook();
  wb.creator = "Council Appraisal";
  const r = results.responsibility;
  for (const type of results.unitTypes) {
    const ws = wb.addWorksheet(sheetName(type.name), { views: [{ state: "frozen", ySplit: 3 }] });
    ws.addRow([
      `Kết quả đánh giá trách nhiệm người đứng đầu, cấp phó - ${type.name} - ${results.period.name}`,
    ]).font = {
      bold: true,
      size: 13,
    };
    ws.addRow([
      `Quy tắc: cấp phó = ${r.deputyAreaWeight}% chỉ số lĩnh vực phụ trách + ${r.unitWeight}% chỉ số đơn vị; ` +
        `người đứng đầu theo kết quả đơn vị${r.headCappedByUnit ? ", không cao hơn xếp loại của đơn vị" : ""}` +
        (r.deputyCap
          ? `; lĩnh vực phụ trách dưới ${centiToNumber(r.deputyCap.areaIndexBelow)}% thì không cao hơn "${bandLabel(results.bands, r.deputyCap.band)}"`
          : ""),
    ]).font = { italic: true };
    ws.addRow([
      "Hạng đơn vị",
      "Đơn vị",
      "Chỉ số đơn vị (%)",
      "Xếp loại đơn vị",
      "Họ và tên",
      "Chức vụ",
      "Lĩnh vực phụ trách",
      "Chỉ số lĩnh vực phụ trách (%)",
      "Chỉ số trách nhiệm (%)",
      "Xếp loại",
      "Ghi chú",
    ]).font = { bold: true };
    for (const row of type.rows)
      for (const l of row.leaders)
        ws.addRow([
          row.rank,
          row.unit.name,
          pct(row.totals.index),
          bandLabel(results.bands, row.band) ?? "",
          l.fullName,
          l.title,
          l.areaCodes.join(", "),
          pct(l.areaIndex),
          pct(l.index),
          bandLabel(results.bands, l.band) ?? "",
          [
            l.areasBelowHalf ? "Lĩnh vực phụ trách dưới 50%" : "",
            l.capped ? "Xếp loại bị giới hạn theo quy tắc" : "",
          ]
            .filter(Boolean)
            .join("; "),
        ]);
    ws.columns.forEach((col, i) => {
      col.width = [10, 40, 12, 14, 26, 20, 16, 14, 14, 14, 34][i] ?? 12;
      if ([2, 7, 8].includes(i)) col.numFmt = "0.00";
    });
  }
  addAuditSheet(wb, stamp);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
