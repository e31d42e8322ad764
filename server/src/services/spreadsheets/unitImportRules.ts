import type { SheetKey, SheetRow, UnitRowError } from "./unitSpreadsheet";
import { SHEETS } from "./unitSpreadsheet";

/** What the database already holds that the rows are checked against. */
export interface ExistingUnits {
  unitTypeCodes: ReadonlySet<string>;
  unitCodes: ReadonlySet<string>;
  usernames: ReadonlySet<string>;
  /** Units that already have a head. */
  unitsWithHead: ReadonlySet<string>;
}

export interface UnitRow {
  code: string;
  name: string;
  shortName: string;
  unitType: string;
  predecessorCodes: string[];
}
export interface LeaderRow {
  unitCode: string;
  fullName: string;
  position: "head" | "deputy";
  title: string;
  areaCodes: string[];
}
export interface AccountRow {
  username: string;
  fullName: string;
  email: string | null;
  role: "agency_editor" | "agency_head";
  unitCode: string;
}

const CODE = /^[a-z0-9_.-]{2,40}$/;
const USERNAME = /^[a-z0-9_.-]{3,60}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const AREA = /^[0-9A-Za-z.]{1,10}$/;
const POSITIONS: Record<string, LeaderRow["position"]> = {
  trưởng: "head",
  truong: "head",
  "thủ trưởng": "head",
  head: "head",
  phó: "deputy",
  pho: "deputy",
  "cấp phó": "deputy",
  deputy: "deputy",
};
const ROLES: Record<string, AccountRow["role"]> = {
  "soạn thảo": "agency_editor",
  "soan thao": "agency_editor",
  agency_editor: "agency_editor",
  editor: "agency_editor",
  "thủ trưởng": "agency_head",
  "thu truong": "agency_head",
  agency_head: "agency_head",
  head: "agency_head",
};
const list = (text: string) =>
  text
    .split(/[;,]/)
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * Checks every row of the three sheets against each other and the database, collecting every problem (in
 * Vietnamese, with English) rather than stopping at the first: the admin fixes the file once.
 */
export function checkUnitRows(
  sheets: Record<SheetKey, SheetRow[]>,
  existing: ExistingUnits,
): { units: UnitRow[]; leaders: LeaderRow[]; accounts: AccountRow[]; errors: UnitRowError[] } {
  const errors: UnitRowError[] = [];
  const fail = (key: SheetKey, row: number, field: string, message: string, messageEn: string) =>
    errors.push({ sheet: SHEETS[key].name, row, field, message, messageEn });

  const units: UnitRow[] = [];
  const newCodes = new Set<string>();
  for (const { row, cells } of sheets.units) {
    const [code, name, shortName, unitType, predecessors] = cells;
    const before = errors.length;
    if (!CODE.test(code))
      fail(
        "units",
        row,
        "code",
        "Mã đơn vị phải gồm 2–40 ký tự thường, số, . _ -.",
        "Code: 2–40 of a-z 0-9 . _ -.",
      );
    else if (existing.unitCodes.has(code))
      fail("units", row, "code", `Mã đơn vị "${code}" đã tồn tại.`, `Unit code "${code}" already exists.`);
    else if (newCodes.has(code))
      fail("units", row, "code", `Mã đơn vị "${code}" bị lặp trong tệp.`, `Unit code "${code}" is repeated.`);
    if (name.length < 2 || name.length > 200)
      fail("units", row, "name", "Thiếu tên đơn vị (2–200 ký tự).", "Name missing (2–200 characters).");
    if (shortName.length > 60)
      fail("units", row, "shortName", "Tên ngắn tối đa 60 ký tự.", "Short name: at most 60 characters.");
    if (!existing.unitTypeCodes.has(unitType))
      fail(
        "units",
        row,
        "unitType",
        `Loại đơn vị "${unitType}" không tồn tại (có: ${[...existing.unitTypeCodes].join(", ")}).`,
        `Unknown unit type "${unitType}".`,
      );
    const preds = list(predecessors);
    for (const p of preds)
      if (!CODE.test(p) || p === code)
        fail(
          "units",
          row,
          "predecessors",
          `Mã đơn vị tiền thân "${p}" không hợp lệ.`,
          `Invalid predecessor "${p}".`,
        );
    if (CODE.test(code)) newCodes.add(code);
    if (errors.length === before)
      units.push({
        code,
        name,
        shortName: shortName || name,
        unitType,
        predecessorCodes: [...new Set(preds)],
      });
  }
  const knownUnit = (code: string) => newCodes.has(code) || existing.unitCodes.has(code);

  const leaders: LeaderRow[] = [];
  const heads = new Set(existing.unitsWithHead);
  for (const { row, cells } of sheets.leaders) {
    const [unitCode, fullName, positionText, title, areas] = cells;
    const before = errors.length;
    if (!knownUnit(unitCode))
      fail(
        "leaders",
        row,
        "unitCode",
        `Không có đơn vị mã "${unitCode}".`,
        `No unit with code "${unitCode}".`,
      );
    if (fullName.length < 2 || fullName.length > 200)
      fail("leaders", row, "fullName", "Thiếu họ và tên.", "Full name missing.");
    const position = POSITIONS[positionText.toLowerCase()];
    if (!position)
      fail("leaders", row, "position", 'Vị trí phải là "Trưởng" hoặc "Phó".', 'Position: "Trưởng" or "Phó".');
    else if (position === "head" && heads.has(unitCode))
      fail(
        "leaders",
        row,
        "position",
        `Đơn vị "${unitCode}" đã có người đứng đầu.`,
        `"${unitCode}" already has a head.`,
      );
    if (title.length < 2 || title.length > 200)
      fail("leaders", row, "title", "Thiếu chức vụ.", "Title missing.");
    const areaCodes = list(areas);
    if (areaCodes.some((a) => !AREA.test(a)))
      fail(
        "leaders",
        row,
        "areas",
        "Mã lĩnh vực không hợp lệ (ví dụ 1;2).",
        "Invalid area codes (e.g. 1;2).",
      );
    if (position === "head") heads.add(unitCode);
    if (errors.length === before)
      leaders.push({
        unitCode,
        fullName,
        position: position!,
        title,
        areaCodes: position === "head" ? [] : areaCodes,
      });
  }

  const accounts: AccountRow[] = [];
  const names = new Set<string>();
  for (const { row, cells } of sheets.accounts) {
    const [username, fullName, email, roleText, unitCode] = cells;
    const before = errors.length;
    if (!USERNAME.test(username))
      fail(
        "accounts",
        row,
        "username",
        "Tên đăng nhập: 3–60 ký tự thường, số, . _ -.",
        "Username: 3–60 of a-z 0-9 . _ -.",
      );
    else if (existing.usernames.has(username))
      fail(
        "accounts",
        row,
        "username",
        `Tên đăng nhập "${username}" đã tồn tại.`,
        `Username "${username}" exists.`,
      );
    else if (names.has(username))
      fail(
        "accounts",
        row,
        "username",
        `Tên đăng nhập "${username}" bị lặp trong tệp.`,
        `"${username}" is repeated.`,
      );
    if (fullName.length < 2 || fullName.length > 200)
      fail("accounts", row, "fullName", "Thiếu họ và tên.", "Full name missing.");
    if (email && !EMAIL.test(email))
      fail("accounts", row, "email", `Email "${email}" không hợp lệ.`, `Invalid e-mail "${email}".`);
    const role = ROLES[roleText.toLowerCase()];
    if (!role)
      fail(
        "accounts",
        row,
        "role",
        'Vai trò phải là "Soạn thảo" hoặc "Thủ trưởng".',
        'Role: "Soạn thảo" or "Thủ trưởng".',
      );
    if (!knownUnit(unitCode))
      fail(
        "accounts",
        row,
        "unitCode",
        `Không có đơn vị mã "${unitCode}".`,
        `No unit with code "${unitCode}".`,
      );
    names.add(username);
    if (errors.length === before)
      accounts.push({ username, fullName, email: email || null, role: role!, unitCode });
  }
  return { units, leaders, accounts, errors };
}
