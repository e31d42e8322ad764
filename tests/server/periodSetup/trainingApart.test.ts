/**
 * Training and real data stay apart (issue 14 point 6, docs/domain.md §2 "training period"): a training period's
 * results never reach the public page even when a publication to everyone exists for it; a meeting of the training
 * period cannot hold another period's dossier; a period cloned from the training one is official unless asked.
 */
import { eq } from "drizzle-orm";
import { resultPublications } from "@ca/server/src/db/schema";
import { startTestApp, type TestApp } from "../../support/testApp";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

type P = { id: string; code: string; kind: string };

describe("training apart from real data", () => {
  it("keeps a training period's published results off the public page", async () => {
    const admin = await app.login("admin");
    const periods = (await admin.get("/api/periods")).body.data as P[];
    const training = periods.find((p) => p.kind === "training")!;
    const p2023 = periods.find((p) => p.code === "2023")!;
    // A publication to everyone for the training period, as if its rehearsal had gone that far (written
    // directly: the public routes are what is under test).
    const db = app.ctx.database.db;
    const [real] = await db
      .select()
      .from(resultPublications)
      .where(eq(resultPublications.periodId, p2023.id));
    await db.insert(resultPublications).values({ ...real, periodId: training.id });

    const anonymous = app.anonymous();
    const listed = (await anonymous.get("/api/public/periods")).body.data as { id: string }[];
    expect(listed.map((p) => p.id)).toContain(p2023.id);
    expect(listed.map((p) => p.id)).not.toContain(training.id);
    expect((await anonymous.get(`/api/public/periods/${training.id}/results`)).status).toBe(404);
    expect((await anonymous.get(`/api/public/periods/${p2023.id}/results`)).status).toBe(200);
  });

  it("refuses another period's dossier on a training meeting's agenda", async () => {
    const chair = await app.login("chair");
    const periods = (await chair.get("/api/periods")).body.data as P[];
    const training = periods.find((p) => p.kind === "training")!;
    const p2023 = periods.find((p) => p.code === "2023")!;
    const real = (await chair.get(`/api/periods/${p2023.id}/dossiers`)).body.data[0].id as string;
    const res = await chair
      .post(`/api/periods/${training.id}/meetings`)
      .send({ title: "Phiên họp tập huấn", startsAt: new Date().toISOString(), agenda: [real] });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ path: "agenda.0", message: "not a dossier of this period" }]);
  });

  it("clones the training period into an official one unless a training one is asked for", async () => {
    const admin = await app.login("admin");
    const training = ((await admin.get("/api/periods")).body.data as P[]).find((p) => p.kind === "training")!;
    const official = await admin
      .post(`/api/periods/${training.id}/clone`)
      .send({ code: "that-that", name: "Kỳ thật" });
    expect(official.status).toBe(201);
    expect(official.body.data.kind).toBe("official");
    const practice = await admin
      .post(`/api/periods/${training.id}/clone`)
      .send({ code: "tap-huan-2", name: "Kỳ tập huấn 2", kind: "training" });
    expect(practice.status).toBe(201);
    expect(practice.body.data.kind).toBe("training");
  });
});
