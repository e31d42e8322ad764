import type { TestApp } from "./testApp";
import { PDF } from "./files";
import { answerFor } from "./kindAnswers";

type Agent = Awaited<ReturnType<TestApp["login"]>>;

/** The sample training period and the dossier of a unit in it, as seen by the admin. */
export async function trainingDossier(app: TestApp, unitCode: string) {
  const admin = await app.login("admin");
  const period = (await admin.get("/api/periods")).body.data.find(
    (p: { kind: string }) => p.kind === "training",
  );
  const dossiers = (await admin.get(`/api/periods/${period.id}/dossiers`)).body.data as {
    id: string;
    unit: { code: string };
  }[];
  return { admin, period, dossierId: dossiers.find((d) => d.unit.code === unitCode)!.id };
}

/**
 * Scores every self leaf with the given score (default: its maximum) and uploads evidence where required; a leaf of
 * another kind is answered by its kind with the level or figures nearest to that score (answerFor).
 */
export async function selfAssessAll(agent: Agent, dossierId: string, overrides: Record<string, number> = {}) {
  const detail = (await agent.get(`/api/dossiers/${dossierId}`)).body.data;
  for (const leaf of detail.leaves.filter((l: { method: string }) => l.method === "self")) {
    const res = await agent
      .put(`/api/dossiers/${dossierId}/items/${leaf.code}/self`)
      .send({ ...answerFor(leaf, overrides[leaf.code] ?? leaf.maxPoints), note: `Tự chấm ${leaf.code}` });
    if (res.status !== 200) throw new Error(`self ${leaf.code}: ${res.status} ${JSON.stringify(res.body)}`);
    if (leaf.evidenceRequired) {
      const up = await agent
        .post(`/api/dossiers/${dossierId}/items/${leaf.code}/evidence`)
        .attach("file", PDF, `minh-chung-${leaf.code}.pdf`);
      if (up.status !== 201)
        throw new Error(`evidence ${leaf.code}: ${up.status} ${JSON.stringify(up.body)}`);
    }
  }
}

/** Moves a milestone of a period so that its window is open now (what the admin does in a training period). */
export async function openWindow(admin: Agent, periodId: string, key: string) {
  const now = Date.now();
  const res = await admin.put(`/api/periods/${periodId}/milestones/${key}`).send({
    startsAt: new Date(now - 86_400_000).toISOString(),
    deadline: new Date(now + 7 * 86_400_000).toISOString(),
    reason: "Mở cửa sổ cho bài tập huấn",
  });
  if (res.status !== 200) throw new Error(`open ${key}: ${res.status} ${JSON.stringify(res.body)}`);
}

export const signedReport = (agent: Agent, path: string) =>
  agent.post(path).attach("signedReport", PDF, "bao-cao-ky.pdf");
