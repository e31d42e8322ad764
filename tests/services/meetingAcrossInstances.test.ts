/**
 * A meeting spanning instances (docs/scaling.md): three server processes on one PostgreSQL database and one Redis,
 * Debian's nginx in front with the shipped configuration (deploy/nginx.conf); every client connects through nginx.
 *
 * - Members whose documents nginx put on different instances converge, and the live ranking of every instance
 *   moves with a proposal the judge accepted.
 * - `kill -9` of the instance that judges a document while nine members edit it: every client reconnects by
 *   itself, another instance holds the lease within 5 s, every edit is in every client's document and in the
 *   stored one, every proposal has exactly its one verdict. Prints `lost = N` first.
 *
 * Needs DATABASE_URL and REDIS_URL (run by `npm run test:pg`) and /usr/sbin/nginx (installed by .ci/run).
 */
import { io as connectIo, type Socket } from "socket.io-client";
import * as Y from "yjs";
import { collabRoom, noteText, proposalKey, roomOf, setAdjustment, type TAdjustment } from "@ca/shared";
import { loadDocumentUpdates } from "@ca/server/src/collab/persistence";
import {
  contentOf,
  covers,
  createCouncilMembers,
  HttpSession,
  ioClient,
  joinRoom,
  prepareMeetingDossiers,
  sleep,
  startMeeting,
  summary,
  until,
  validScore,
  type MeetingDossier,
  type MeetingLeaf,
} from "../support/liveLoad";
import {
  proxiedYClient,
  startInstanceCluster,
  type InstanceCluster,
  type ProxiedYClient,
} from "../support/instanceCluster";

type Member = Awaited<ReturnType<typeof createCouncilMembers>>[number];

let cluster: InstanceCluster;
let periodId: string;
let meetingId: string;
let agenda: MeetingDossier[];
let chair: HttpSession;
let members: Member[];
const clients: ProxiedYClient[] = [];

beforeAll(async () => {
  process.setMaxListeners(100);
  cluster = await startInstanceCluster(3, "ca_cluster");
  ({ periodId, dossiers: agenda } = await prepareMeetingDossiers(cluster.database.db, 2));
  const admin = await new HttpSession(cluster.url).login("admin");
  chair = await new HttpSession(cluster.url).login("chair");
  members = await createCouncilMembers(admin, "cluster.member", 9);
  meetingId = await startMeeting(
    chair,
    periodId,
    agenda.map((d) => d.id),
  );
}, 240_000);

afterAll(async () => {
  clients.forEach((c) => c.destroy());
  await cluster?.stop();
});

/** Opens one client per member on a document, one after the other, so that nginx spreads them by count. */
async function openAll(room: string, who: Member[]): Promise<ProxiedYClient[]> {
  const opened: ProxiedYClient[] = [];
  for (const m of who) {
    const c = proxiedYClient(cluster.url, m.session, room, m.username, m.userId);
    clients.push(c);
    opened.push(c);
    await c.synced();
  }
  return opened;
}

/** Every instance's live ranking, asked of each instance directly (with the chair's session). */
const totalsOnEveryInstance = (dossierId: string) =>
  Promise.all(
    cluster.instances.map(async (i) => {
      const s = new HttpSession(i.server.url, cluster.url);
      s.cookie = chair.cookie;
      const rows = (await s.json("GET", `/api/periods/${periodId}/ranking`)).data as {
        dossierId: string;
        total: number;
      }[];
      return rows.find((r) => r.dossierId === dossierId)!.total;
    }),
  );

const expectConverged = (group: ProxiedYClient[]) => {
  for (const c of group) {
    expect(contentOf(c.md)).toEqual(contentOf(group[0].md));
    expect(covers(c.doc, group[0].doc) && covers(group[0].doc, c.doc)).toBe(true);
  }
};

it("members on different instances converge, and every instance's live ranking moves with an accepted proposal", async () => {
  const dossier = agenda[0];
  const room = collabRoom(meetingId, dossier.id);
  const group = await openAll(room, members.slice(0, 6));
  const spread = new Set(group.map((c) => c.upstreams[0]));
  console.info(`six members through nginx: ${group.map((c) => c.upstreams[0]).join(", ")}`);
  expect(spread.size).toBe(3);

  // Everyone edits at once: a proposal on a leaf of their own, a note on a leaf shared with the others.
  // The probe: a leaf that adds to the total (a penalty leaf, area P, takes points away, within its own cap).
  const probe = dossier.leaves.find((l) => !l.code.startsWith("P."))!;
  const leaves = dossier.leaves.filter((l) => l !== probe);
  for (let round = 0; round < 5; round++)
    group.forEach((c, i) => {
      const leaf = leaves[(i + round * group.length) % leaves.length];
      setAdjustment(c.md, leaf.code, {
        score: validScore(leaf, round + i + 1),
        by: c.userId,
        at: new Date().toISOString(),
      });
      noteText(c.md, leaves[round % leaves.length].code)?.insert(0, `${c.name}#${round};`);
    });
  const convergedMs = await until(() => expectConverged(group), 15_000);
  console.info(`six members on three instances converged ${convergedMs} ms after their last edit`);

  // Dashboards through nginx, and each instance's ranking asked directly.
  const dashboards = await Promise.all([0, 1, 2].map(() => ioClient(cluster.url, chair)));
  // The server adds the ranking's room (full rows) to the council's period room for whoever may see it all.
  await Promise.all(dashboards.map((s) => joinRoom(s, roomOf.periodCouncil(periodId))));
  const pushed = dashboards.map(() => [] as number[]);
  dashboards.forEach((s, k) =>
    s.on("ranking:update", (e: { rows?: { dossierId: string; total: number }[] }) => {
      const row = e.rows?.find((r) => r.dossierId === dossier.id);
      if (row) pushed[k].push(row.total);
    }),
  );
  try {
    const before = await until(async () => {
      const totals = await totalsOnEveryInstance(dossier.id);
      expect(new Set(totals).size).toBe(1);
    }, 10_000).then(() => totalsOnEveryInstance(dossier.id));
    const proposer = group[1];
    setAdjustment(proposer.md, probe.code, {
      score: probe.max,
      by: proposer.userId,
      at: new Date().toISOString(),
    });
    const sent = Date.now();
    let after: number[] = [];
    await until(async () => {
      after = await totalsOnEveryInstance(dossier.id);
      expect(new Set(after).size).toBe(1);
      expect(after[0]).not.toBe(before[0]);
    }, 10_000);
    const projection = (
      await chair.json("GET", `/api/meetings/${meetingId}/dossiers/${dossier.id}/projection`)
    ).data as { provisional: { total: number }; leaves: { code: string; valid: boolean | null }[] };
    expect(projection.leaves.find((l) => l.code === probe.code)!.valid).toBe(true);
    expect(after[0]).toBeCloseTo(projection.provisional.total, 2);
    await until(() => pushed.forEach((p) => expect(p).toContain(after[0])), 10_000);
    console.info(
      `accepted proposal: ranking ${before[0]} → ${after[0]} on all three instances within ${Date.now() - sent} ms`,
    );
  } finally {
    dashboards.forEach((s) => s.close());
    group.forEach((c) => c.destroy());
  }
});

interface Editor {
  client: ProxiedYClient;
  own: MeetingLeaf[];
  last: Map<string, { adjustment: TAdjustment; valid: boolean }>;
  tokens: [string, string][];
}

it("kill -9 of the judging instance mid-edit: clients reconnect, another judges within 5 s, nothing lost or judged twice", async () => {
  const dossier = agenda[1];
  const room = collabRoom(meetingId, dossier.id);
  const group = await openAll(room, members);
  const editors: Editor[] = group.map((client, i) => ({
    client,
    own: dossier.leaves.filter((_, k) => k % group.length === i),
    last: new Map(),
    tokens: [],
  }));
  // Every verdict each client sees, by proposal: a proposal judged twice would show two.
  const verdicts = group.map(() => new Map<string, Set<string>>());
  group.forEach((c, k) =>
    c.md.review.observe((e) => {
      for (const code of e.keysChanged) {
        const v = c.md.review.get(code);
        if (v?.state !== "invalid" || !v.proposal) continue;
        const key = `${code}|${v.proposal}`;
        verdicts[k].set(key, (verdicts[k].get(key) ?? new Set()).add(JSON.stringify(v)));
      }
    }),
  );
  const judge = await cluster.judgeOf(room);
  expect(judge).toBeDefined();
  const onJudge = group.filter((c) => c.upstreams[0] === judge!.address);
  console.info(`nine members: ${group.map((c) => c.upstreams[0]).join(", ")}; judge ${judge!.address}`);
  expect(onJudge.length).toBeGreaterThan(0);

  // Three dashboards through nginx, joining the council's room on every (re)connection as the product's client
  // does: a killed instance saves no recovery state, so those on it join again wherever nginx sends them.
  const dashboards: Socket[] = [];
  const rankingsAt: number[][] = [];
  const reconnections: number[] = [];
  // One after the other, so that nginx puts one on each instance (least connections: the members are 3/3/3).
  for (let k = 0; k < 3; k++) {
    const s = connectIo(cluster.url, {
      transports: ["websocket"],
      forceNew: true,
      reconnectionDelay: 200,
      reconnectionDelayMax: 1_000,
      extraHeaders: { Cookie: chair.cookie, Origin: chair.origin },
    });
    s.on("connect", () => s.emit("join", roomOf.periodCouncil(periodId), () => undefined));
    dashboards.push(s);
    rankingsAt.push([]);
    reconnections.push(0);
    s.on("ranking:update", () => rankingsAt[k].push(Date.now()));
    s.io.on("reconnect", () => reconnections[k]++);
    await until(() => expect(s.connected).toBe(true), 10_000);
  }

  let stop = false;
  const editing = editors.map(async (e, i) => {
    for (let n = 0; !stop; n++) {
      await sleep(200);
      if (n % 2 === 0 && e.own.length) {
        const leaf = e.own[(n / 2) % e.own.length];
        // One proposal in five is out of range: the judge must mark it, once.
        const valid = n % 10 !== 4;
        const adjustment = {
          score: valid ? validScore(leaf, n + i + 1) : leaf.max + leaf.step,
          by: e.client.userId,
          at: new Date().toISOString(),
        };
        setAdjustment(e.client.md, leaf.code, adjustment);
        // As written: setAdjustment adds the proposal it replaced (`over`).
        e.last.set(leaf.code, { adjustment: e.client.md.adjustments.get(leaf.code)!, valid });
      } else {
        const code = dossier.leaves[(n * 7 + i) % dossier.leaves.length].code;
        const text = noteText(e.client.md, code);
        if (!text) continue;
        const token = `${e.client.name}#${n};`;
        text.insert(text.length, token);
        e.tokens.push([code, token]);
      }
    }
  });

  await sleep(3_000);
  const killedAt = Date.now();
  process.kill(judge!.pid, "SIGKILL");
  let successor: Awaited<ReturnType<InstanceCluster["judgeOf"]>>;
  const takeoverMs = await until(
    async () => {
      successor = await cluster.judgeOf(room);
      expect(successor && successor !== judge).toBeTruthy();
    },
    10_000,
    25,
  );
  await sleep(3_000);
  stop = true;
  await Promise.all(editing);

  // Every client that was on the killed instance reconnects and syncs again by itself.
  // Every dashboard hears a ranking pushed after the kill (by the successor, through whichever instance).
  await until(() => rankingsAt.forEach((at) => expect(at.some((t) => t > killedAt)).toBe(true)), 15_000);
  dashboards.forEach((s) => s.close());
  expect(reconnections.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
  console.info(
    `dashboards through nginx: reconnections ${reconnections.join("/")} (those on the killed instance), all heard ` +
      "the successor's ranking",
  );
  const reconnectMs = await until(() => {
    for (const c of onJudge) expect(c.syncedAt.some((t) => t > killedAt)).toBe(true);
  }, 20_000).then(() => onJudge.map((c) => c.syncedAt.find((t) => t > killedAt)! - killedAt));
  await until(() => expectConverged(group), 20_000);

  const lost = { notes: 0, adjustments: 0, updates: 0, stored: 0, verdicts: 0 };
  const detail: string[] = [];
  // The stored document (written by the instances, not by the clients) holds every client's updates.
  await until(async () => {
    const stored = new Y.Doc();
    (await loadDocumentUpdates(cluster.database.db, room)).forEach((u) => Y.applyUpdate(stored, u));
    lost.stored = group.filter((c) => !covers(stored, c.doc)).length;
    expect(lost.stored).toBe(0);
  }, 10_000).catch(() => detail.push(`stored document lacks updates of ${lost.stored} clients`));
  for (const e of editors)
    for (const target of group) {
      const notes = contentOf(target.md).notes;
      lost.notes += e.tokens.filter(([code, token]) => !(notes[code] ?? "").includes(token)).length;
      if (!covers(target.doc, e.client.doc)) lost.updates++;
      for (const [code, { adjustment, valid }] of e.last) {
        if (JSON.stringify(target.md.adjustments.get(code)) !== JSON.stringify(adjustment))
          lost.adjustments++;
        const review = target.md.review.get(code);
        const marked = review?.state === "invalid" && review.proposal === proposalKey(adjustment);
        if (marked !== !valid) {
          lost.verdicts++;
          detail.push(`${target.name}: ${code} ${valid ? "valid but marked" : "invalid but not marked"}`);
        }
      }
    }
  const twice = verdicts.flatMap((m) => [...m].filter(([, seen]) => seen.size > 1).map(([key]) => key));
  const total = Object.values(lost).reduce((a, b) => a + b, 0);
  const r = summary(reconnectMs);
  console.log(
    `lost = ${total} (notes ${lost.notes}, adjustments ${lost.adjustments}, updates ${lost.updates}, stored ` +
      `${lost.stored}, verdicts ${lost.verdicts}); judged twice = ${new Set(twice).size}; takeover after ` +
      `${takeoverMs} ms (by ${successor!.address}); ${onJudge.length} clients of the killed instance ` +
      `resynced after p50 ${r.p50} / max ${r.max} ms; ${editors.reduce((a, e) => a + e.tokens.length, 0)} notes, ` +
      `${editors.reduce((a, e) => a + e.last.size, 0)} leaves proposed` +
      (detail.length ? `\n${detail.slice(0, 20).join("\n")}` : ""),
  );
  expect(total).toBe(0);
  expect(twice).toEqual([]);
  expect(takeoverMs).toBeLessThanOrEqual(5_000);

  // The successor judges: the dossier's projection (through nginx) counts each valid last proposal.
  const projection = (await chair.json("GET", `/api/meetings/${meetingId}/dossiers/${dossier.id}/projection`))
    .data as { leaves: { code: string; valid: boolean | null; adjustment: { score: number } | null }[] };
  for (const e of editors)
    for (const [code, { adjustment, valid }] of e.last) {
      const leaf = projection.leaves.find((l) => l.code === code)!;
      expect(leaf.adjustment?.score).toBeCloseTo(adjustment.score / 100, 2);
      expect(leaf.valid).toBe(valid);
    }
});
