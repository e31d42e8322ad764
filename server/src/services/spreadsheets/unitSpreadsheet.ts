import type ExcelJS from "exceljs";
import { cellText, loadExcel } from "./excel";
import { assertSafeWorkbook } from "../files/officeZip";

/**
 * The unit import workbook (docs/periods-and-classification.md, "Importing units"): three sheets, found by name —
 * units, their heads and deputies, and accounts — each with a bilingual header row. Codes link the sheets.
 */
export const SHEETS = {
  units: {
    name: "DonVi",
    columns: [
      ["Mã đơn vị / Code", 16],
      ["Tên đơn vị / Name", 44],
      ["Tên ngắn / Short name", 20],
      ["Loại đơn vị / Unit type (mã)", 26],
      ["Đơn vị tiền thân / Predecessors (mã, cách nhau bởi ;)", 40],
    ],
  },
  leaders: {
    name: "LanhDao",
    columns: [
      ["Mã đơn vị / Unit code", 16],
      ["Họ và tên / Full name", 30],
      ["Vị trí / Position (Trưởng | Phó)", 18],
      ["Chức vụ / Title", 30],
      ["Lĩnh vực phụ trách / Areas (1;2)", 22],
    ],
  },
  accounts: {
    name: "TaiKhoan",
    columns: [
      ["Tên đăng nhập / Username", 22],
      ["Họ và tên / Full name", 30],
      ["Email", 30],
      ["Vai trò / Role (Soạn thảo | Thủ trưởng)", 24],
      ["Mã đơn vị / Unit code", 16],
    ],
  },
} as const;
export type SheetKey = keyof typeof SHEETS;

/** One problem of the file: the sheet and row (1-based, as Excel shows it), the column, and what is wrong. */
export interface UnitRowError {
  sheet: string;
  row: number;
  field: string;
  message: string;
  messageEn: string;
}

/** A row's cells as text, with its row number. */
export interface SheetRow {
  row: number;
  cells: string[];
}

const MAX_ROWS = 5000;

/** The downloadable template: the three sheets with their headers and one worked example, and instructions. */
export async function buildUnitTemplate(): Promise<Buffer> {
  const wb = new (await loadExcel()).Workbook();
  const examples: Record<SheetKey, string[][]> = {
    units: [
      ["xa-hoaxuan", "UBND xã Hòa Xuân", "Xã Hòa Xuân", "ubnd_cap_xa", "xa-hoaxuantay; xa-hoaxuandong"],
    ],
    leaders: [
      ["xa-hoaxuan", "Nguyễn Văn An", "Trưởng", "Chủ tịch UBND xã", ""],
      ["xa-hoaxuan", "Trần Thị Bình", "Phó", "Phó Chủ tịch UBND xã", "1;2"],
    ],
    accounts: [
      ["editor.hoaxuan", "Lê Văn Cường", "cuong@example.vn", "Soạn thảo", "xa-hoaxuan"],
      ["head.hoaxuan", "Nguyễn Văn An", "", "Thủ trưởng", "xa-hoaxuan"],
    ],
  };
  for (const key of Object.keys(SHEETS) as SheetKey[]) {
    const ws = wb.addWorksheet(SHEETS[key].name);
    ws.columns = SHEETS[key].columns.map(([header, width]) => ({ header, width }));
    ws.getRow(1).font = { bold: true };
    examples[key].forEach((r) => ws.addRow(r));
  }
  const help = wb.addWorksheet("HuongDan");
  [
    "Sheet DonVi: mỗi dòng một đơn vị; mã viết thường, không dấu (chữ, số, . _ -); loại đơn vị là mã loại (ví dụ ubnd_cap_xa).",
    "Đơn vị tiền thân: mã các đơn vị cũ đã sáp nhập vào đơn vị này (xã, phường sau sắp xếp), cách nhau bởi dấu ;.",
    "Sheet LanhDao: Trưởng (một người mỗi đơn vị) và các Phó, với các lĩnh vực Phó phụ trách (mã lĩnh vực, cách nhau bởi ;).",
    "Sheet TaiKhoan: tài khoản của đơn vị; vai trò Soạn thảo hoặc Thủ trưởng. Mật khẩu ban đầu do hệ thống tạo và chỉ hiển thị một lần.",
    "Tệp có lỗi ở bất kỳ dòng nào thì không dữ liệu nào được ghi; danh sách lỗi nêu rõ sheet và số dòng.",
  ].forEach((line) => help.addRow([line]));
  help.getColumn(1).width = 120;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * Reads the three sheets into rows of text (blank rows skipped), or a file-level error. The accounts and leaders
 * sheets may be missing (units only); the units sheet may be too, when only leaders or accounts are added.
 */
export async function readUnitWorkbook(
  buffer: Buffer,
): Promise<{ sheets: Record<SheetKey, SheetRow[]>; errors: UnitRowError[] }> {
  const empty = { units: [], leaders: [], accounts: [] };
  const fileError = (message: string, messageEn: string) => ({
    sheets: empty,
    errors: [{ sheet: "", row: 0, field: "file", message, messageEn }],
  });
  // Inflated within limits and free of code before ExcelJS inflates it all in memory.
  await assertSafeWorkbook(buffer);
  const wb = new (await loadExcel()).Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    return fileError("Không đọc được tệp .xlsx.", "Not a readable .xlsx workbook.");
  }
  const found = (Object.keys(SHEETS) as SheetKey[]).filter((k) => wb.getWorksheet(SHEETS[k].name));
  if (!found.length)
    return fileError(
      "Tệp không có sheet DonVi, LanhDao hay TaiKhoan (xem tệp mẫu).",
      "The workbook has none of the sheets DonVi, LanhDao, TaiKhoan (see the template).",
    );
  const sheets: Record<SheetKey, SheetRow[]> = { units: [], leaders: [], accounts: [] };
  for (const key of found) {
    const ws = wb.getWorksheet(SHEETS[key].name) as ExcelJS.Worksheet;
    if (ws.rowCount > MAX_ROWS + 1)
      return fileError(
        `Sheet ${SHEETS[key].name} có hơn ${MAX_ROWS} dòng.`,
        `Sheet ${SHEETS[key].name} has more than ${MAX_ROWS} rows.`,
      );
    ws.eachRow((row, rowNumber) => {
      if (rowNumber === 1) return; // header
      const cells = SHEETS[key].columns.map((_, i) => cellText(row.getCell(i + 1).value));
      if (cells.every((c) => c === "")) return;
      sheets[key].push({ row: rowNumber, cells });
    });
  }
  return { sheets, errors: [] };
}
