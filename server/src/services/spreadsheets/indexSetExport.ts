import { formatKindCells } from "@ca/shared";
import type { indexItems, indexSets } from "../../db/schema";
import { loadExcel } from "./excel";
import { buildTemplate, COLUMNS } from "./indexSetSpreadsheet";

type ItemRow = typeof indexItems.$inferSelect;
type SetRow = typeof indexSets.$inferSelect;

const METHOD_NAMES: Record<ItemRow["method"], string> = {
  self: "tự chấm",
  survey: "XHH",
  council: "hội đồng",
};

/**
 * An index set as the import reads it (docs/scoring-kinds.md, "In the spreadsheet"): the template's columns, one
 * row per item in the set's order, the scoring kind in words, and the template's instructions sheet. Importing the
 * file gives back the same tree (tests/server/services/spreadsheets/indexSetRoundTrip.test.ts).
 */
export async function exportIndexSet(set: SetRow, items: readonly ItemRow[]): Promise<Buffer> {
  const Excel = await loadExcel();
  // The instructions sheet is the template's own, so the two never drift apart.
  const template = new Excel.Workbook();
  await template.xlsx.load((await buildTemplate()) as unknown as ArrayBuffer);
  const wb = new Excel.Workbook();
  const ws = wb.addWorksheet("BoChiSo");
  ws.columns = COLUMNS.map((c) => ({ key: c.key, header: c.header, width: c.width }));
  ws.getRow(1).font = { bold: true };
  for (const i of [...items].sort((a, b) => a.sortOrder - b.sortOrder)) {
    const kind = formatKindCells({ scoringKind: i.scoringKind, levels: i.levels, rule: i.quantityRule });
    ws.addRow([
      i.code,
      i.title,
      i.titleEn,
      i.guidance,
      i.maxPoints / 100,
      i.step / 100,
      METHOD_NAMES[i.method],
      i.evidenceRequired ? "Có" : "Không",
      kind.kind,
      kind.levels,
      kind.measure,
      kind.rule,
    ]);
  }
  ws.getColumn("levels").alignment = { wrapText: true, vertical: "top" };
  const help = wb.addWorksheet("HuongDan");
  template.getWorksheet("HuongDan")?.eachRow((row) => help.addRow([row.getCell(1).value]));
  help.getColumn(1).width = 110;
  const about = wb.addWorksheet("ThongTin");
  about.addRow(["Mã bộ chỉ số / Code", set.code]);
  about.addRow(["Tên / Name", set.name]);
  about.addRow(["Phiên bản / Version", set.version]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
