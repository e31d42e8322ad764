import { and, eq } from "drizzle-orm";
import type { TSurveyCreate } from "@ca/shared";
import { appendAudit } from "../audit/appendAudit";
import type { Db } from "../db/client";
import { surveyQuestionnaires, surveyQuestions, units } from "../db/schema";
import { AppError, conflict } from "../http/errors";
import { surveyLeavesOf } from "../queries/survey";

/**
 * Creates a questionnaire for one period, respondent group and unit type (docs/domain.md §3): every question must map to a
 * survey leaf of the index set the period applies to that unit type; rated units must be of that type.
 */
export async function createSurveyQuestionnaire({
  db,
  actor,
  periodId,
  input,
}: {
  db: Db;
  actor: { id: string; username: string };
  periodId: string;
  input: TSurveyCreate;
}) {
  return db.transaction(async (tx) => {
    const leaves = await surveyLeavesOf(tx, periodId, input.unitTypeId);
    const problems = input.questions
      .map((q, i) => ({ path: `questions.${i}.itemCode`, code: q.itemCode }))
      .filter((q) => !leaves.has(q.code))
      .map((q) => ({
        path: q.path,
        message: `${q.code} is not a survey leaf of this unit type's index set`,
      }));
    if (problems.length) throw new AppError("validation_failed", problems.slice(0, 20));
    const typeUnits = await tx
      .select({ id: units.id, active: units.active })
      .from(units)
      .where(eq(units.unitTypeId, input.unitTypeId));
    const ofType = new Set(typeUnits.map((u) => u.id));
    const unitIds = input.unitIds
      ? [...new Set(input.unitIds)]
      : typeUnits.filter((u) => u.active).map((u) => u.id);
    if (unitIds.some((u) => !ofType.has(u)))
      throw new AppError("validation_failed", [
        { path: "unitIds", message: "units must be of the unit type" },
      ]);
    if (!unitIds.length)
      throw new AppError("validation_failed", [{ path: "unitIds", message: "no unit to rate" }]);
    const [existing] = await tx
      .select({ id: surveyQuestionnaires.id })
      .from(surveyQuestionnaires)
      .where(
        and(
          eq(surveyQuestionnaires.periodId, periodId),
          eq(surveyQuestionnaires.unitTypeId, input.unitTypeId),
          eq(surveyQuestionnaires.respondentGroup, input.respondentGroup),
        ),
      );
    if (existing)
      throw conflict(
        { questionnaireId: existing.id },
        {
          vi: "Kỳ này đã có phiếu khảo sát cho nhóm đối tượng và loại đơn vị này.",
          en: "This period already has a questionnaire for this respondent group and unit type.",
        },
      );
    const [q] = await tx
      .insert(surveyQuestionnaires)
      .values({
        periodId,
        unitTypeId: input.unitTypeId,
        respondentGroup: input.respondentGroup,
        title: input.title,
        intro: input.intro,
        options: input.options.map((o) => ({ ...o, labelEn: o.labelEn ?? "" })),
        unitIds,
      })
      .returning();
    await tx.insert(surveyQuestions).values(
      input.questions.map((x, i) => ({
        questionnaireId: q.id,
        itemCode: x.itemCode,
        text: x.text,
        textEn: x.textEn ?? "",
        sortOrder: i + 1,
      })),
    );
    await appendAudit(tx, {
      actor,
      action: "survey.questionnaire_created",
      entity: "survey_questionnaire",
      entityId: q.id,
      newValue: {
        periodId,
        group: input.respondentGroup,
        questions: input.questions.length,
        units: unitIds.length,
      },
    });
    return q;
  });
}
