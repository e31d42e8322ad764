import { and, eq } from "drizzle-orm";
import type { DbOrTx, Tx } from "../db/client";
import { milestones, periods, surveyLocks } from "../db/schema";
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

/**
 * When links issued now stop working: the period's survey milestone. Refuses to issue links once it has passed
 * (or when the period has none), since every link would be dead on arrival.
 */
export async function surveyLinksExpiry(db: DbOrTx, periodId: string): Promise<Date> {
  const [survey] = await db
    .select({ deadline: milestones.deadline })
    .from(milestones)
    .where(and(eq(milestones.periodId, periodId), eq(milestones.key, "survey")));
  const deadline = survey?.deadline ?? null;
  if (!deadline || deadline.getTime() <= Date.now())
    throw new AppError(
      "window_closed",
      { milestone: "survey", deadline: deadline?.toISOString() ?? null },
      {
        vi: "Thời hạn khảo sát của kỳ này đã qua; hãy điều chỉnh mốc “Điều tra xã hội học” trước khi phát đường dẫn.",
        en: "This period's survey window is over; move the survey milestone before issuing links.",
      },
    );
  return deadline;
}
