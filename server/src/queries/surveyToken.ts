import { eq } from "drizzle-orm";
import type { DbOrTx } from "../db/client";
import { surveyQuestionnaires, surveyRespondents } from "../db/schema";
import { AppError } from "../http/errors";

/** Why a token cannot be used: unknown, already used, or expired — each with its own clear message. */
export async function tokenRefusal(db: DbOrTx, tokenHash: string): Promise<AppError> {
  const [row] = await db
    .select({ answeredAt: surveyRespondents.answeredAt, expiresAt: surveyRespondents.tokenExpiresAt })
    .from(surveyRespondents)
    .where(eq(surveyRespondents.tokenHash, tokenHash));
  if (!row) return unknownToken();
  if (row.answeredAt)
    return new AppError(
      "conflict",
      { reason: "token_used" },
      {
        vi: "Đường dẫn này đã được dùng để gửi phiếu trả lời. Mỗi đường dẫn chỉ dùng được một lần. Xin cảm ơn!",
        en: "This link has already been used to send answers. Each link works once. Thank you!",
      },
    );
  return new AppError(
    "window_closed",
    { reason: "token_expired" },
    {
      vi: "Đường dẫn này đã hết hạn. Vui lòng liên hệ Sở Nội vụ nếu bạn vẫn muốn tham gia khảo sát.",
      en: "This link has expired. Please contact the Department of Home Affairs if you still wish to take part.",
    },
  );
}

export const unknownToken = () =>
  new AppError(
    "not_found",
    { reason: "token_unknown" },
    {
      vi: "Đường dẫn khảo sát không hợp lệ. Vui lòng kiểm tra lại đường dẫn hoặc mã QR đã nhận.",
      en: "This survey link is not valid. Please check the link or QR code you received.",
    },
  );

/** The respondent row and questionnaire behind a usable token; a clear refusal for any other. */
export async function loadTokenTarget(db: DbOrTx, tokenHash: string) {
  const [row] = await db
    .select({ respondent: surveyRespondents, questionnaire: surveyQuestionnaires })
    .from(surveyRespondents)
    .innerJoin(surveyQuestionnaires, eq(surveyQuestionnaires.id, surveyRespondents.questionnaireId))
    .where(eq(surveyRespondents.tokenHash, tokenHash));
  if (!row) throw unknownToken();
  const expired = !row.respondent.tokenExpiresAt || row.respondent.tokenExpiresAt.getTime() <= Date.now();
  if (row.respondent.answeredAt || expired) throw await tokenRefusal(db, tokenHash);
  return row;
}

/** Whether an error is `unknownToken()`: what guessing a token produces. */
export function isUnknownToken(err: unknown): boolean {
  return (
    err instanceof AppError && (err.details as { reason?: unknown } | undefined)?.reason === "token_unknown"
  );
}
