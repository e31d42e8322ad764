/**
 * The downloadable index-set template (issue 14 point 7): the file an official downloads to start from imports
 * cleanly as it is — downloaded, imported, no errors — and gives the tree its worked example describes.
 */
import type { TIndexSet } from "@ca/shared";
import { binary } from "../../../support/results";
import { startTestApp, type TestApp } from "../../../support/testApp";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

it("the template imports as it is downloaded, with no error", async () => {
  const admin = await app.login("admin");
  const types = (await admin.get("/api/unit-types")).body.data as { id: string }[];
  const template = await admin.get("/api/index-sets/template.xlsx").buffer(true).parse(binary);
  expect(template.status).toBe(200);
  const imported = await admin
    .post("/api/index-sets/import")
    .field("code", "bcs-mau")
    .field("name", "Bộ chỉ số từ tệp mẫu")
    .field("unitTypeId", types[0].id)
    .attach("file", template.body as Buffer, "bo-chi-so-mau.xlsx");
  expect([imported.status, imported.body.error?.details ?? imported.body.error]).toEqual([201, undefined]);
  const set = (await admin.get(`/api/index-sets/${imported.body.data.id}`)).body.data as TIndexSet;
  expect(set.totalPoints).toBe(100);
  // Every scoring kind the instructions explain is in the example.
  const kinds = new Set<string>();
  const walk = (i: TIndexSet["areas"][number]): void => (kinds.add(i.scoringKind), i.children.forEach(walk));
  [...set.areas, ...set.extras].forEach(walk);
  expect([...kinds].sort()).toEqual(["levels", "points", "quantity", "yesno"]);
});
