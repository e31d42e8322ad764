import { randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { TUnitImportResult } from "@ca/shared";
import { appendAudit } from "../audit/appendAudit";
import { hashPassword } from "../auth/password";
import type { Db } from "../db/client";
import * as t from "../db/schema";
import { AppError } from "../http/errors";
import { checkUnitRows } from "../services/spreadsheets/unitImportRules";
import { readUnitWorkbook } from "../services/spreadsheets/unitSpreadsheet";

/** A first password the platform's rule accepts (letters and a digit), shown once to the admin who imports. */
function initialPassword(): string {
  return `Ca${randomBytes(9).toString("base64url")}7`;
}

/**
 * Imports units, their heads and deputies, and their accounts from one workbook (services/unitSpreadsheet.ts). Every
 * row is checked first, against the other sheets and the database; any problem rejects the whole file with the
 * list of rows (422 `import_failed`), and nothing is written. Otherwise one transaction writes it all, audited.
 * Accounts get a random first password, returned once here and never stored in clear.
 */
export async function importUnits({
  db,
  actor,
  file,
}: {
  db: Db;
  actor: { id: string; username: string };
  file: Buffer;
}): Promise<TUnitImportResult> {
  const read = await readUnitWorkbook(file);
  if (read.errors.length) throw new AppError("import_failed", { rows: read.errors });
  const [types, units, users, heads] = await Promise.all([
    db.select({ id: t.unitTypes.id, code: t.unitTypes.code }).from(t.unitTypes),
    db.select({ id: t.units.id, code: t.units.code }).from(t.units),
    db.select({ username: t.users.username }).from(t.users),
    db
      .select({ code: t.units.code })
      .from(t.unitLeaders)
      .innerJoin(t.units, eq(t.units.id, t.unitLeaders.unitId))
      .where(eq(t.unitLeaders.position, "head")),
  ]);
  const checked = checkUnitRows(read.sheets, {
    unitTypeCodes: new Set(types.map((x) => x.code)),
    unitCodes: new Set(units.map((u) => u.code)),
    usernames: new Set(users.map((u) => u.username)),
    unitsWithHead: new Set(heads.map((h) => h.code)),
  });
  if (checked.errors.length)
    throw new AppError("import_failed", {
      rows: checked.errors.sort((a, b) => a.sheet.localeCompare(b.sheet) || a.row - b.row).slice(0, 500),
    });
  if (!checked.units.length && !checked.leaders.length && !checked.accounts.length)
    throw new AppError("import_failed", {
      rows: [
        {
          sheet: "",
          row: 0,
          field: "file",
          message: "Tệp không có dòng dữ liệu nào.",
          messageEn: "The workbook has no data rows.",
        },
      ],
    });

  // Hashing is slow on purpose: done before the transaction, so it holds no connection meanwhile.
  const passwords = checked.accounts.map(() => initialPassword());
  const hashes = await Promise.all(passwords.map(hashPassword));
  const typeId = new Map(types.map((x) => [x.code, x.id]));

  return db.transaction(async (tx) => {
    const created = checked.units.length
      ? await tx
          .insert(t.units)
          .values(
            checked.units.map((u, i) => ({
              code: u.code,
              name: u.name,
              shortName: u.shortName,
              unitTypeId: typeId.get(u.unitType)!,
              predecessorCodes: u.predecessorCodes,
              sortOrder: i + 1,
            })),
          )
          .returning({ id: t.units.id, code: t.units.code })
      : [];
    const unitId = new Map([...units, ...created].map((u) => [u.code, u.id]));
    if (checked.leaders.length)
      await tx.insert(t.unitLeaders).values(
        checked.leaders.map((l) => ({
          unitId: unitId.get(l.unitCode)!,
          fullName: l.fullName,
          position: l.position,
          title: l.title,
          areaCodes: l.areaCodes,
        })),
      );
    if (checked.accounts.length)
      await tx.insert(t.users).values(
        checked.accounts.map((a, i) => ({
          username: a.username,
          fullName: a.fullName,
          email: a.email,
          roles: [a.role],
          unitId: unitId.get(a.unitCode)!,
          passwordHash: hashes[i],
        })),
      );
    // New units join every open period that appraises their type (a period made from a template before the units
    // were imported, typically): a draft dossier each. Published or archived periods are left as they are.
    const open = await tx
      .select({ periodId: t.periodIndexSets.periodId, unitTypeId: t.periodIndexSets.unitTypeId })
      .from(t.periodIndexSets)
      .innerJoin(t.periods, eq(t.periods.id, t.periodIndexSets.periodId))
      .leftJoin(t.resultPublications, eq(t.resultPublications.periodId, t.periods.id))
      .where(and(eq(t.periods.status, "active"), isNull(t.resultPublications.periodId)));
    const dossiers = checked.units.flatMap((u) =>
      open
        .filter((p) => p.unitTypeId === typeId.get(u.unitType))
        .map((p) => ({ periodId: p.periodId, unitId: unitId.get(u.code)! })),
    );
    if (dossiers.length) await tx.insert(t.dossiers).values(dossiers);
    await appendAudit(tx, {
      actor,
      action: "unit.import",
      entity: "unit",
      entityId: null,
      newValue: {
        units: checked.units.map((u) => u.code),
        leaders: checked.leaders.length,
        accounts: checked.accounts.map((a) => a.username),
        dossiers: dossiers.length,
      },
    });
    return {
      units: checked.units.map((u) => ({
        code: u.code,
        name: u.name,
        unitType: u.unitType,
        predecessorCodes: u.predecessorCodes,
      })),
      leaders: checked.leaders.length,
      accounts: checked.accounts.map((a, i) => ({
        username: a.username,
        fullName: a.fullName,
        role: a.role,
        unitCode: a.unitCode,
        initialPassword: passwords[i],
      })),
    };
  });
}
