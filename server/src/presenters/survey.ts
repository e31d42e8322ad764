import type { TSurveyPublic, TSurveyRespondent, TSurveySummary } from "@ca/shared";
import type * as t from "../db/schema";
import type { LoadedQuestionnaire, respondentCounts } from "../queries/survey";

/** A questionnaire for the admin pages: questions, options, rated units and link tracking counts. */
export function presentSurvey(
  { questionnaire: q, questions, units, unitTypeName }: LoadedQuestionnaire,
  counts: Awaited<ReturnType<typeof respondentCounts>>,
): TSurveySummary {
  return {
    id: q.id,
    periodId: q.periodId,
    unitTypeId: q.unitTypeId,
    unitTypeName,
    respondentGroup: q.respondentGroup,
    title: q.title,
    intro: q.intro,
    options: q.options,
    questions: questions.map((x) => ({ id: x.id, itemCode: x.itemCode, text: x.text, textEn: x.textEn })),
    units: units.map((u) => ({ id: u.id, name: u.name })),
    respondents: { total: counts.total, sent: counts.sent, opened: counts.opened, answered: counts.answered },
    paperForms: counts.paperForms,
  };
}

/** A respondent and the tracking of their link (sent, opened, answered) — never what they answered. */
export function presentRespondent(r: typeof t.surveyRespondents.$inferSelect): TSurveyRespondent {
  return {
    id: r.id,
    fullName: r.fullName,
    organisation: r.organisation,
    email: r.email,
    sentAt: r.sentAt?.toISOString() ?? null,
    openedAt: r.openedAt?.toISOString() ?? null,
    answeredAt: r.answeredAt?.toISOString() ?? null,
  };
}

/** What the respondent's page shows: the questionnaire, without anything about other respondents. */
export function presentPublicSurvey(
  { questionnaire: q, questions, units }: LoadedQuestionnaire,
  periodName: string,
  closesAt: Date | null,
): TSurveyPublic {
  return {
    title: q.title,
    intro: q.intro,
    respondentGroup: q.respondentGroup,
    periodName,
    options: q.options.map((o) => ({
      code: o.code,
      label: o.label,
      labelEn: o.labelEn ?? "",
      dontKnow: o.weight === null,
    })),
    questions: questions.map((x) => ({ id: x.id, text: x.text, textEn: x.textEn ?? "" })),
    units: units.map((u) => ({ id: u.id, name: u.name })),
    closesAt: closesAt?.toISOString() ?? null,
  };
}
