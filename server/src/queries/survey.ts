import { and, asc, count, eq, inArray } from "drizzle-orm";
import {
  centiToNumber,
  surveyLeafPoints,
  type SurveyLeafResult,
  type SurveyResource,
  type TSurveyResults,
} from "@ca/shared";
import type { DbOrTx } from "../db/client";
import * as t from "../db/schema";
import { notFound } from "../http/errors";
import { loadPeriod, type PeriodRules } from "./periods";

/** The policy resource of a period's survey: the period's status and whether its results are locked. */
function surveyResourceOf(period: typeof t.periods.$inferSelect, lock: unknown): SurveyResource {
  return { type: "survey", periodId: period.id, periodStatus: period.status, locked: Boolean(lock) };
}

/**
 * The period and the policy resource of its survey (locked or not), or 404: one statement, as every survey route
 * reads it before it authorizes or validates anything (a refused or malformed request costs this read only).
 */
export async function loadSurveyResource(db: DbOrTx, periodId: string) {
  const [row] = await db
    .select({ period: t.periods, lock: t.surveyLocks })
    .from(t.periods)
    .leftJoin(t.surveyLocks, eq(t.surveyLocks.periodId, t.periods.id))
    .where(eq(t.periods.id, periodId))
    .limit(1);
  if (!row) throw notFound();
  return { period: row.period, lock: row.lock, resource: surveyResourceOf(row.period, row.lock) };
}

/**
 * A questionnaire's own row with its period and the policy resource of the period's survey, or 404: what a route
 * needs to authorize, in one statement; the questions and units follow (loadQuestionnaire) where they are used.
 */
export async function loadQuestionnaireAccess(db: DbOrTx, questionnaireId: string) {
  const [row] = await db
    .select({ questionnaire: t.surveyQuestionnaires, period: t.periods, lock: t.surveyLocks })
    .from(t.surveyQuestionnaires)
    .innerJoin(t.periods, eq(t.periods.id, t.surveyQuestionnaires.periodId))
    .leftJoin(t.surveyLocks, eq(t.surveyLocks.periodId, t.periods.id))
    .where(eq(t.surveyQuestionnaires.id, questionnaireId))
    .limit(1);
  if (!row) throw notFound();
  return {
    questionnaire: row.questionnaire,
    period: row.period,
    resource: surveyResourceOf(row.period, row.lock),
  };
}

/** One questionnaire with its questions and rated units, or 404. */
export async function loadQuestionnaire(db: DbOrTx, id: string) {
  const [q] = await db.select().from(t.surveyQuestionnaires).where(eq(t.surveyQuestionnaires.id, id));
  if (!q) throw notFound();
  // One after another: `db` may be a transaction, whose one connection runs one query at a time.
  const questions = await db
    .select()
    .from(t.surveyQuestions)
    .where(eq(t.surveyQuestions.questionnaireId, id))
    .orderBy(asc(t.surveyQuestions.sortOrder));
  const unitRows = q.unitIds.length
    ? await db.select().from(t.units).where(inArray(t.units.id, q.unitIds))
    : [];
  const [type] = await db.select().from(t.unitTypes).where(eq(t.unitTypes.id, q.unitTypeId));
  const order = new Map(q.unitIds.map((u, i) => [u, i]));
  const units = unitRows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  return { questionnaire: q, questions, units, unitTypeName: type?.name ?? "" };
}

export type LoadedQuestionnaire = Awaited<ReturnType<typeof loadQuestionnaire>>;

/** Tracking counts of a questionnaire's respondents and its paper forms (no answer is ever joined to a person). */
export async function respondentCounts(db: DbOrTx, questionnaireId: string) {
  const r = t.surveyRespondents;
  // Two queries, one after the other (`db` may be a transaction): the respondents' counts in one pass.
  const [counts] = await db
    .select({
      total: count(),
      sent: count(r.sentAt),
      opened: count(r.openedAt),
      answered: count(r.answeredAt),
    })
    .from(r)
    .where(eq(r.questionnaireId, questionnaireId));
  const [paper] = await db
    .select({ n: count() })
    .from(t.surveySubmissions)
    .where(
      and(eq(t.surveySubmissions.questionnaireId, questionnaireId), eq(t.surveySubmissions.source, "paper")),
    );
  return { ...counts, paperForms: paper.n };
}

/** One unit's result in one questionnaire, with points per survey leaf in hundredths (what the lock writes). */
export interface UnitSurveyResult {
  unitId: string;
  unitName: string;
  /** Submissions that answered at least one question about the unit. */
  responses: number;
  leaves: (SurveyLeafResult & { code: string; itemId: string; maxPoints: number })[];
}

/**
 * Every questionnaire of the period with its response rates and, per rated unit and survey leaf, the points of
 * docs/domain.md §3 (see surveyLeafPoints). Reads answers grouped by (unit, question, option): counts only, no submission
 * and no person leaves this function.
 */
export async function computeSurveyResults(db: DbOrTx, periodId: string) {
  const rules = (await loadPeriod(db, periodId)).period.rules as PeriodRules;
  const minResponses = rules.survey?.minResponses ?? 0;
  const questionnaires = await db
    .select()
    .from(t.surveyQuestionnaires)
    .where(eq(t.surveyQuestionnaires.periodId, periodId))
    .orderBy(asc(t.surveyQuestionnaires.createdAt));
  const out = [];
  for (const q of questionnaires) {
    const loaded = await loadQuestionnaire(db, q.id);
    const leaves = await surveyLeavesOf(db, periodId, q.unitTypeId);
    const counts = await respondentCounts(db, q.id);
    const tallies = await db
      .select({
        unitId: t.surveyAnswers.unitId,
        questionId: t.surveyAnswers.questionId,
        option: t.surveyAnswers.option,
        n: count(),
      })
      .from(t.surveyAnswers)
      .innerJoin(t.surveySubmissions, eq(t.surveySubmissions.id, t.surveyAnswers.submissionId))
      .where(eq(t.surveySubmissions.questionnaireId, q.id))
      .groupBy(t.surveyAnswers.unitId, t.surveyAnswers.questionId, t.surveyAnswers.option);
    const perUnit = await db
      .selectDistinct({ unitId: t.surveyAnswers.unitId, submissionId: t.surveyAnswers.submissionId })
      .from(t.surveyAnswers)
      .innerJoin(t.surveySubmissions, eq(t.surveySubmissions.id, t.surveyAnswers.submissionId))
      .where(eq(t.surveySubmissions.questionnaireId, q.id));
    const codeOfQuestion = new Map(loaded.questions.map((x) => [x.id, x.itemCode]));
    const answered = counts.answered + counts.paperForms;
    const units: UnitSurveyResult[] = loaded.units.map((u) => {
      const responses = perUnit.filter((p) => p.unitId === u.id).length;
      const leafCodes = [...new Set(loaded.questions.map((x) => x.itemCode))];
      return {
        unitId: u.id,
        unitName: u.name,
        responses,
        leaves: leafCodes
          .map((code) => leaves.get(code))
          .filter((leaf) => leaf !== undefined)
          .map((leaf) => {
            const answers: string[] = [];
            for (const tally of tallies)
              if (tally.unitId === u.id && codeOfQuestion.get(tally.questionId) === leaf.code)
                for (let i = 0; i < tally.n; i++) answers.push(tally.option);
            const known = answers.filter((a) => q.options.some((o) => o.code === a));
            return {
              code: leaf.code,
              itemId: leaf.id,
              maxPoints: leaf.maxPoints,
              ...surveyLeafPoints(leaf.maxPoints, q.options, known, minResponses),
            };
          }),
      };
    });
    out.push({ questionnaire: q, unitTypeName: loaded.unitTypeName, counts, answered, units });
  }
  return { minResponses, questionnaires: out };
}

/** The survey leaves (method "survey", no children) of the index set the period applies to a unit type. */
export async function surveyLeavesOf(db: DbOrTx, periodId: string, unitTypeId: string) {
  const [link] = await db
    .select()
    .from(t.periodIndexSets)
    .where(and(eq(t.periodIndexSets.periodId, periodId), eq(t.periodIndexSets.unitTypeId, unitTypeId)));
  if (!link) return new Map<string, typeof t.indexItems.$inferSelect>();
  const items = await db.select().from(t.indexItems).where(eq(t.indexItems.indexSetId, link.indexSetId));
  const parents = new Set(items.map((i) => i.parentId).filter(Boolean));
  return new Map(items.filter((i) => i.method === "survey" && !parents.has(i.id)).map((i) => [i.code, i]));
}

const percent = (n: number, of: number) => (of > 0 ? Math.floor((n * 100) / of) : null);

/** The results as the API carries them (points as decimals). */
export function presentSurveyResults(
  periodId: string,
  results: Awaited<ReturnType<typeof computeSurveyResults>>,
  lock: { lockedAt: Date; lockedBy: string } | null,
  lockedByName: string | null,
): TSurveyResults {
  return {
    periodId,
    minResponses: results.minResponses,
    locked: lock ? { at: lock.lockedAt.toISOString(), by: lockedByName ?? "" } : null,
    questionnaires: results.questionnaires.map((r) => ({
      id: r.questionnaire.id,
      title: r.questionnaire.title,
      respondentGroup: r.questionnaire.respondentGroup,
      unitTypeName: r.unitTypeName,
      respondents: r.counts.total,
      answeredByLink: r.counts.answered,
      paperForms: r.counts.paperForms,
      rate: percent(r.answered, r.counts.total),
      units: r.units.map((u) => ({
        unitId: u.unitId,
        unitName: u.unitName,
        responses: u.responses,
        rate: percent(u.responses, r.counts.total),
        flagged: u.responses < results.minResponses || u.leaves.some((l) => l.flag !== null),
        points: centiToNumber(u.leaves.reduce((sum, l) => sum + l.points, 0)),
        leaves: u.leaves.map((l) => ({
          code: l.code,
          maxPoints: centiToNumber(l.maxPoints),
          points: centiToNumber(l.points),
          valid: l.valid,
          dontKnow: l.dontKnow,
          counts: l.counts,
          flag: l.flag,
        })),
      })),
    })),
  };
}
