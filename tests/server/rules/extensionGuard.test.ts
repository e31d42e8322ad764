/**
 * Issue 14 point 3: an extension is refused with a clear message once a dossier's result is published or agreed
 * (the sample's 2023 period), and for a step the dossier has already left; nothing is written then. An extension of
 * the step a dossier is in is still granted.
 */
import { count, eq } from "drizzle-orm";
import { dossiers, extensions } from "@ca/server/src/db/schema";
import { startTestApp, type TestApp } from "../../support/testApp";
import { selfAssessAll, signedReport, trainingDossier } from "../../support/workflow";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const extensionCount = async () => (await app.ctx.database.db.select({ n: count() }).from(extensions))[0]!.n;
const versionOf = async (id: string) =>
  (await app.ctx.database.db.select().from(dossiers).where(eq(dossiers.id, id)))[0]!.version;
const request = { until: "2099-01-01T00:00:00+07:00", reason: "Đơn vị gặp sự cố mạng" };

describe("extensions only where they can still change something", () => {
  it("refuses every extension on the published 2023 period, in Vietnamese, writing nothing", async () => {
    const admin = await app.login("admin");
    const p2023 = (await admin.get("/api/periods")).body.data.find(
      (p: { code: string }) => p.code === "2023",
    );
    const dossier = (await admin.get(`/api/periods/${p2023.id}/dossiers`)).body.data[0];
    expect(dossier.status).toBe("published");
    const [extBefore, versionBefore] = [await extensionCount(), await versionOf(dossier.id)];
    for (const milestoneKey of ["self_assessment", "round2", "meeting"]) {
      const res = await admin
        .post(`/api/dossiers/${dossier.id}/extensions`)
        .send({ milestoneKey, ...request });
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe("conflict");
      expect(res.body.error.message).toBe(
        "Kết quả của hồ sơ này đã được công bố: không thể gia hạn thêm bước nào.",
      );
    }
    const english = await admin
      .post(`/api/dossiers/${dossier.id}/extensions`)
      .set("Accept-Language", "en")
      .send({ milestoneKey: "round1", ...request });
    expect(english.body.error.message).toBe(
      "This dossier's result is published: no step can be extended any more.",
    );
    expect(await extensionCount()).toBe(extBefore);
    expect(await versionOf(dossier.id)).toBe(versionBefore);
  });

  it("refuses a step the dossier has left and grants the step it is in", async () => {
    const { admin, dossierId } = await trainingDossier(app, "snv");
    const editor = await app.login("editor.snv");
    await selfAssessAll(editor, dossierId);
    const head = await app.login("head.snv");
    expect((await signedReport(head, `/api/dossiers/${dossierId}/submit`)).status).toBe(200);
    const left = await admin
      .post(`/api/dossiers/${dossierId}/extensions`)
      .send({ milestoneKey: "self_assessment", ...request });
    expect(left.status).toBe(409);
    expect(left.body.error.message).toBe("Hồ sơ đã qua bước này: gia hạn không còn tác dụng.");
    const current = await admin
      .post(`/api/dossiers/${dossierId}/extensions`)
      .send({ milestoneKey: "round1", ...request });
    expect(current.status).toBe(201);
  });
});
