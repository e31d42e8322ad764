/**
 * Each real-time and write figure beside a bare peer on the same box, in the same run, with the same load generator,
 * alternating product and peer for BENCH_ROUNDS rounds (default 3); prints product ÷ peer at p99 (target ≤ 1.5) and,
 * where a ratio is higher, what the product does per operation that the peer does not (server CPU via
 * process.cpuUsage, statements per write, PostgreSQL backend CPU). Then P7 under the P5 load. Nothing asserted.
 *
 *   P1  an adjustment → the other 39 of 40 stock y-websocket providers: the product's meeting room vs the reference
 *       Yjs server of `@y/websocket-server` (peers/yjsReference.mjs) holding the same document
 *   P2  an accepted adjustment → `ranking:update` on 1,000 sockets in the council room vs a bare Socket.IO server
 *       (peers/socketIoPeer.mjs) emitting the product's own last payload to a room of 1,000 sockets, on request
 *   P7  40 official writers × 5/s (officialWriteLoad.ts) vs bare Express + pg (peers/expressPgPeer.mjs)
 *   P7 under P5: the same writers while 40 light editors make 5 edits/s each and the 1,000 viewers listen
 *
 * The product and the peers are pinned to core 0, this generator to core 1 (PostgreSQL is not pinned). The last line,
 * `PEERS_RESULT {...}`, is read by tests/bench/run.ts.
 */
import os from "node:os";
import fs from "node:fs";
import { performance } from "node:perf_hooks";
import * as Y from "yjs";
import { WebsocketProvider } from "y-websocket";
import WebSocket from "ws";
import { collabRoom, openMeetingDocument, setAdjustment, type MeetingDocument } from "@ca/shared";
import { openPostgres } from "@ca/server/src/db/client";
import {
  freePort,
  startServerProcess,
  tempDir,
  waitReady,
  type ServerProcess,
} from "../support/serverProcess";
import {
  createCouncilMembers,
  HttpSession,
  ioClient,
  joinRoom,
  LOCAL_POSTGRES,
  METRICS_TOKEN,
  pin,
  prepareMeetingDossiers,
  scratchDatabase,
  serverPidOf,
  sleep,
  startMeeting,
  summary,
  userIdOf,
  validScore,
  yClient,
  type MeetingDossier,
} from "../support/liveLoad";
import { lightViewer, type LightViewer } from "./lightViewer";
import { runPhase, sendToPeer, setUp, WARMUP_WRITES, type Writer } from "./officialWriteLoad";
import {
  backendCpu,
  sampleBackendWaits,
  backendDelta,
  compare,
  newSide,
  peerCounters,
  productCounters,
  startPeer,
  type PeerProcess,
  type ServerCounters,
  type Side,
} from "./peerSupport";
import { p7UnderP5 } from "./p7UnderP5";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const EDITORS = 40;
const VIEWERS = Number(process.env.BENCH_VIEWERS ?? 1000);
const P1_SAMPLES = 200;
const P1_EVERY_MS = 25;
const P2_SAMPLES = 20;
const P7_SECONDS = Number(process.env.BENCH_PEER_SECONDS ?? 8);
const P7_RATE = 5;

interface Editor {
  name: string;
  userId: string;
  md: MeetingDocument;
  synced: Promise<void>;
  destroy(): void;
}

/** Adjustments carry a unique marker in `at`; receivers report when the marker becomes their leaf's value. */
class Tracker {
  private next = Date.UTC(2031, 0, 1);
  private readonly sent = new Map<string, { t0: number; sender: string }>();
  latencies: number[] = [];
  marker(sender: string): string {
    const at = new Date(this.next++).toISOString();
    this.sent.set(at, { t0: performance.now(), sender });
    return at;
  }
  watch(e: Editor) {
    e.md.adjustments.on("change", (changes: Map<string, unknown>) => {
      const now = performance.now();
      for (const code of changes.keys()) {
        const at = e.md.adjustments.get(code)?.at;
        const s = at ? this.sent.get(at) : undefined;
        if (s && s.sender !== e.name) this.latencies.push(now - s.t0);
      }
    });
  }
  take(): number[] {
    const out = this.latencies;
    this.latencies = [];
    return out;
  }
}

/** A stock provider on the reference server (no path prefix, no cookie: it checks nothing). */
function peerEditor(url: string, room: string, name: string, userId: string, seed?: Uint8Array): Editor {
  const doc = new Y.Doc();
  if (seed) Y.applyUpdate(doc, seed);
  const provider = new WebsocketProvider(url.replace(/^http/, "ws"), room, doc, {
    WebSocketPolyfill: WebSocket as never,
    disableBc: true,
  });
  return {
    name,
    userId,
    md: openMeetingDocument(doc),
    synced: new Promise<void>((resolve) => provider.on("sync", (s: boolean) => s && resolve())),
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Reads the server's counters and its backends' CPU before and after `run`, and adds them to `side`. */
async function measured(
  side: Side,
  counters: () => Promise<ServerCounters>,
  backends: (() => Promise<Map<number, number>>) | null,
  run: () => Promise<{ latencies: number[]; ops: number }>,
) {
  const c0 = await counters();
  const b0 = backends ? await backends() : new Map<number, number>();
  const { latencies, ops } = await run();
  const b1 = backends ? await backends() : new Map<number, number>();
  const c1 = await counters();
  side.latencies.push(...latencies);
  side.roundP99.push(summary(latencies).p99);
  side.ops += ops;
  side.serverCpuMs += c1.cpuMs - c0.cpuMs;
  side.statements += c1.statements - c0.statements;
  side.pgCpuMs += backendDelta(b0, b1);
}

async function main() {
  process.setMaxListeners(2 * EDITORS + 10);
  const cores = os.cpus().length;
  const adminUrl = process.env.BENCH_DATABASE_URL ?? LOCAL_POSTGRES;
  const db = await scratchDatabase(adminUrl, "ca_bench");
  const dbName = new URL(db.url).pathname.slice(1);
  const dataDir = tempDir("ca-bench-");
  const canPin = cores >= 2 && pin(process.pid, 1);
  const serverCore = canPin ? 0 : null;
  let server: ServerProcess | null = null;
  const peers: PeerProcess[] = [];
  const editors: Editor[] = [];
  const viewers: LightViewer[] = [];
  const load = () =>
    os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ");
  try {
    server = startServerProcess(
      {
        DATA_DIR: dataDir,
        DATABASE_URL: db.url,
        FAST_HASH: "1",
        LOG_LEVEL: "warn",
        SESSION_SECRET: "bench-session-secret-0123456789",
        METRICS_TOKEN,
        ...(process.env.BENCH_SERVER_NODE_OPTIONS
          ? { NODE_OPTIONS: process.env.BENCH_SERVER_NODE_OPTIONS }
          : {}),
      },
      await freePort(),
    );
    await waitReady(server);
    if (serverCore !== null) pin(serverPidOf(server.child.pid!), serverCore);
    const base = server.url;
    const [yjsPeer, ioPeer, pgPeer] = await Promise.all([
      startPeer("yjsReference.mjs", {}, serverCore),
      startPeer("socketIoPeer.mjs", {}, serverCore),
      startPeer("expressPgPeer.mjs", { DATABASE_URL: db.url }, serverCore),
    ]);
    peers.push(yjsPeer, ioPeer, pgPeer);
    console.log(
      `Product beside bare peers — ${cores} cores (${os.cpus()[0]?.model ?? "?"}), node ${process.version}, PostgreSQL; ` +
        `${ROUNDS} rounds, alternating; ${canPin ? "servers on core 0, generator on core 1" : "no pinning"}; load average ${load()}`,
    );

    // The meeting first (one dossier in round2_done), then the official writers on the remaining drafts.
    const database = await openPostgres(db.url, 2);
    const { periodId, dossiers } = await prepareMeetingDossiers(database.db, 1);
    await database.close();
    const dossier: MeetingDossier = dossiers[0];
    const admin = await new HttpSession(base).login("admin");
    const chair = await new HttpSession(base).login("chair");
    const council = [
      { session: chair, username: "chair", userId: await userIdOf(chair) },
      ...(await createCouncilMembers(admin, "bench.peer", EDITORS - 1)),
    ];
    const meetingId = await startMeeting(chair, periodId, [dossier.id]);
    const room = collabRoom(meetingId, dossier.id);
    const writers: Writer[] = await setUp(base);
    // A profiling preload (tests/bench/cpuProfile.cjs) in the product profiles one phase: SIGUSR2 starts, stops.
    // BENCH_PROFILE names it (P1, P7P5 or P7; default P7, or the phase BENCH_ONLY runs).
    const profiled = process.env.BENCH_PROFILE ?? process.env.BENCH_ONLY ?? "P7";
    const signalServer = (phase: string) =>
      process.env.BENCH_SERVER_NODE_OPTIONS &&
      phase === profiled &&
      process.kill(serverPidOf(server!.child.pid!), "SIGUSR2");

    // P7: the official writers, product and peer in turn (BENCH_ONLY=P7: this alone, no viewer joined).
    const counter = { n: 0 };
    const p7Comparison = async () => {
      await Promise.all(
        writers.map(async (w) => {
          for (let i = 0; i < WARMUP_WRITES; i++) {
            await (await sendToPeer(pgPeer.url)(w, counter.n)).arrayBuffer();
            const { url, body } = w.path(counter.n++);
            await (await w.session.request("PUT", url, body)).arrayBuffer();
          }
        }),
      );
      const backends = (which: "product" | "peer") => async () => (await backendCpu(adminUrl, dbName))[which];
      const p7 = { product: newSide(), peer: newSide() };
      const errors: string[] = [];
      const p7Round = async (send?: ReturnType<typeof sendToPeer>) => {
        const r = await runPhase(writers, P7_SECONDS * 1000, P7_RATE, counter, send);
        if (r.errors.size) errors.push(JSON.stringify(Object.fromEntries(r.errors)));
        return { latencies: r.latencies, ops: r.latencies.length };
      };
      signalServer("P7");
      for (let r = 0; r < ROUNDS; r++) {
        await measured(
          p7.product,
          () => productCounters(base),
          backends("product"),
          () => p7Round(),
        );
        await measured(
          p7.peer,
          () => peerCounters(pgPeer.url),
          backends("peer"),
          () => p7Round(sendToPeer(pgPeer.url)),
        );
      }
      signalServer("P7");
      if (errors.length) console.log(`P7 write errors: ${errors.join("; ")}`);
      const per = (s: Side, x: number) => (x / s.ops).toFixed(2);
      const p7Result = compare(
        "P7",
        `official score write committed (${writers.length} writers × ${P7_RATE}/s, paced)`,
        "write",
        p7.product,
        p7.peer,
        [
          `per write it reads and checks the session and its user, authorizes, locks the dossier and loads what the ` +
            `checks need, writes the score and its audit row, logs, emits dossier:update to the dossier's rooms and ` +
            `period:update (at most once a second) to the period's council room (here ${viewers.length} viewer sockets), ` +
            `and refreshes the live ranking: server CPU ${per(p7.product, p7.product.serverCpuMs)} ms ` +
            `against ${per(p7.peer, p7.peer.serverCpuMs)} ms, ${per(p7.product, p7.product.statements)} statements against ` +
            `${per(p7.peer, p7.peer.statements)}, PostgreSQL CPU ${per(p7.product, p7.product.pgCpuMs)} ms against ${per(p7.peer, p7.peer.pgCpuMs)} ms`,
        ],
      );
      return p7Result;
    };
    if (process.env.BENCH_ONLY === "P7") {
      const p7Result = await p7Comparison();
      console.log(`\nload average ${load()}`);
      console.log(`PEERS_RESULT ${JSON.stringify({ P7: p7Result })}`);
      return;
    }

    // BENCH_ONLY=P7P5: only P7 under the P5 load (the 1,000 viewers in the council room, the editors, the
    // writers), with what the database's backends wait on, sampled (mean count per state and wait event).
    if (process.env.BENCH_ONLY === "P7P5") {
      const leader = await new HttpSession(base).login("leader");
      for (let i = 0; i < VIEWERS; i += 50)
        viewers.push(
          ...(await Promise.all(
            Array.from({ length: Math.min(50, VIEWERS - i) }, () =>
              lightViewer(base, leader, `period:${periodId}:council`),
            ),
          )),
        );
      const stopSampling = sampleBackendWaits(adminUrl, dbName);
      signalServer("P7P5");
      const underLoad = await p7UnderP5({
        base,
        room,
        council,
        dossier,
        writers,
        counter: { n: 0 },
        seconds: Number(process.env.BENCH_P5_SECONDS ?? 20),
      });
      signalServer("P7P5");
      console.log(`   database backends (mean per sample): ${await stopSampling()}`);
      console.log(`\nload average ${load()}`);
      console.log(`PEERS_RESULT ${JSON.stringify({ P7underP5: underLoad })}`);
      return;
    }

    // P1: 40 stock providers on each side, all connected throughout; the peer's document is the product's.
    const product: Editor[] = council.map((m) => {
      const c = yClient(base, m.session, room, m.username, m.userId);
      return { name: c.name, userId: c.userId, md: c.md, destroy: c.destroy, synced: c.synced() };
    });
    editors.push(...product);
    await Promise.all(product.map((e) => e.synced));
    // BENCH_P1_HISTORY: edits made before measuring (round-robin over the editors, through the product), so that
    // both sides hold a document with that much history: a cost per edit that grows with it shows here.
    const history = Number(process.env.BENCH_P1_HISTORY ?? 0);
    for (let i = 0; i < history; i++) {
      const e = product[i % EDITORS];
      const leaf = dossier.leaves[(i * 11) % dossier.leaves.length];
      setAdjustment(e.md, leaf.code, {
        score: validScore(leaf, i),
        by: e.userId,
        at: new Date().toISOString(),
      });
      if (i % 200 === 199) await sleep(200);
    }
    if (history) await sleep(3000);
    const seed = Y.encodeStateAsUpdate(product[0].md.doc);
    const first = peerEditor(yjsPeer.url, room, council[0].username, council[0].userId, seed);
    await first.synced;
    const peer: Editor[] = [first];
    for (const m of council.slice(1)) peer.push(peerEditor(yjsPeer.url, room, m.username, m.userId));
    editors.push(...peer.slice());
    await Promise.all(peer.map((e) => e.synced));
    const tracker = new Tracker();
    [...product, ...peer].forEach((e) => tracker.watch(e));
    const leaves = dossier.leaves;
    const p1Round = async (side: Editor[], offset: number) => {
      for (let i = 0; i < P1_SAMPLES; i++) {
        const e = side[i % EDITORS];
        const leaf = leaves[(i * 7) % leaves.length];
        setAdjustment(e.md, leaf.code, {
          score: validScore(leaf, i + offset),
          by: e.userId,
          at: tracker.marker(e.name),
        });
        await sleep(P1_EVERY_MS);
      }
      await sleep(1000);
      return { latencies: tracker.take(), ops: P1_SAMPLES };
    };
    // Warm-up of both sides.
    await p1Round(product, 0);
    await p1Round(peer, 0);
    const p1 = { product: newSide(), peer: newSide() };
    // BENCH_ONLY=P2: the providers stay (P2's adjustments come through one of them), P1 is not measured.
    const p1Rounds = process.env.BENCH_ONLY === "P2" ? 0 : ROUNDS;
    signalServer("P1");
    for (let r = 0; r < p1Rounds; r++) {
      await measured(
        p1.product,
        () => productCounters(base),
        null,
        () => p1Round(product, 1000 * (r + 1)),
      );
      await measured(
        p1.peer,
        () => peerCounters(yjsPeer.url),
        null,
        () => p1Round(peer, 1000 * (r + 1)),
      );
    }
    signalServer("P1");
    const p1Result = !p1Rounds
      ? null
      : compare(
          "P1",
          `adjustment → each of the other ${EDITORS - 1} stock providers`,
          "edit",
          p1.product,
          p1.peer,
          [
            `per edit it checks the sender's seat and the adjustment (judgeAdjustment), projects the change into the ` +
              `meeting's provisional totals, and appends the update to PostgreSQL: ` +
              `${(p1.product.serverCpuMs / p1.product.ops).toFixed(2)} ms of CPU against ${(p1.peer.serverCpuMs / p1.peer.ops).toFixed(2)} ms, ` +
              `${(p1.product.statements / p1.product.ops).toFixed(2)} statements against none`,
          ],
        );
    peer.forEach((e) => e.destroy());
    if (process.env.BENCH_ONLY === "P1") {
      console.log(`\nload average ${load()}`);
      console.log(`PEERS_RESULT ${JSON.stringify({ P1: p1Result })}`);
      return;
    }

    // P2: 1,000 light viewers on each side.
    const leader = await new HttpSession(base).login("leader");
    const councilRoom = `period:${periodId}:council`;
    const payloadWatcher = await ioClient(base, leader);
    await joinRoom(payloadWatcher, councilRoom);
    let lastPayload: unknown = null;
    payloadWatcher.on("ranking:update", (p: unknown) => (lastPayload = p));
    let current = { t0: 0, receipts: 0, on: false };
    const received: number[] = [];
    const onRanking = (at: number) => {
      current.receipts++;
      if (current.on) received.push(at - current.t0);
    };
    for (const target of [
      { url: base, room: councilRoom },
      { url: ioPeer.url, room: "bench" },
    ])
      for (let i = 0; i < VIEWERS; i += 50) {
        const batch = await Promise.all(
          Array.from({ length: Math.min(50, VIEWERS - i) }, () =>
            lightViewer(target.url, leader, target.room),
          ),
        );
        batch.forEach((v) => (v.onRanking = onRanking));
        viewers.push(...batch);
      }
    const sender = product[0];
    const leaf = leaves[leaves.length - 1];
    let flip = 0;
    const triggerProduct = () =>
      setAdjustment(sender.md, leaf.code, {
        score: flip++ % 2 ? leaf.step : 0,
        by: sender.userId,
        at: new Date().toISOString(),
      });
    const triggerPeer = () =>
      void fetch(`${ioPeer.url}/emit?room=bench`, { method: "POST" }).then((r) => r.arrayBuffer());
    const p2Round = async (trigger: () => void, samples: number) => {
      received.length = 0;
      for (let i = 0; i < samples; i++) {
        await sleep(300);
        current = { t0: performance.now(), receipts: 0, on: true };
        trigger();
        const deadline = performance.now() + 3000;
        while (current.receipts < VIEWERS && performance.now() < deadline) await sleep(5);
        current.on = false;
      }
      return { latencies: received.splice(0), ops: samples };
    };
    await p2Round(triggerProduct, 5);
    if (!lastPayload) throw new Error("no ranking:update seen from the product");
    await fetch(`${ioPeer.url}/payload`, { method: "POST", body: JSON.stringify(lastPayload) });
    await p2Round(triggerPeer, 5);
    const p2 = { product: newSide(), peer: newSide() };
    for (let r = 0; r < ROUNDS; r++) {
      await measured(
        p2.product,
        () => productCounters(base),
        null,
        () => p2Round(triggerProduct, P2_SAMPLES),
      );
      await measured(
        p2.peer,
        () => peerCounters(ioPeer.url),
        null,
        () => p2Round(triggerPeer, P2_SAMPLES),
      );
    }
    const p2Result = compare(
      "P2",
      `accepted adjustment → ranking:update on each of ${VIEWERS} sockets`,
      "broadcast",
      p2.product,
      p2.peer,
      [
        `per broadcast it receives and judges the Yjs update, recomputes the period's provisional ranking and ` +
          `presents it per room: ${(p2.product.serverCpuMs / p2.product.ops).toFixed(1)} ms of CPU against ` +
          `${(p2.peer.serverCpuMs / p2.peer.ops).toFixed(1)} ms`,
      ],
    );

    if (process.env.BENCH_ONLY === "P2") {
      console.log(`\nload average ${load()}`);
      console.log(`PEERS_RESULT ${JSON.stringify({ P2: p2Result })}`);
      return;
    }
    const p7Result = await p7Comparison();
    viewers.splice(VIEWERS).forEach((v) => v.close());

    // P7 under P5: product only.
    product.forEach((e) => e.destroy());
    editors.length = 0;
    signalServer("P7P5");
    const underLoad = await p7UnderP5({
      base,
      room,
      council,
      dossier,
      writers,
      counter,
      seconds: Number(process.env.BENCH_P5_SECONDS ?? 20),
    });
    signalServer("P7P5");
    console.log(`\nload average ${load()}`);
    console.log(
      `PEERS_RESULT ${JSON.stringify({ P1: p1Result, P2: p2Result, P7: p7Result, P7underP5: underLoad })}`,
    );
  } finally {
    viewers.forEach((v) => v.close());
    editors.forEach((e) => e.destroy());
    peers.forEach((p) => p.stop());
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    await db.drop();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
