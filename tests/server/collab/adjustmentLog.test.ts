/**
 * The server's index of a meeting document's adjustments (server/src/collab/adjustmentLog.ts) reads only what
 * each transaction added and deleted; it must always agree with the YKeyValue rule (the right-most pair of a leaf
 * wins), whatever the clients do concurrently and in whatever order their updates arrive.
 */
import fc from "fast-check";
import * as Y from "yjs";
import { YKeyValue } from "y-utility/y-keyvalue";
import { COLLAB_DOC, type TAdjustment } from "@ca/shared";
import { AdjustmentLog, type AdjustmentEntry } from "@ca/server/src/collab/adjustmentLog";

const adj = (score: number, by: string): TAdjustment => ({ score, by, at: new Date(0).toISOString() });

/** The rule itself: the right-most pair of each leaf in the array, read whole. */
function expected(arr: Y.Array<AdjustmentEntry>): Map<string, TAdjustment> {
  const out = new Map<string, TAdjustment>();
  const all = arr.toArray();
  for (let i = all.length - 1; i >= 0; i--) if (!out.has(all[i].key)) out.set(all[i].key, all[i].val);
  return out;
}

const values = (log: AdjustmentLog) => new Map([...log.current].map(([k, e]) => [k, e.val]));

const op = fc.oneof(
  fc.record({
    t: fc.constant("set" as const),
    client: fc.integer({ min: 0, max: 2 }),
    key: fc.constantFrom("1.1", "1.2", "2.1"),
    score: fc.integer({ min: 0, max: 500 }),
  }),
  fc.record({
    t: fc.constant("delete" as const),
    client: fc.integer({ min: 0, max: 2 }),
    key: fc.constantFrom("1.1", "1.2", "2.1"),
  }),
  fc.record({
    t: fc.constant("deliver" as const),
    client: fc.integer({ min: 0, max: 2 }),
    count: fc.integer({ min: 1, max: 4 }),
  }),
);

describe("AdjustmentLog", () => {
  it("agrees with the right-most-pair rule after every transaction, under concurrent clients", () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 60 }), (ops) => {
        const server = new Y.Doc();
        const serverArray = server.getArray<AdjustmentEntry>(COLLAB_DOC.adjustments);
        const log = new AdjustmentLog(serverArray);
        let before = values(log);
        serverArray.observe((_e, tr) => {
          const changed = log.changedBy(tr);
          const now = values(log);
          expect(now).toEqual(expected(serverArray));
          // Every leaf whose value moved is reported (more is allowed, fewer is not).
          for (const k of new Set([...before.keys(), ...now.keys()]))
            if (before.get(k) !== now.get(k)) expect(changed.has(k)).toBe(true);
          before = now;
        });
        // Stock clients: YKeyValue, each with its queue of updates not yet delivered to the others.
        const clients = [0, 1, 2].map(() => {
          const doc = new Y.Doc();
          const kv = new YKeyValue<TAdjustment>(doc.getArray(COLLAB_DOC.adjustments));
          const queue: Uint8Array[] = [];
          doc.on("update", (u: Uint8Array, origin: unknown) => {
            if (origin !== "remote") queue.push(u);
          });
          return { doc, kv, queue };
        });
        const deliver = (from: number, count: number) => {
          for (const u of clients[from].queue.splice(0, count)) {
            Y.applyUpdate(server, u, "remote");
            clients.forEach((c, i) => i !== from && Y.applyUpdate(c.doc, u, "remote"));
          }
        };
        for (const o of ops) {
          if (o.t === "set") clients[o.client].kv.set(o.key, adj(o.score, `u${o.client}`));
          else if (o.t === "delete") clients[o.client].kv.delete(o.key);
          else deliver(o.client, o.count);
        }
        // Delivering may make clients clean up (YKeyValue removes overwritten pairs): until nothing is left to send.
        while (clients.some((c) => c.queue.length)) clients.forEach((_c, i) => deliver(i, Infinity));
        // Everything delivered, the server reads what every client's YKeyValue reads.
        for (const c of clients)
          expect(values(log)).toEqual(new Map([...c.kv.map].map(([k, e]) => [k, e.val])));
      }),
      { numRuns: 300 },
    );
  });

  it("starts from a document's stored state, duplicates included", () => {
    const doc = new Y.Doc();
    const arr = doc.getArray<AdjustmentEntry>(COLLAB_DOC.adjustments);
    arr.push([
      { key: "1.1", val: adj(1, "a") },
      { key: "1.2", val: adj(2, "a") },
      { key: "1.1", val: adj(3, "b") },
    ]);
    const log = new AdjustmentLog(arr);
    expect(values(log)).toEqual(
      new Map([
        ["1.1", adj(3, "b")],
        ["1.2", adj(2, "a")],
      ]),
    );
  });
});
