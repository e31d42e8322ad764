/**
 * An archived period is read-only everywhere (docs/domain.md §2), and its meetings' live documents are written to
 * outside REST: so a period is not archived while one of its meetings runs — the chair ends it first — and a
 * meeting of an archived period never starts.
 */
import { eq } from "drizzle-orm";
import { meetings, periods } from "@ca/server/src/db/schema";
import { startTestApp, type TestApp } from "../../support/testApp";

type Agent = Awaited<ReturnType<TestApp["login"]>>;

let app: TestApp;
let admin: Agent;
let chair: Agent;
let trainingId: string;
let meetingId: string;

beforeAll(async () => {
  app = await startTestApp();
  const { db } = app.ctx.database;
  trainingId = (await db.select().from(periods).where(eq(periods.kind, "training")))[0].id;
  // The sample's planned training meeting, its agenda through round 2.
  meetingId = (await db.select().from(meetings).where(eq(meetings.periodId, trainingId)))[0].id;
  admin = await app.login("admin");
  chair = await app.login("chair");
});
afterAll(() => app.close());

const archive = () =>
  admin.post(`/api/periods/${trainingId}/archive`).send({ reason: "Kết thúc kỳ tập huấn" });

it("refuses to archive a period while one of its meetings runs, and says which", async () => {
  expect((await chair.post(`/api/meetings/${meetingId}/start`)).status).toBe(200);
  const refused = await archive();
  expect(refused.status).toBe(409);
  expect(refused.body.error.details).toMatchObject({ running: meetingId });
  expect(refused.body.error.message).toMatch(/đang diễn ra.*kết thúc/);
  const [period] = await app.ctx.database.db.select().from(periods).where(eq(periods.id, trainingId));
  expect(period.status).toBe("active");
});

it("archives it once the meeting has ended", async () => {
  expect((await chair.post(`/api/meetings/${meetingId}/end`)).status).toBe(200);
  const archived = await archive();
  expect(archived.status).toBe(200);
  expect(archived.body.data.status).toBe("archived");
});
