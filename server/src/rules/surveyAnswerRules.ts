import type { TSurveySubmit } from "@ca/shared";
import { AppError } from "../http/errors";
import type { LoadedQuestionnaire } from "../queries/survey";

/**
 * Checks answers against the questionnaire: known units, questions and options, each (unit, question) once; a
 * link submission must answer every question about every rated unit ("don't know" is an answer), a paper form may
 * leave blanks.
 */
export function checkSurveyAnswers(
  { questionnaire, questions }: LoadedQuestionnaire,
  answers: TSurveySubmit["answers"],
  complete: boolean,
): void {
  const unitIds = new Set(questionnaire.unitIds);
  const questionIds = new Set(questions.map((q) => q.id));
  const options = new Set(questionnaire.options.map((o) => o.code));
  const seen = new Set<string>();
  const problems: { path: string; message: string }[] = [];
  answers.forEach((a, i) => {
    const key = `${a.unitId}/${a.questionId}`;
    if (!unitIds.has(a.unitId)) problems.push({ path: `answers.${i}.unitId`, message: "not a rated unit" });
    else if (!questionIds.has(a.questionId))
      problems.push({ path: `answers.${i}.questionId`, message: "not a question of this questionnaire" });
    else if (!options.has(a.option)) problems.push({ path: `answers.${i}.option`, message: "not an option" });
    else if (seen.has(key)) problems.push({ path: `answers.${i}`, message: "answered twice" });
    seen.add(key);
  });
  if (!problems.length && complete && seen.size !== unitIds.size * questionIds.size)
    problems.push({ path: "answers", message: "every question about every unit needs an answer" });
  if (problems.length)
    throw new AppError("validation_failed", problems.slice(0, 20), {
      vi: "Phiếu trả lời chưa hợp lệ hoặc chưa đầy đủ; chưa có gì được ghi nhận.",
      en: "The answers are invalid or incomplete; nothing was recorded.",
    });
}
