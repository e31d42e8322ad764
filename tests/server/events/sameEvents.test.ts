/**
 * One way for every change to go live (docs/architecture.md, "Domain events"): the same change made through its
 * route and through its command directly, each on a fresh copy of the sample, pushes the same live events to the
 * same audiences. The pushes are recorded where Socket.IO would send them: the app's dispatcher is attached to the
 * real push code (realtime/liveEvents.ts) over a recorder in place of the Socket.IO server.
 */
import { and, eq } from "drizzle-orm";
import { ZReview } from "@ca/shared";
import { meetingDocuments } from "@ca/server/src/collab/meetingDocuments";
import { lockMeetingDossier } from "@ca/server/src/commands/lockMeetingDossier";
import { lockSurveyResults } from "@ca/server/src/commands/lockSurveyResults";
import { saveReview } from "@ca/server/src/commands/saveReview";
import { saveSelfScore } from "@ca/server/src/commands/saveSelfScore";
import { scores, users } from "@ca/server/src/db/schema";
import { execute } from "@ca/server/src/events/domainEvents";
import type { IoServer } from "@ca/server/src/realtime/ioServer";
import { socketLiveEvents } from "@ca/server/src/realtime/liveEvents";
import { runningMeetingOn } from "../../support/liveSession";
import { sleep } from "../../support/sockets";
import { startTestApp, type TestApp } from "../../support/testApp";
import { openWindow, selfAssessAll, signedReport, trainingDossier } from "../../support/workflow";

interface Push {
  event: string;
  to: string[];
  except: string[];
  payload: unknown;
}

/** A stand-in for the Socket.IO server that records each emit with its rooms. */
function recordingIo(pushes: Push[]): IoServer {
  const operator = (to: string[], except: string[]): unknown => ({
    to: (r: string | string[]) => operator([...to, ...[r].flat()], except),
    in: (r: string | string[]) => operator([...to, ...[r].flat()], except),
    except: (r: string | string[]) => operator(to, [...except, ...[r].flat()]),
    emit: (event: string, payload: unknown) => void pushes.push({ event, to, except, payload }),
    disconnectSockets: () => void pushes.push({ event: "(disconnect)", to, except, payload: null }),
  });
  return {
    to: (r: string | string[]) => operator([r].flat(), []),
    in: (r: string | string[]) => operator([r].flat(), []),
  } as never;
}

/** Records the live pushes of what `change` does on this app, ids replaced by their order of appearance. */
async function pushesOf(app: TestApp, change: () => Promise<unknown>): Promise<unknown[]> {
  const pushes: Push[] = [];
  const live = socketLiveEvents(recordingIo(pushes), async () => []);
  app.ctx.effects.attach({
    live,
    dropRanking: (periodId, what) =>
      void pushes.push({ event: `(drop ${what})`, to: [periodId], except: [], payload: null }),
    mail: () => undefined,
    send: async () => undefined,
    reauthorizeUser: async () => undefined,
    reauthorizeDocuments: async () => undefined,
    meetingLocked: () => undefined,
  });
  await change();
  await sleep(400); // the throttled pushes (ranking, projection) go out within 250 ms
  live.stop();
  const ids = new Map<string, string>();
  const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
  const text = JSON.stringify(
    pushes.map((p) => ({
      ...p,
      to: [...p.to].sort(),
      except: [...p.except].sort(),
      // Versions and times differ between copies; their presence does not.
      payload: JSON.parse(
        JSON.stringify(p.payload ?? null, (k, v) => (k === "version" || k === "at" ? typeof v : v)),
      ),
    })),
  );
  return JSON.parse(
    text.replace(uuid, (id) => (ids.has(id) ? ids : ids.set(id, `#${ids.size + 1}`)).get(id)!),
  );
}

async function userOf(app: TestApp, username: string) {
  const [u] = await app.ctx.database.db.select().from(users).where(eq(users.username, username));
  return { id: u.id, username, roles: u.roles };
}

type Case = {
  prepare(app: TestApp): Promise<Record<string, string>>;
  route(app: TestApp, ids: Record<string, string>): Promise<void>;
  command(app: TestApp, ids: Record<string, string>): Promise<unknown>;
};

const ok = async (res: Promise<{ status: number; body: unknown }>, status = 200) => {
  const r = await res;
  if (r.status !== status) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
};

/** A training dossier submitted, with round 1's window open: the council may review it. */
async function submitted(app: TestApp) {
  const { admin, period, dossierId } = await trainingDossier(app, "snv");
  await selfAssessAll(await app.login("editor.snv"), dossierId);
  await ok(signedReport(await app.login("head.snv"), `/api/dossiers/${dossierId}/submit`));
  await openWindow(admin, period.id, "round1");
  return { dossierId, periodId: period.id };
}

// The body the route validates, and the command gets as the route would pass it.
const REVIEW = { round: 1, score: 9, comment: "Đề nghị bổ sung số liệu", requestExplanation: true };

const cases: Record<string, Case> = {
  "self score": {
    prepare: async (app) => {
      const { admin, dossierId } = await trainingDossier(app, "snv");
      const detail = (await admin.get(`/api/dossiers/${dossierId}`)).body.data;
      const leaf = detail.leaves.find(
        (l: { method: string; kind?: string }) => l.method === "self" && (l.kind ?? "points") === "points",
      );
      return { dossierId, code: leaf.code };
    },
    route: async (app, { dossierId, code }) =>
      ok(
        (await app.login("editor.snv"))
          .put(`/api/dossiers/${dossierId}/items/${code}/self`)
          .send({ score: 2, note: "" }),
      ),
    command: async (app, { dossierId, code }) =>
      execute(
        app.ctx.effects,
        saveSelfScore({
          db: app.ctx.database.db,
          actor: await userOf(app, "editor.snv"),
          dossierId,
          code,
          answer: { score: 2 },
          note: "",
        }),
      ),
  },
  review: {
    prepare: submitted,
    route: async (app, { dossierId }) =>
      ok((await app.login("chair")).put(`/api/dossiers/${dossierId}/items/2.1/review`).send(REVIEW)),
    command: async (app, { dossierId }) =>
      execute(
        app.ctx.effects,
        saveReview({
          db: app.ctx.database.db,
          actor: await userOf(app, "chair"),
          dossierId,
          code: "2.1",
          review: ZReview.parse(REVIEW),
        }),
      ),
  },
  "meeting lock": {
    prepare: async (app) => {
      const { meetingId } = await runningMeetingOn(app);
      const meeting = (await (await app.login("chair")).get(`/api/meetings/${meetingId}`)).body.data;
      const dossierId = meeting.agenda[0].dossierId as string;
      // The sample's 2023 dossier is history: its agreed scores go, so that the meeting has leaves to lock.
      await app.ctx.database.db
        .delete(scores)
        .where(and(eq(scores.dossierId, dossierId), eq(scores.stage, "agreed")));
      return { meetingId, dossierId };
    },
    route: async (app, { meetingId, dossierId }) =>
      ok((await app.login("chair")).post(`/api/meetings/${meetingId}/dossiers/${dossierId}/lock`).send({})),
    command: async (app, { meetingId, dossierId }) =>
      execute(
        app.ctx.effects,
        lockMeetingDossier({
          db: app.ctx.database.db,
          actor: await userOf(app, "chair"),
          meetingId,
          dossierId,
          // What the route hands the command: this server's meeting documents (app.ts).
          documents: meetingDocuments(app.ctx.database.db, app.collab),
        }),
      ),
  },
  "survey lock": {
    prepare: async (app) => ({ periodId: (await trainingDossier(app, "snv")).period.id }),
    route: async (app, { periodId }) =>
      ok(
        (await app.login("admin"))
          .post(`/api/periods/${periodId}/survey-results/lock`)
          .send({ reason: "Chốt kết quả" }),
      ),
    command: async (app, { periodId }) =>
      execute(
        app.ctx.effects,
        lockSurveyResults({
          db: app.ctx.database.db,
          actor: await userOf(app, "admin"),
          periodId,
          reason: "Chốt kết quả",
        }),
      ),
  },
};

let viaRoute: TestApp;
let viaCommand: TestApp;
beforeAll(async () => {
  [viaRoute, viaCommand] = await Promise.all([startTestApp(), startTestApp()]);
});
afterAll(async () => {
  await Promise.all([viaRoute?.close(), viaCommand?.close()]);
});

describe("the same change through its route and through its command pushes the same live events", () => {
  it.each(Object.keys(cases))("%s", async (name) => {
    const c = cases[name];
    const [routeIds, commandIds] = await Promise.all([c.prepare(viaRoute), c.prepare(viaCommand)]);
    const fromRoute = await pushesOf(viaRoute, () => c.route(viaRoute, routeIds));
    const fromCommand = await pushesOf(viaCommand, () => c.command(viaCommand, commandIds));
    expect(fromRoute.length).toBeGreaterThan(0);
    expect(fromRoute).toEqual(fromCommand);
  });
});
