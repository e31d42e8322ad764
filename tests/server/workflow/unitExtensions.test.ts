/**
 * GET /api/periods/:id/extensions (issue 14 point 5): each caller gets the extensions of the dossiers it reads — an
 * agency its own unit's only — and the window checks and progress rows use the same deadline (shared/src/deadlines.ts).
 */
import { startTestApp, type TestApp } from "../../support/testApp";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

type P = { id: string; kind: string; milestones: { key: string; deadline: string }[] };

it("gives each caller its readable dossiers' extensions, and the progress row the unit's deadline", async () => {
  const admin = await app.login("admin");
  const training = ((await admin.get("/api/periods")).body.data as P[]).find((p) => p.kind === "training")!;
  const dossiers = (await admin.get(`/api/periods/${training.id}/dossiers`)).body.data as {
    id: string;
    unit: { code: string };
  }[];
  const stc = dossiers.find((d) => d.unit.code === "stc")!.id;
  const self = training.milestones.find((m) => m.key === "self_assessment")!;
  const until = new Date(Date.parse(self.deadline) + 2 * 86_400_000).toISOString();
  const granted = await admin
    .post(`/api/dossiers/${stc}/extensions`)
    .send({ milestoneKey: "self_assessment", until, reason: "Gia hạn thử" });
  expect(granted.status).toBe(201);

  const row = { dossierId: stc, milestoneKey: "self_assessment", until };
  expect((await admin.get(`/api/periods/${training.id}/extensions`)).body.data).toEqual([row]);
  const own = await app.login("head.stc");
  expect((await own.get(`/api/periods/${training.id}/extensions`)).body.data).toEqual([row]);
  const other = await app.login("head.snv");
  expect((await other.get(`/api/periods/${training.id}/extensions`)).body.data).toEqual([]);

  const progress = (await admin.get(`/api/periods/${training.id}/progress`)).body.data as {
    dossierId: string;
    nextDeadline: { key: string; deadline: string } | null;
  }[];
  expect(progress.find((r) => r.dossierId === stc)!.nextDeadline).toEqual({
    key: "self_assessment",
    deadline: until,
  });
  // Another draft without an extension (Sở Nội vụ; the sample's other units stand at later steps) keeps the period's.
  const snv = dossiers.find((d) => d.unit.code === "snv")!.id;
  expect(progress.find((r) => r.dossierId === snv)!.nextDeadline).toEqual({
    key: "self_assessment",
    deadline: self.deadline,
  });
});
