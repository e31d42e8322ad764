/**
 * One unit on the wire (docs/api.md): points are decimals with at most two decimals, and every index — a unit's, an
 * area's, a band's threshold, a rule's threshold — is a percentage with two decimals, never hundredths.
 */
import { startTestApp, type TestApp } from "../../support/testApp";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

it("band thresholds and rule thresholds travel as percentages, like the indices they are compared with", async () => {
  const admin = await app.login("admin");
  const period = (await admin.get("/api/periods")).body.data.find((p: { code: string }) => p.code === "2023");
  const bands = (await admin.get(`/api/periods/${period.id}`)).body.data.classificationBands as {
    code: string;
    minIndex: number;
  }[];
  expect(bands.map((b) => [b.code, b.minIndex])).toEqual([
    ["xuat_sac", 90],
    ["tot", 80],
    ["kha", 70],
    ["trung_binh", 50],
    ["yeu", 0],
  ]);
  // A ranked unit's index reaches its band's threshold, read in the same unit.
  const ranking = (await admin.get(`/api/periods/${period.id}/ranking`)).body.data as {
    index: number;
    why: { bandByIndex: string };
  }[];
  for (const r of ranking)
    expect(r.index).toBeGreaterThanOrEqual(bands.find((b) => b.code === r.why.bandByIndex)!.minIndex);

  const url = `/api/periods/${period.id}/rules/responsibility`;
  const rules = {
    deputyAreaWeight: 70,
    unitWeight: 30,
    headCappedByUnit: true,
    deputyCap: { areaIndexBelow: 62.5, band: "yeu" },
  };
  const saved = await admin.put(url).send(rules);
  expect(saved.status).toBe(200);
  expect(saved.body.data).toEqual(rules);
  const report = (await admin.get(`/api/periods/${period.id}/responsibility`)).body;
  expect(report.rules.deputyCap).toEqual({ areaIndexBelow: 62.5, band: "yeu" });
  // The threshold works as a percentage: deputies whose areas are below 62,5 % are capped at Yếu.
  const deputies = report.data.flatMap(
    (u: { leaders: { position: string; areaIndex: number | null; classification: string | null }[] }) =>
      u.leaders.filter((l) => l.position === "deputy" && l.areaIndex !== null),
  );
  const below = deputies.filter((l: { areaIndex: number }) => l.areaIndex < 62.5);
  expect(below.length).toBeGreaterThan(0);
  expect(below.every((l: { classification: string }) => l.classification === "yeu")).toBe(true);
  expect(
    (await admin.put(url).send({ ...rules, deputyCap: { areaIndexBelow: 6250, band: "yeu" } })).status,
  ).toBe(400);
});
