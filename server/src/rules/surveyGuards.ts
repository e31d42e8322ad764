import { eq } from "drizzle-orm";
import type { Tx } from "../db/client";
import { periods, surveyLocks } from "../db/schema";
import { AppError } from "../http/errors";

/**
 * Takes the period row: answers and paper forms take it shared, the lock takes it exclusively, so no answer slips
 * in between the lock's tally and its commit. Refuses once the results are locked.
 */
export async function guardSurveyOpen(tx: Tx, periodId: string, mode: "share" | "update" = "share") {
  await tx.select({ id: periods.id }).from(periods).where(eq(periods.id, periodId)).for(mode);
  const [lock] = await tx.select().from(surveyLocks).where(eq(surveyLocks.periodId, periodId));
  if (lock) throw surveyClosed();
}

/** The survey of this period is locked: nothing more is accepted. */
export const surveyClosed = () =>
  new AppError(
    "window_closed",
    { reason: "survey_closed" },
    {
      vi: "Cuộc khảo sát đã kết thúc; không nhận thêm phiếu trả lời.",
      en: "The survey is over; no more answers are accepted.",
    },
  );
