import type { TSurveyPaperForm } from "@ca/shared";
import { appendAudit } from "../audit/appendAudit";
import type { Db } from "../db/client";
import { surveyAnswers, surveySubmissions } from "../db/schema";
import { conflict } from "../http/errors";
import { loadQuestionnaire } from "../queries/survey";
import { checkSurveyAnswers } from "../rules/surveyAnswerRules";
import { guardSurveyOpen } from "../rules/surveyGuards";

/** Staff type in one numbered paper form; a number already entered for the questionnaire is refused. */
export async function enterSurveyPaperForm({
  db,
  actor,
  questionnaireId,
  form,
}: {
  db: Db;
  actor: { id: string; username: string };
  questionnaireId: string;
  form: TSurveyPaperForm;
}) {
  const loaded = await loadQuestionnaire(db, questionnaireId);
  checkSurveyAnswers(loaded, form.answers, false);
  return db.transaction(async (tx) => {
    await guardSurveyOpen(tx, loaded.questionnaire.periodId);
    // The unique index on (questionnaire, form number) settles two clerks typing the same form at once.
    const [submission] = await tx
      .insert(surveySubmissions)
      .values({ questionnaireId, source: "paper", formNumber: form.formNumber })
      .onConflictDoNothing()
      .returning({ id: surveySubmissions.id });
    if (!submission)
      throw conflict(
        { reason: "duplicate_form", formNumber: form.formNumber },
        {
          vi: `Phiếu số ${form.formNumber} đã được nhập trước đó; không nhập lại.`,
          en: `Form ${form.formNumber} was already entered; it is not entered twice.`,
        },
      );
    await tx.insert(surveyAnswers).values(form.answers.map((a) => ({ submissionId: submission.id, ...a })));
    await appendAudit(tx, {
      actor,
      action: "survey.paper_form_entered",
      entity: "survey_questionnaire",
      entityId: questionnaireId,
      newValue: { formNumber: form.formNumber, answers: form.answers.length },
    });
    return { formNumber: form.formNumber };
  });
}
