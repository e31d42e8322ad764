import * as Y from "yjs";
import type { TAdjustment } from "@ca/shared";

/** One pair of the YKeyValue array (y-utility's layout): leaf code → proposal. */
export interface AdjustmentEntry {
  key: string;
  val: TAdjustment;
}

/**
 * The server's reading of a meeting document's adjustments (a YKeyValue over a Y.Array, docs/api.md "Meeting
 * documents"): the current pair of each leaf, the right-most one as YKeyValue has it. YKeyValue's own observer
 * reads `event.changes` and `toArray()`, which walk the whole array, deleted items included, so its cost per
 * edit grows with every edit the document ever had (docs/performance.md, P1). This index reads only what a
 * transaction added (the new structs of each client, from the transaction's state before to after) and
 * deleted (its delete set). It writes nothing: the clients' YKeyValue removes the pairs a newer one overwrote.
 */
export class AdjustmentLog {
  /** Leaf code → its current pair (by identity, as the array holds it). */
  readonly current = new Map<string, AdjustmentEntry>();

  constructor(readonly yarray: Y.Array<AdjustmentEntry>) {
    const all = yarray.toArray();
    for (let i = all.length - 1; i >= 0; i--)
      if (!this.current.has(all[i].key)) this.current.set(all[i].key, all[i]);
  }

  get(code: string): TAdjustment | undefined {
    return this.current.get(code)?.val;
  }

  /**
   * Applies what one transaction did to the array; returns the leaves whose current pair changed. `previous`, when
   * given, receives each changed leaf's pair from before the transaction (none when it had no proposal).
   */
  changedBy(tr: Y.Transaction, previous?: Map<string, AdjustmentEntry | undefined>): Set<string> {
    const changed = new Set<string>();
    const lost = new Set<string>();
    const note = (key: string) => {
      if (previous && !changed.has(key)) previous.set(key, this.current.get(key));
      changed.add(key);
    };
    Y.iterateDeletedStructs(tr, tr.deleteSet, (struct) => {
      if (!(struct instanceof Y.Item) || struct.parent !== this.yarray) return;
      for (const entry of struct.content.getContent() as AdjustmentEntry[])
        if (this.current.get(entry.key) === entry) {
          note(entry.key);
          this.current.delete(entry.key);
          lost.add(entry.key);
        }
    });
    for (const [client, after] of tr.afterState) {
      const before = tr.beforeState.get(client) ?? 0;
      if (after <= before) continue;
      const structs = tr.doc.store.clients.get(client);
      if (!structs) continue;
      for (let i = Y.findIndexSS(structs, before); i < structs.length; i++) {
        const item = structs[i];
        if (!(item instanceof Y.Item) || item.deleted || item.parent !== this.yarray) continue;
        const entries = item.content.getContent() as AdjustmentEntry[];
        entries.forEach((entry, at) => {
          if (!isRightMost(item, at, entry.key)) return;
          note(entry.key);
          this.current.set(entry.key, entry);
        });
      }
    }
    // A leaf whose current pair was deleted with no newer one: a withdrawn proposal, or (concurrent writers) an
    // older pair some client's YKeyValue has not removed yet, which is then the right-most. Rare, so read whole.
    for (const key of lost) if (this.current.has(key)) lost.delete(key);
    if (lost.size) {
      const all = this.yarray.toArray();
      for (let i = all.length - 1; i >= 0 && lost.size; i--)
        if (lost.delete(all[i].key)) this.current.set(all[i].key, all[i]);
    }
    return changed;
  }
}

/**
 * Whether no live pair of the same leaf stands right of this one (the right-most wins). A new pair is pushed at
 * the end of the array, so this walk is short: only pairs added concurrently, or none.
 */
function isRightMost(item: Y.Item, at: number, key: string): boolean {
  const own = item.content.getContent() as AdjustmentEntry[];
  for (let j = at + 1; j < own.length; j++) if (own[j].key === key) return false;
  for (let r = item.right; r; r = r.right)
    if (!r.deleted && (r.content.getContent() as AdjustmentEntry[]).some((e) => e.key === key)) return false;
  return true;
}
