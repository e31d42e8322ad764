/**
 * Error answers an integrator can act on (docs/api.md, "Errors"): no such route is not no such record, and a
 * window not open yet says when it opens (`details.startsAt`), not that it closed — in Vietnamese and English.
 */
import { startTestApp, type TestApp } from "../../support/testApp";
import { trainingDossier } from "../../support/workflow";

type Agent = Awaited<ReturnType<TestApp["login"]>>;

let app: TestApp;
let admin: Agent;
let editor: Agent;
let periodId: string;
let dossierId: string;
beforeAll(async () => {
  app = await startTestApp();
  ({
    admin,
    dossierId,
    period: { id: periodId },
  } = await trainingDossier(app, "snv"));
  editor = await app.login("editor.snv");
});
afterAll(() => app.close());

const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";

describe("not found", () => {
  it("tells a route that does not exist (route_not_found) from a record that does not (not_found)", async () => {
    for (const [method, path] of [
      ["get", "/api/nope"],
      ["post", "/api/meetings/x/y/z"],
      ["get", `/api/periods/${periodId}/nothing-here`],
      ["delete", `/api/dossiers/${dossierId}`],
    ] as const) {
      const res = await admin[method](path).send({});
      expect({ path, status: res.status, code: res.body.error?.code }).toEqual({
        path,
        status: 404,
        code: "route_not_found",
      });
      expect(res.body.error.details).toEqual({ method: method.toUpperCase(), path });
    }
    const missing = await admin.get(`/api/dossiers/${UNKNOWN_ID}`);
    expect({ status: missing.status, code: missing.body.error.code }).toEqual({
      status: 404,
      code: "not_found",
    });
    const en = await admin.get("/api/nope").set("Accept-Language", "en");
    expect(en.body.error.message).toBe("There is no such API route.");
    expect((await admin.get("/api/nope")).body.error.message).toBe("Không có đường dẫn API này.");
  });
});

describe("windows", () => {
  const move = (startsAt: Date, deadline: Date) =>
    admin.put(`/api/periods/${periodId}/milestones/self_assessment`).send({
      startsAt: startsAt.toISOString(),
      deadline: deadline.toISOString(),
      reason: "Dời mốc để thử",
    });
  const save = () =>
    editor.put(`/api/dossiers/${dossierId}/items/1.1.1/self`).send({ level: "yes", note: "" });

  it("not open yet: window_not_open with when it opens; after the deadline: window_closed with the deadline", async () => {
    const day = 86_400_000;
    // Opens tomorrow (09:00 Vietnam time on a fixed date, so the message can be read exactly).
    const opens = new Date("2099-01-02T09:00:00+07:00");
    expect((await move(opens, new Date(opens.getTime() + 7 * day))).status).toBe(200);
    const early = await save();
    expect(early.status).toBe(409);
    expect(early.body.error).toEqual({
      code: "window_not_open",
      message: "Bước này chưa mở: mở lúc 02/01/2099 09:00 (giờ Việt Nam).",
      details: { milestone: "self_assessment", startsAt: opens.toISOString() },
    });
    const earlyEn = await save().set("Accept-Language", "en");
    expect(earlyEn.body.error.message).toBe(`This step is not open yet: it opens at ${opens.toISOString()}.`);

    const now = Date.now();
    const closes = new Date(now - day);
    expect((await move(new Date(now - 3 * day), closes)).status).toBe(200);
    const late = await save();
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe("window_closed");
    expect(late.body.error.details).toEqual({ milestone: "self_assessment", deadline: closes.toISOString() });

    expect((await move(new Date(now - day), new Date(now + 7 * day))).status).toBe(200);
    expect((await save()).status).toBe(200);
  });
});
