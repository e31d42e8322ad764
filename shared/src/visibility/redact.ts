import type { DossierStatus } from "../workflow";
import { seenAt, type FieldRule, type FieldTable } from "./rule";
import type { ViewerClass } from "./viewers";

/** Paths with a rule below them (containers we walk into), per table. */
const containers = new WeakMap<FieldTable, Set<string>>();

function containersOf(table: FieldTable): Set<string> {
  let set = containers.get(table);
  if (!set) {
    set = new Set<string>();
    for (const path of Object.keys(table.fields))
      for (let i = 0; i < path.length; i++) if (path[i] === "." || path[i] === "[") set.add(path.slice(0, i));
    containers.set(table, set);
  }
  return set;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * The presented object as this viewer may see it at this dossier status: every field checked against the table,
 * hidden fields left out (or null), fields without a rule left out. `peer` is the class that decides the table's
 * peer fields (ranks); by default the viewer's own. Pure: returns a new object.
 */
export function redact<T>(
  table: FieldTable,
  value: T,
  viewer: ViewerClass,
  status: DossierStatus,
  opts: { peer?: ViewerClass } = {},
): T {
  const inner = containersOf(table);
  const shown = (r: FieldRule) => seenAt(r.seen[r.peer ? (opts.peer ?? viewer) : viewer], status);
  const walkValue = (v: unknown, path: string): unknown => {
    if (Array.isArray(v)) {
      const variant = table.variants?.[path] as ((e: unknown) => string) | undefined;
      const out: unknown[] = [];
      for (const e of v) {
        const p = variant ? `${path}[${variant(e)}]` : `${path}[]`;
        const r = table.fields[p];
        if (r && !shown(r)) continue;
        if (!r && !inner.has(p)) continue;
        out.push(isObject(e) || Array.isArray(e) ? walkValue(e, p) : e);
      }
      return out;
    }
    if (!isObject(v)) return v;
    const out: Record<string, unknown> = {};
    const record = table.records?.includes(path);
    for (const [key, child] of Object.entries(v)) {
      const p = record ? `${path}.*` : path ? `${path}.${key}` : key;
      const r = table.fields[p];
      if (r) {
        if (!shown(r)) {
          if (r.hidden === "null") out[key] = null;
          continue;
        }
        out[key] = r && !inner.has(p) ? child : walkValue(child, p);
      } else if (inner.has(p)) out[key] = walkValue(child, p);
    }
    return out;
  };
  return walkValue(value, "") as T;
}

/**
 * Per group of peers (a unit type's ranking), the viewer class that decides the table's peer fields: the class of
 * a row whose `probe` field the viewer may not see, if any — one hidden rank hides the group's ranks.
 */
export function peerClasses(
  table: FieldTable,
  rows: readonly { group: string; viewer: ViewerClass; status: DossierStatus }[],
  probe: string,
): Map<string, ViewerClass> {
  const peers = new Map<string, ViewerClass>();
  for (const r of rows) {
    const p = table.fields[probe];
    if (p && !seenAt(p.seen[r.viewer], r.status)) peers.set(r.group, r.viewer);
  }
  return peers;
}
