import type { TestApp } from "./testApp";

type Agent = Awaited<ReturnType<TestApp["login"]>>;

export interface PublicSurvey {
  questions: { id: string; text: string; textEn: string }[];
  units: { id: string; name: string }[];
  options: { code: string; label: string; labelEn: string; dontKnow: boolean }[];
}

/** The training period and one of its sample questionnaires, as the admin sees them. */
export async function trainingSurvey(
  admin: Agent,
  group: "delegates" | "non_state" = "delegates",
  unitTypeName = "Cơ quan cấp tỉnh",
) {
  const period = (await admin.get("/api/periods")).body.data.find(
    (p: { kind: string }) => p.kind === "training",
  );
  const surveys = (await admin.get(`/api/periods/${period.id}/surveys`)).body.data as {
    id: string;
    respondentGroup: string;
    unitTypeName: string;
    questions: { id: string; itemCode: string; textEn: string }[];
    units: { id: string; name: string }[];
  }[];
  const survey = surveys.find((s) => s.respondentGroup === group && s.unitTypeName === unitTypeName);
  if (!survey)
    throw new Error(`no ${group} survey for ${unitTypeName}: ${surveys.map((s) => s.unitTypeName)}`);
  return { period, survey, surveys };
}

/** Issues links to every respondent who has not answered; returns the tokens (the last path segment). */
export async function issueLinks(admin: Agent, surveyId: string, respondentIds?: string[]) {
  const res = await admin.post(`/api/surveys/${surveyId}/links`).send(respondentIds ? { respondentIds } : {});
  if (res.status !== 200) throw new Error(`links: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body.data as { respondentId: string; url: string }[]).map((l) => ({
    ...l,
    token: l.url.split("/").pop()!,
  }));
}

/** A complete answer set: `pick(unitId, questionIndex)` chooses the option of each question about each unit. */
export function answersFor(
  s: PublicSurvey | { questions: { id: string }[]; units: { id: string }[] },
  pick: (unitId: string, q: number) => string,
) {
  return s.units.flatMap((u) =>
    s.questions.map((q, i) => ({ unitId: u.id, questionId: q.id, option: pick(u.id, i) })),
  );
}
