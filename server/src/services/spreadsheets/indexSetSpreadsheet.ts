import { cellText, loadExcel } from "./excel";
import { assertSafeWorkbook } from "../files/officeZip";
import {
  parseKindCells,
  parsePoints,
  ZIndexImportRow,
  type ParsedKind,
  type TIndexImportRow,
} from "@ca/shared";
import { KIND_HELP, TEMPLATE_EXAMPLE } from "./indexSetKindHelp";

/** Column order of the import sheet; headers are bilingual so officials and engineers read the same file. */
export const COLUMNS = [
  { key: "code", header: "Mã / Code", width: 10 },
  { key: "title", header: "Tên tiêu chí / Title", width: 60 },
  { key: "titleEn", header: "Tên tiếng Anh / English title", width: 40 },
  { key: "guidance", header: "Hướng dẫn chấm / Guidance", width: 50 },
  { key: "maxPoints", header: "Điểm tối đa / Max points", width: 14 },
  { key: "step", header: "Bước điểm / Step", width: 12 },
  { key: "method", header: "Phương pháp / Method (tự chấm | XHH | hội đồng)", width: 24 },
  { key: "evidenceRequired", header: "Bắt buộc minh chứng / Evidence required (Có | Không)", width: 22 },
  // The scoring kind of a leaf (docs/scoring-kinds.md): blank or "điểm" for a number on the step.
  { key: "kind", header: "Loại chấm / Scoring kind (điểm | mức | có/không | số liệu)", width: 18 },
  {
    key: "levels",
    header: "Các mức / Levels (mỗi dòng: mã | điểm | tên | tên tiếng Anh | mô tả)",
    width: 60,
  },
  { key: "measure", header: "Số đo / Measure (tỷ lệ | giá trị)", width: 14 },
  {
    key: "rule",
    header: "Quy tắc / Rule (≥100: 2; ≥80: 1; còn lại: 0 — hoặc tỷ lệ thuận: 95; làm tròn: lên)",
    width: 50,
  },
] as const;

export interface RowError {
  row: number;
  field: string;
  message: string;
}

export interface ParsedRow extends TIndexImportRow, ParsedKind {
  row: number;
  max: number;
  stepCenti: number;
}

const METHOD_ALIASES: Record<string, TIndexImportRow["method"]> = {
  self: "self",
  "tự chấm": "self",
  "tu cham": "self",
  survey: "survey",
  xhh: "survey",
  council: "council",
  "hội đồng": "council",
  "hoi dong": "council",
};
const YES = new Set(["có", "co", "x", "yes", "true", "1"]);
const NO = new Set(["không", "khong", "", "no", "false", "0"]);
const MAX_ROWS = 2000;

/** The downloadable template: the header row, a worked example, and a sheet of instructions. */
export async function buildTemplate(): Promise<Buffer> {
  const wb = new (await loadExcel()).Workbook();
  const ws = wb.addWorksheet("BoChiSo");
  ws.columns = COLUMNS.map((c) => ({ key: c.key, header: c.header, width: c.width }));
  ws.getRow(1).font = { bold: true };
  TEMPLATE_EXAMPLE.forEach((r) => ws.addRow(r));
  ws.getColumn("levels").alignment = { wrapText: true, vertical: "top" };
  const help = wb.addWorksheet("HuongDan");
  [
    "Mỗi dòng là một lĩnh vực (mã 1, 2…), tiêu chí (1.1) hoặc tiêu chí thành phần (1.1.1).",
    "Tổng điểm tối đa các lĩnh vực phải bằng 100; điểm của một mục cha bằng tổng điểm các mục con.",
    "Điểm thưởng: dòng B (mức tối đa) và các dòng B.1, B.2…; điểm trừ: dòng P và P.1, P.2….",
    "Phương pháp: tự chấm, XHH (điều tra xã hội học, không tự chấm), hội đồng (chỉ Hội đồng chấm).",
    "Điểm dùng dấu phẩy hoặc dấu chấm thập phân, tối đa 2 chữ số thập phân; điểm tối đa phải chia hết cho bước điểm.",
    ...KIND_HELP,
  ].forEach((line) => help.addRow([line]));
  help.getColumn(1).width = 110;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Reads the first sheet into validated rows, or the list of every problem, row by row. */
export async function parseIndexSheet(buffer: Buffer): Promise<{ rows: ParsedRow[]; errors: RowError[] }> {
  // Inflated within limits and free of code before ExcelJS inflates it all in memory.
  await assertSafeWorkbook(buffer);
  const wb = new (await loadExcel()).Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    return { rows: [], errors: [{ row: 0, field: "file", message: "not a readable .xlsx workbook" }] };
  }
  const ws = wb.worksheets[0];
  if (!ws) return { rows: [], errors: [{ row: 0, field: "file", message: "the workbook has no sheet" }] };
  if (ws.rowCount > MAX_ROWS + 1)
    return { rows: [], errors: [{ row: 0, field: "file", message: `more than ${MAX_ROWS} rows` }] };

  const rows: ParsedRow[] = [];
  const errors: RowError[] = [];
  ws.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return; // header
    const cells = COLUMNS.map((_, i) => cellText(row.getCell(i + 1).value));
    if (cells.every((c) => c === "")) return;
    const [code, title, titleEn, guidance, maxPoints, step, methodText, evidenceText, ...kindCells] = cells;
    const [kindText, levelsText, measureText, ruleText] = kindCells;
    const method = METHOD_ALIASES[methodText.toLowerCase()];
    const ev = evidenceText.toLowerCase();
    const candidate = {
      code,
      title,
      titleEn,
      guidance,
      maxPoints,
      step: step || "0.25",
      method: method ?? methodText,
      evidenceRequired: YES.has(ev) ? true : NO.has(ev) ? false : evidenceText,
    };
    const parsed = ZIndexImportRow.safeParse(candidate);
    const kind = parseKindCells({ kind: kindText, levels: levelsText, measure: measureText, rule: ruleText });
    for (const e of kind.errors) errors.push({ row: rowNumber, ...e });
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        errors.push({ row: rowNumber, field: String(issue.path[0] ?? ""), message: issue.message });
      return;
    }
    if (!kind.kind) return;
    const max = parsePoints(parsed.data.maxPoints);
    const stepCenti = parsePoints(parsed.data.step);
    if (max === null || max <= 0)
      errors.push({
        row: rowNumber,
        field: "maxPoints",
        message: "a positive number with at most two decimals",
      });
    if (stepCenti === null || stepCenti <= 0)
      errors.push({ row: rowNumber, field: "step", message: "a positive number with at most two decimals" });
    else if (max !== null && max % stepCenti !== 0)
      errors.push({ row: rowNumber, field: "step", message: "max points must be a multiple of the step" });
    if (max !== null && stepCenti !== null)
      rows.push({ ...parsed.data, ...kind.kind, row: rowNumber, max, stepCenti });
  });
  return { rows, errors };
}
