/**
 * P1's cost per edit in the meeting projection alone (docs/performance.md "Meeting edits"): what reading one edit's
 * change costs the server's document, by YKeyValue's observer (walks the whole array, deleted items included)
 * and by the server's AdjustmentLog (reads only what the update added and deleted), with a history of N edits
 * made by 40 clients before. CPU time per edit, in process; nothing asserted.
 *   npx tsx tests/bench/projection.bench.ts [history…]   (default 1000 10000 30000)
 */
import os from "node:os";
import * as Y from "yjs";
import { YKeyValue } from "y-utility/y-keyvalue";
import { COLLAB_DOC, type TAdjustment } from "@ca/shared";
import { AdjustmentLog, type AdjustmentEntry } from "@ca/server/src/collab/adjustmentLog";

const CLIENTS = 40;
const LEAVES = 150;
const MEASURED = 400;

/**
 * Updates of `count` edits by 40 clients taking turns, each overwriting a leaf through YKeyValue: one document whose
 * client id changes between edits stands for the 40 (each edit sees all before it, as in a live meeting).
 */
function edits(count: number): Uint8Array[] {
  const doc = new Y.Doc();
  const kv = new YKeyValue<TAdjustment>(doc.getArray(COLLAB_DOC.adjustments));
  const updates: Uint8Array[] = [];
  doc.on("update", (u: Uint8Array) => updates.push(u));
  for (let n = 0; n < count; n++) {
    doc.clientID = 1000 + (n % CLIENTS);
    kv.set(`L${(n * 7) % LEAVES}`, { score: n % 500, by: `u${n % CLIENTS}`, at: "2032-01-01T00:00:00.000Z" });
  }
  return updates;
}

function cpuPerEdit(history: number, reader: "YKeyValue" | "AdjustmentLog"): number {
  const updates = edits(history + MEASURED);
  const doc = new Y.Doc();
  const arr = doc.getArray<AdjustmentEntry>(COLLAB_DOC.adjustments);
  let sink = 0;
  if (reader === "YKeyValue") {
    const kv = new YKeyValue<TAdjustment>(arr as never);
    kv.on("change", (changes: Map<string, unknown>) => (sink += changes.size));
  } else {
    const log = new AdjustmentLog(arr);
    arr.observe((_e, tr) => (sink += log.changedBy(tr).size));
  }
  updates.slice(0, history).forEach((u) => Y.applyUpdate(doc, u));
  const c0 = process.cpuUsage();
  updates.slice(history).forEach((u) => Y.applyUpdate(doc, u));
  const c = process.cpuUsage(c0);
  if (sink === 0) throw new Error("no change read");
  return (c.user + c.system) / 1000 / MEASURED;
}

const histories = process.argv.slice(2).map(Number);
for (const history of histories.length ? histories : [1000, 10000, 30000]) {
  const a = cpuPerEdit(history, "YKeyValue");
  const b = cpuPerEdit(history, "AdjustmentLog");
  console.log(
    `P1 projection, one edit applied after ${history} edits: YKeyValue observer ${(a * 1000).toFixed(0)} µs, ` +
      `AdjustmentLog ${(b * 1000).toFixed(0)} µs of CPU (applying the update included; load ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")})`,
  );
}
