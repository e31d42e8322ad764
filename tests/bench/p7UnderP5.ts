/**
 * docs/targets.md P7 under the P5 load (issue 17 point 2): the official writers paced at 5 writes/s each while 40 light
 * editors make 5 edits/s each on the meeting document (adjustments and note typing, as collab.bench.ts's P5) and the
 * product's 1,000 viewer sockets stay joined to the council room, all on the same server. Prints the writes'
 * latency, the server's CPU per second and its statements per write.
 */
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { noteText, setAdjustment } from "@ca/shared";
import {
  lightEditor,
  summary,
  validScore,
  type HttpSession,
  type LightEditor,
  type MeetingDossier,
} from "../support/liveLoad";
import { runPhase, type Writer } from "./officialWriteLoad";
import { productCounters } from "./peerSupport";

const RATE = 5;
const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "—");

export async function p7UnderP5(opts: {
  base: string;
  room: string;
  council: { session: HttpSession; username: string; userId: string }[];
  dossier: MeetingDossier;
  writers: Writer[];
  counter: { n: number };
  seconds: number;
}) {
  const { base, room, council, dossier, writers, counter, seconds } = opts;
  const editors: LightEditor[] = council.map((m) =>
    lightEditor(base, m.session, room, m.username, m.userId, "2032-", 24),
  );
  try {
    await Promise.all(editors.map((e) => e.ready));
    const leaves = dossier.leaves;
    let edits = 0;
    const c0 = await productCounters(base);
    // The load generator's own CPU and event-loop delay: a generator that cannot keep up delays its writes before
    // they leave, and that wait would be counted as the server's.
    const gen0 = process.cpuUsage();
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    const start = performance.now();
    const end = start + seconds * 1000;
    const editing = Promise.all(
      editors.map(async (e, i) => {
        let due = start + (i / editors.length) * (1000 / RATE);
        for (let n = 0; due < end; n++, due += 1000 / RATE) {
          const wait = due - performance.now();
          if (wait > 0) await new Promise((r) => setTimeout(r, wait));
          edits++;
          const leaf = leaves[(n + i) % leaves.length];
          if (n % 2 === 0)
            setAdjustment(e.md, leaf.code, {
              score: validScore(leaf, n + i),
              by: e.userId,
              at: new Date(Date.UTC(2032, 0, 1) + edits).toISOString(),
            });
          else noteText(e.md, leaf.code)?.insert(0, `${e.name} ${n}; `);
        }
      }),
    );
    const writes = await runPhase(writers, seconds * 1000, RATE, counter);
    await editing;
    const elapsed = (performance.now() - start) / 1000;
    loopDelay.disable();
    const gen = process.cpuUsage(gen0);
    const c1 = await productCounters(base);
    const s = summary(writes.latencies);
    const errors = [...writes.errors.values()].reduce((a, b) => a + b, 0);
    console.log(
      `\nP7 under P5: ${writers.length} writers × ${RATE}/s while ${editors.length} editors × ${RATE}/s ` +
        `(${edits} edits) and the viewers run, ${seconds} s`,
    );
    console.log(
      `   write committed: p50 ${f1(s.p50)} ms  p95 ${f1(s.p95)} ms  p99 ${f1(s.p99)} ms  max ${f1(s.max)} ms  ` +
        `(n=${s.n}, errors ${errors}); target p95 ≤ 50 ms → ${s.p95 <= 50 ? "met" : "NOT met"}`,
    );
    console.log(
      `   server CPU ${(((c1.cpuMs - c0.cpuMs) / elapsed / 1000) * 100).toFixed(0)}% of a core; ` +
        `${((c1.statements - c0.statements) / Math.max(1, s.n + edits)).toFixed(2)} statements per write or edit`,
    );
    console.log(
      `   load generator CPU ${(((gen.user + gen.system) / 1000 / elapsed / 1000) * 100).toFixed(0)}% of a core; ` +
        `its event-loop delay p50 ${f1(loopDelay.percentile(50) / 1e6)} ms, p99 ${f1(loopDelay.percentile(99) / 1e6)} ms, ` +
        `max ${f1(loopDelay.max / 1e6)} ms`,
    );
    return { p50: s.p50, p95: s.p95, p99: s.p99, errors, edits };
  } finally {
    editors.forEach((e) => e.close());
  }
}
