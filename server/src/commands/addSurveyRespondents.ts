import { appendAudit } from "../audit/appendAudit";
import type { Db } from "../db/client";
import { surveyRespondents } from "../db/schema";

export interface RespondentInput {
  fullName: string;
  organisation: string;
  email: string | null;
}

/** Adds respondents to a questionnaire's list (typed in, or imported from a spreadsheet), audited as a count. */
export async function addSurveyRespondents({
  db,
  actor,
  questionnaireId,
  respondents,
}: {
  db: Db;
  actor: { id: string; username: string };
  questionnaireId: string;
  respondents: RespondentInput[];
}) {
  return db.transaction(async (tx) => {
    const rows = await tx
      .insert(surveyRespondents)
      .values(respondents.map((r) => ({ questionnaireId, ...r })))
      .returning();
    // Personal data stays out of the append-only log: only how many were added.
    await appendAudit(tx, {
      actor,
      action: "survey.respondents_added",
      entity: "survey_questionnaire",
      entityId: questionnaireId,
      newValue: { count: rows.length },
    });
    return rows;
  });
}
