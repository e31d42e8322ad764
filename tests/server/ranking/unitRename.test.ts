/**
 * A unit renamed by the admin is renamed on the live dashboards at once: the cached ranking reads that unit's
 * dossiers again and the period's dashboards get a `ranking:update` carrying the new name (ranking/rankingBase.ts;
 * before, the cached base kept the old name until it expired, up to BASE_MS later).
 */
import { liveRankingRows, noLiveProposals } from "@ca/server/src/ranking/ranking";
import { startTestApp, type TestApp } from "../../support/testApp";
import { liveClient, type LiveClient } from "../../support/sockets";
import { trainingDossier } from "../../support/workflow";

let app: TestApp;
let dashboard: LiveClient | undefined;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  dashboard?.close();
  await app.close();
});

type Row = { dossierId: string; unit: { id: string; name: string } };

it("a renamed unit carries its new name in the live ranking and in the next push to the dashboards", async () => {
  const { admin, period, dossierId } = await trainingDossier(app, "stc");
  const { db } = app.ctx.database;
  const before = (await liveRankingRows(db, noLiveProposals, period.id)) as Row[];
  const row = before.find((r) => r.dossierId === dossierId)!;
  dashboard = await liveClient(app, await app.login("leader"));
  expect(await dashboard.join(`period:${period.id}`)).toEqual({ ok: true });

  const name = "Sở Tài chính (tên mới)";
  const res = await admin.patch(`/api/units/${row.unit.id}`).send({ name });
  expect(res.status).toBe(200);

  const pushed = await dashboard.waitFor("ranking:update", (p) =>
    ((p.rows ?? []) as Row[]).some((r) => r.unit.id === row.unit.id && r.unit.name === name),
  );
  expect(pushed.payload.periodId).toBe(period.id);
  const after = (await liveRankingRows(db, noLiveProposals, period.id)) as Row[];
  expect(after.find((r) => r.dossierId === dossierId)!.unit.name).toBe(name);
  // The other units' rows are what they were.
  expect(after.filter((r) => r.dossierId !== dossierId)).toEqual(
    before.filter((r) => r.dossierId !== dossierId),
  );
});
