import { and, eq, inArray, isNull } from "drizzle-orm";
import { appendAudit } from "../audit/appendAudit";
import type { Db } from "../db/client";
import { surveyRespondents } from "../db/schema";
import { newSurveyToken } from "../services/surveyTokens";

/**
 * Issues a fresh single-use token to each listed respondent who has not answered (all of them when none is
 * listed): any earlier link of theirs stops working. The tokens are returned once, for the printable sheet and the
 * e-mails; only their SHA-256 is stored.
 */
export async function issueSurveyLinks({
  db,
  actor,
  questionnaireId,
  respondentIds,
  expiresAt,
}: {
  db: Db;
  actor: { id: string; username: string };
  questionnaireId: string;
  respondentIds?: string[];
  expiresAt: Date;
}) {
  if (respondentIds && !respondentIds.length) return [];
  return db.transaction(async (tx) => {
    const r = surveyRespondents;
    const targets = await tx
      .select()
      .from(r)
      .where(
        and(
          eq(r.questionnaireId, questionnaireId),
          isNull(r.answeredAt),
          respondentIds ? inArray(r.id, respondentIds) : undefined,
        ),
      )
      .for("update");
    const now = new Date();
    const issued: { respondent: typeof r.$inferSelect; token: string }[] = [];
    for (const respondent of targets) {
      const { token, hash } = newSurveyToken();
      await tx
        .update(r)
        .set({ tokenHash: hash, tokenExpiresAt: expiresAt, sentAt: now, openedAt: null })
        .where(eq(r.id, respondent.id));
      issued.push({ respondent, token });
    }
    await appendAudit(tx, {
      actor,
      action: "survey.links_issued",
      entity: "survey_questionnaire",
      entityId: questionnaireId,
      newValue: { count: issued.length, expiresAt: expiresAt.toISOString() },
    });
    return issued;
  });
}
