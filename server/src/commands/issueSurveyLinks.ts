import { and, eq, inArray, isNull } from "drizzle-orm";
import { appendAudit } from "../audit/appendAudit";
import type { Db } from "../db/client";
import { surveyRespondents } from "../db/schema";
import type { DomainEvent } from "../events/domainEvents";
import { surveyLinksExpiry } from "../rules/surveyGuards";
import { newSurveyToken } from "../services/surveyTokens";

/**
 * Issues a fresh single-use token to each listed respondent who has not answered (all of them when none is
 * listed): any earlier link of theirs stops working. The links expire with the period's survey milestone, and none
 * are issued once it has passed. The tokens are returned once, for the printable sheet and the e-mails; only their
 * SHA-256 is stored. With `email`, each respondent with an address is sent their link after the commit (an
 * `emailsDue` event: best effort, the mailer never throws).
 */
export async function issueSurveyLinks({
  db,
  actor,
  questionnaireId,
  periodId,
  respondentIds,
  email,
}: {
  db: Db;
  actor: { id: string; username: string };
  questionnaireId: string;
  /** The questionnaire's period, whose survey milestone the links expire with. */
  periodId: string;
  respondentIds?: string[];
  /** The links' base (`<base>/s/<token>`) and, to e-mail them, what the mail names. */
  email: { linkBase: string; send: boolean; questionnaireTitle: string; periodName: string };
}) {
  const none = {
    issued: [] as {
      respondent: typeof surveyRespondents.$inferSelect;
      token: string;
      url: string;
      emailed: boolean;
    }[],
    events: [] as DomainEvent[],
  };
  const expiresAt = await surveyLinksExpiry(db, periodId);
  if (respondentIds && !respondentIds.length) return none;
  const issued = await db.transaction(async (tx) => {
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
  const { linkBase, questionnaireTitle, periodName } = email;
  const links = issued.map(({ respondent, token }) => ({
    respondent,
    token,
    url: `${linkBase}/s/${token}`,
    emailed: email.send && !!respondent.email,
  }));
  const mails = links
    .filter((l) => l.emailed)
    .map(({ respondent, url }) => ({
      to: respondent.email!,
      subject: `Phiếu khảo sát: ${questionnaireTitle}`,
      body: `Kính gửi ${respondent.fullName},\n\nKính mời Quý vị tham gia khảo sát “${questionnaireTitle}” (${periodName}) qua đường dẫn dùng một lần sau:\n${url}\n\nXin trân trọng cảm ơn.`,
    }));
  const events: DomainEvent[] = mails.length ? [{ type: "emailsDue", mails }] : [];
  return { issued: links, events };
}
