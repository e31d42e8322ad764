import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { TSurveySubmit } from "@ca/shared";
import { appendAudit } from "../audit/appendAudit";
import type { Db } from "../db/client";
import { surveyAnswers, surveyRespondents, surveySubmissions } from "../db/schema";
import { loadQuestionnaire } from "../queries/survey";
import { tokenRefusal } from "../queries/surveyToken";
import { checkSurveyAnswers } from "../rules/surveyAnswerRules";
import { guardSurveyOpen } from "../rules/surveyGuards";

/**
 * Records one respondent's answers through their link (docs/domain.md §3): the token is spent by the same transaction that
 * inserts the answers — `update … where token_hash = $1 and answered_at is null` — so of any number of concurrent
 * submissions with one token exactly one commits. The answers carry no reference to the respondent.
 */
export async function submitSurveyAnswers({
  db,
  tokenHash,
  questionnaireId,
  periodId,
  answers,
}: {
  db: Db;
  tokenHash: string;
  questionnaireId: string;
  periodId: string;
  answers: TSurveySubmit["answers"];
}) {
  const loaded = await loadQuestionnaire(db, questionnaireId);
  checkSurveyAnswers(loaded, answers, true);
  return db.transaction(async (tx) => {
    await guardSurveyOpen(tx, periodId);
    const r = surveyRespondents;
    const spent = await tx
      .update(r)
      .set({ answeredAt: sql`now()` })
      .where(and(eq(r.tokenHash, tokenHash), isNull(r.answeredAt), gt(r.tokenExpiresAt, sql`now()`)))
      .returning({ questionnaireId: r.questionnaireId });
    // Another submission with this token committed first (or the link expired meanwhile).
    if (spent.length !== 1) throw await tokenRefusal(tx, tokenHash);
    const [submission] = await tx
      .insert(surveySubmissions)
      .values({ questionnaireId, source: "link" })
      .returning({ id: surveySubmissions.id });
    await tx.insert(surveyAnswers).values(answers.map((a) => ({ submissionId: submission.id, ...a })));
    await appendAudit(tx, {
      actor: null,
      action: "survey.answered",
      entity: "survey_questionnaire",
      entityId: questionnaireId,
      newValue: { source: "link", answers: answers.length },
    });
  });
}
