import { eq, sql } from "drizzle-orm";
import {
  centiToNumber,
  formatVnDateTime,
  parsePoints,
  scoreProblemMessage,
  validateLeafScore,
  type Centi,
} from "@ca/shared";
import type { DbOrTx } from "../db/client";
import { dossiers } from "../db/schema";
import { AppError, conflict } from "../http/errors";
import { windowOf, type DossierState, type ItemRow, type WindowState } from "../queries/dossierState";

/**
 * Refuses unless the milestone's window is open for this dossier: before it opens with "not open yet" and when it
 * opens (`details.startsAt`), after its deadline with "window closed" and the deadline (`details.deadline`).
 */
export function assertWindowOpen(state: WindowState, key: string, now = new Date()): void {
  const w = windowOf(state, key, now);
  if (w.open) return;
  if (w.state === "upcoming")
    throw new AppError(
      "window_not_open",
      { milestone: key, startsAt: w.startsAt?.toISOString() ?? null },
      w.startsAt
        ? {
            vi: `Bước này chưa mở: mở lúc ${formatVnDateTime(w.startsAt)} (giờ Việt Nam).`,
            en: `This step is not open yet: it opens at ${w.startsAt.toISOString()}.`,
          }
        : undefined,
    );
  const end = w.end;
  throw new AppError(
    "window_closed",
    { milestone: key, deadline: end?.toISOString() ?? null },
    end
      ? {
          vi: `Ngoài thời hạn: bước này đóng lúc ${formatVnDateTime(end)} (giờ Việt Nam). Liên hệ Sở Nội vụ nếu cần gia hạn.`,
          en: `Outside the window: this step closed at ${end.toISOString()}. Ask the admin for an extension.`,
        }
      : undefined,
  );
}

/** Refuses unless the dossier is in the expected state (someone else may have moved it meanwhile). */
export function assertStatus(
  state: Pick<DossierState, "status"> | { status: string },
  ...allowed: string[]
): void {
  if (!allowed.includes(state.status))
    throw conflict(
      { status: state.status, expected: allowed },
      {
        vi: "Hồ sơ đã chuyển sang bước khác; vui lòng tải lại trang.",
        en: "The dossier has moved to another step; please reload.",
      },
    );
}

/** Converts an API decimal into hundredths and checks it against the leaf's range and step. */
export function checkedScore(
  leaf: Pick<ItemRow, "code" | "maxPoints" | "step" | "method">,
  value: number,
): Centi {
  const score = parsePoints(value);
  const check =
    score === null
      ? null
      : validateLeafScore(
          {
            code: leaf.code,
            areaCode: leaf.code.split(".")[0],
            maxPoints: leaf.maxPoints,
            step: leaf.step,
            method: leaf.method,
            applicable: true,
          },
          score,
        );
  if (score !== null && check?.ok) return score;
  const problem = check && !check.ok ? check.problem : "out_of_range";
  const vars = { max: leaf.maxPoints, step: leaf.step };
  throw new AppError(
    "validation_failed",
    [{ path: "score", message: `0 – ${centiToNumber(leaf.maxPoints)}, step ${centiToNumber(leaf.step)}` }],
    { vi: scoreProblemMessage(problem, vars, "vi"), en: scoreProblemMessage(problem, vars, "en") },
  );
}

/**
 * Takes the dossier's row lock for the rest of the transaction, before its state is read: commands on one dossier
 * then run one after another, so a check ("still a draft", "no score yet for this leaf") cannot be overtaken by a
 * concurrent submission, close or first write (which would write after the lock-in, or fail on a unique index).
 */
export async function lockDossier(tx: DbOrTx, dossierId: string): Promise<void> {
  await tx.select({ id: dossiers.id }).from(dossiers).where(eq(dossiers.id, dossierId)).for("update");
}

/** Marks the dossier changed (version + 1), optionally moving it to a new status; returns the new row. */
export async function touchDossier(tx: DbOrTx, dossierId: string, status?: string) {
  const [row] = await tx
    .update(dossiers)
    .set({ version: sql`${dossiers.version} + 1`, updatedAt: new Date(), ...(status ? { status } : {}) })
    .where(eq(dossiers.id, dossierId))
    .returning();
  return row;
}
