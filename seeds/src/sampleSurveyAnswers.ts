import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import {
  type Db,
  type DbOrTx,
  type DomainEvent,
  t,
  lockSurveyResults,
  newSurveyToken,
} from "@ca/server/src/seedApi";
import { vnTime } from "./data/periods";
import { random, unitQuality, WEAK_AREAS } from "./sampleHistory";

/**
 * The 2023 survey as history (docs/domain.md §3 "Survey points", §7 "Sample data"): the respondents of every questionnaire
 * answered through their link (a few on a numbered paper form instead, one or two not at all), anonymously, and the
 * admin locked the results before round 2, so the survey points count in the agreed, frozen and published ranking.
 * Answers are pseudo-random but deterministic and follow each unit's strength in the history's scores: strong
 * units get more A's, the weak ones (Sở Công Thương, Huyện Đồng Xuân) more C's and D's. Delegates know little of a
 * couple of units and mostly answer "don't know" about them, so those fall below the period's minimum (flagged).
 */

/** Units most delegates cannot rate (answer "don't know"): below the minimum of responses, flagged. */
const LITTLE_KNOWN: Record<string, string[]> = { delegates: ["bqlnnc", "h-songhinh"], non_state: [] };
/** Of each group's respondents: how many answered on paper instead of the link, and how many did not answer. */
const PAPER = { delegates: 2, non_state: 3 } as const;
const SILENT = { delegates: 1, non_state: 2 } as const;

/** One answer for a unit of the given strength: mostly A/B, more A's for strong units, C/D/"don't know" now and then. */
function answerOf(strength: number, weak: boolean, draw: number): string {
  const x = 0.04;
  const d = 0.02 + (weak ? 0.08 : 0);
  const c = 0.1 - 0.07 * strength + (weak ? 0.2 : 0);
  const a = Math.max(0.05, 0.3 + 0.55 * strength);
  if (draw < x) return "X";
  if (draw < x + d) return "D";
  if (draw < x + d + c) return "C";
  if (draw < x + d + c + a) return "A";
  return "B";
}

/** The answers of the 2023 period's respondents, then the lock through the real command (same points, same code). */
export async function loadSampleSurveyAnswers(
  tx: DbOrTx,
  o: { periodId: string; admin: { id: string; username: string } },
): Promise<DomainEvent[]> {
  const questionnaires = await tx
    .select()
    .from(t.surveyQuestionnaires)
    .where(eq(t.surveyQuestionnaires.periodId, o.periodId));
  questionnaires.sort((a, b) => a.title.localeCompare(b.title));
  const unitRows = await tx.select({ id: t.units.id, code: t.units.code }).from(t.units);
  const codeOf = new Map(unitRows.map((u) => [u.id, u.code]));
  const questionnaireIds = questionnaires.map((q) => q.id);
  const questions = await tx
    .select()
    .from(t.surveyQuestions)
    .where(inArray(t.surveyQuestions.questionnaireId, questionnaireIds));
  const respondents = await tx
    .select({
      id: t.surveyRespondents.id,
      questionnaireId: t.surveyRespondents.questionnaireId,
      fullName: t.surveyRespondents.fullName,
      organisation: t.surveyRespondents.organisation,
    })
    .from(t.surveyRespondents)
    .where(inArray(t.surveyRespondents.questionnaireId, questionnaireIds));

  const [survey] = await tx
    .select({ deadline: t.milestones.deadline })
    .from(t.milestones)
    .where(and(eq(t.milestones.periodId, o.periodId), eq(t.milestones.key, "survey")));
  const tracking: { id: string; hash: string; sent: Date; opened: Date | null; answered: Date | null }[] = [];
  const submissions: (typeof t.surveySubmissions.$inferInsert & { id: string })[] = [];
  const answerRows: (typeof t.surveyAnswers.$inferInsert)[] = [];
  for (const q of questionnaires) {
    const group = q.respondentGroup;
    const rng = random(`survey:2023:${q.title}`);
    const own = questions.filter((x) => x.questionnaireId === q.id).sort((a, b) => a.sortOrder - b.sortOrder);
    // In the order of who they are, not of their generated ids: every load writes the same sample (the start
    // snapshot equals the replay, tests/seeds/sampleSnapshot.test.ts).
    const people = respondents
      .filter((r) => r.questionnaireId === q.id)
      .sort((a, b) => a.organisation.localeCompare(b.organisation) || a.fullName.localeCompare(b.fullName));
    // Links went out with the survey's start; the last ones listed answered on paper or not at all.
    const byLink = people.length - PAPER[group] - SILENT[group];
    people.forEach((r, i) => {
      const answered =
        i < byLink ? vnTime(2023, 11, 2 + Math.floor(rng() * 40), 8 + Math.floor(rng() * 10)) : null;
      tracking.push({
        id: r.id,
        hash: newSurveyToken().hash,
        sent: vnTime(2023, 11, 1, 8),
        opened: answered ?? (i === people.length - 1 ? null : vnTime(2023, 11, 6, 9)),
        answered,
      });
    });
    for (let s = 0; s < byLink + PAPER[group]; s++) {
      // A random submission id, without respondent and timestamp, as the real submissions (anonymity).
      const submissionId = randomUUID();
      submissions.push(
        s < byLink
          ? { id: submissionId, questionnaireId: q.id, source: "link" }
          : { id: submissionId, questionnaireId: q.id, source: "paper", formNumber: s - byLink + 1 },
      );
      for (const unitId of q.unitIds) {
        const code = codeOf.get(unitId)!;
        const unknown = LITTLE_KNOWN[group].includes(code) && s % 2 === 0;
        const weak = code in WEAK_AREAS;
        const strength = weak ? -0.35 : (unitQuality(code) - 0.74) / 0.25;
        for (const question of own)
          answerRows.push({
            submissionId,
            unitId,
            questionId: question.id,
            option: unknown ? "X" : answerOf(strength, weak, rng()),
          });
      }
    }
  }

  // Link tracking in one statement: sent, opened, answered (the token spent), each with a random token's hash.
  if (tracking.length)
    await tx.execute(sql`
      update ${t.surveyRespondents} as r
      set token_hash = v.hash, token_expires_at = ${survey.deadline.toISOString()}::timestamptz,
          sent_at = v.sent, opened_at = v.opened, answered_at = v.answered
      from (values ${sql.join(
        tracking.map(
          (x) =>
            sql`(${x.id}::uuid, ${x.hash}, ${x.sent.toISOString()}::timestamptz, ${x.opened?.toISOString() ?? null}::timestamptz, ${x.answered?.toISOString() ?? null}::timestamptz)`,
        ),
        sql`, `,
      )}) as v(id, hash, sent, opened, answered)
      where r.id = v.id`);
  if (submissions.length) await tx.insert(t.surveySubmissions).values(submissions);
  // One statement over four arrays: ~6,000 rows without 24,000 bound parameters (the sample loads at every test).
  const column = (k: keyof (typeof answerRows)[number]) => `{${answerRows.map((a) => a[k]).join(",")}}`;
  if (answerRows.length)
    await tx.execute(sql`
      insert into ${t.surveyAnswers} (submission_id, unit_id, question_id, option)
      select * from unnest(${column("submissionId")}::uuid[], ${column("unitId")}::uuid[],
                           ${column("questionId")}::uuid[], ${column("option")}::text[])`);

  // The lock as the admin did it, through the command itself (a savepoint inside the sample's transaction).
  const { events } = await lockSurveyResults({
    db: tx as unknown as Db,
    actor: o.admin,
    periodId: o.periodId,
    reason: "Kết thúc điều tra xã hội học năm 2023; khóa kết quả trước thẩm định lần 2.",
  });
  const lockedAt = vnTime(2023, 12, 21, 9);
  await tx.update(t.surveyLocks).set({ lockedAt }).where(eq(t.surveyLocks.periodId, o.periodId));
  await tx
    .update(t.scores)
    .set({ updatedAt: lockedAt })
    .where(
      and(
        eq(t.scores.stage, "survey"),
        inArray(
          t.scores.dossierId,
          tx.select({ id: t.dossiers.id }).from(t.dossiers).where(eq(t.dossiers.periodId, o.periodId)),
        ),
      ),
    );
  // What the command says happened, for the caller to dispatch once the sample is committed.
  return events;
}
