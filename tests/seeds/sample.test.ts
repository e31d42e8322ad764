import { centiToNumber } from "@ca/shared";
import { SAMPLE_INDEX_SETS, PROVINCIAL_AGENCIES, DISTRICT_COMMITTEES, DEMO_ACCOUNTS } from "@ca/seeds";
import { checkIndexTree, kindOfCode } from "@ca/shared";
import { startTestApp, type TestApp } from "../support/testApp";

describe("sample index sets", () => {
  it.each(Object.entries(SAMPLE_INDEX_SETS))(
    "%s totals exactly 100 and passes every structure rule",
    (_type, set) => {
      const areas = set.items.filter((i) => kindOfCode(i.code) === "area");
      expect(centiToNumber(areas.reduce((s, i) => s + i.max, 0))).toBe(100);
      expect(checkIndexTree(set.items.map((i, row) => ({ row, code: i.code, max: i.max })))).toEqual([]);
      // 25 survey points, never self-scored.
      const survey = set.items.filter((i) => i.method === "survey" && kindOfCode(i.code) === "area");
      expect(survey.map((i) => i.max)).toEqual([2500]);
    },
  );
  it("has 21 provincial agencies and 9 district committees", () => {
    expect(PROVINCIAL_AGENCIES).toHaveLength(21);
    expect(DISTRICT_COMMITTEES).toHaveLength(9);
  });
});

describe("loaded sample", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it("lets every demo account sign in", async () => {
    for (const a of DEMO_ACCOUNTS) {
      const agent = await app.login(a.username);
      expect((await agent.get("/api/me")).body.data.roles).toEqual(a.roles);
    }
  });

  it("serves both index sets as trees totalling 100, with heads and deputies on every unit", async () => {
    const admin = await app.login("admin");
    const sets = (await admin.get("/api/index-sets")).body.data;
    expect(sets.map((s: { totalPoints: number }) => s.totalPoints)).toEqual([100, 100]);
    const tree = (await admin.get(`/api/index-sets/${sets[0].id}`)).body.data;
    expect(tree.areas.length).toBeGreaterThanOrEqual(7);
    expect(tree.extras.map((e: { code: string }) => e.code)).toEqual(["B", "P"]);
    const units = (await admin.get("/api/units")).body.data;
    expect(units).toHaveLength(30);
    for (const u of units) {
      expect(u.leaders.filter((l: { position: string }) => l.position === "head")).toHaveLength(1);
      expect(
        u.leaders.filter((l: { position: string }) => l.position === "deputy").length,
      ).toBeGreaterThanOrEqual(1);
    }
  });
});
