/**
 * The generated visibility matrix's checker (docs/targets.md S10): flattens a presented object into its field paths, and
 * checks the paths a viewer got against the rule's table (shared/src/visibility) and against what the admin —
 * who sees every field — got for the same object. Its own walker, not the server's `redact`: it reads the table
 * as a specification.
 */
import { seenAt, type DossierStatus, type FieldTable, type ViewerClass } from "@ca/shared";

/** One field of a presented object: its concrete path (array elements named by their key) and its rule path. */
export interface FieldLeaf {
  path: string;
  pattern: string;
  value: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const ELEMENT_KEYS = [
  "id",
  "dossierId",
  "leaderId",
  "code",
  "areaCode",
  "unitCode",
  "notificationId",
  "userId",
];
const elementKey = (e: unknown, i: number) => {
  if (isObject(e))
    for (const k of ELEMENT_KEYS)
      if (typeof e[k] === "string" || typeof e[k] === "number") return `${k}=${String(e[k])}`;
  return String(i);
};

const containerCache = new WeakMap<FieldTable, Set<string>>();
function containersOf(table: FieldTable): Set<string> {
  let set = containerCache.get(table);
  if (!set) {
    set = new Set();
    for (const p of Object.keys(table.fields))
      for (let i = 0; i < p.length; i++) if (p[i] === "." || p[i] === "[") set.add(p.slice(0, i));
    containerCache.set(table, set);
  }
  return set;
}

/** Every field of the object as the table names fields: containers are walked, anything else is a field. */
export function fieldsOf(table: FieldTable, value: unknown): FieldLeaf[] {
  const inner = containersOf(table);
  const out: FieldLeaf[] = [];
  const walk = (v: unknown, path: string, pattern: string) => {
    if (pattern !== "" && !inner.has(pattern)) return void out.push({ path, pattern, value: v });
    if (Array.isArray(v)) {
      const variant = table.variants?.[pattern] as ((e: unknown) => string) | undefined;
      v.forEach((e, i) => {
        const p = variant ? `${pattern}[${variant(e)}]` : `${pattern}[]`;
        walk(e, `${path}[${elementKey(e, i)}]`, p);
      });
      return;
    }
    if (!isObject(v)) return void out.push({ path, pattern, value: v });
    const record = table.records?.includes(pattern);
    for (const [k, child] of Object.entries(v)) {
      const p = record ? `${pattern}.*` : pattern ? `${pattern}.${k}` : k;
      walk(child, path ? `${path}.${k}` : k, p);
    }
  };
  walk(value, "", "");
  return out;
}

const shown = (v: unknown) => v !== null && v !== undefined;

/** The matrix's tally: checks made per (table, class, status), and every violation with its place. */
export class Matrix {
  checks = 0;
  readonly failures: string[] = [];
  /** "table|class|status" → checks of fields the rule says this class sees there (proves the cell is not vacuous). */
  readonly yes = new Map<string, number>();
  readonly no = new Map<string, number>();

  private count(kind: "yes" | "no", table: FieldTable, viewer: ViewerClass, status: DossierStatus) {
    const key = `${table.name}|${viewer}|${status}`;
    const map = kind === "yes" ? this.yes : this.no;
    map.set(key, (map.get(key) ?? 0) + 1);
  }

  fail(message: string) {
    this.failures.push(message);
  }

  /** The failures, one line per kind (array keys and accounts folded), with how many and one example. */
  summary(): string[] {
    const kinds = new Map<string, { n: number; example: string }>();
    for (const f of this.failures) {
      const kind = f
        .replace(/\[[^\]]*\]/g, "[]")
        .replace(/ (editor|head|member)\.[a-z]+/g, " $1.*")
        .replace(/^([^:]*?) [a-z0-9-]+:/, "$1:")
        .replace(/ = .*$/, "");
      const k = kinds.get(kind) ?? { n: 0, example: f };
      k.n++;
      kinds.set(kind, k);
    }
    return [...kinds.entries()]
      .slice(0, 60)
      .map(([kind, k]) => `${k.n} × ${kind}   e.g. ${k.example.slice(0, 240)}`);
  }

  /**
   * Checks what one viewer got of one object (`got`: undefined when refused or left out of a list) against the
   * rule, and against the admin's copy (`full`): no field the rule says no for, every field it says yes for.
   * `peer`: the class that decides the table's peer fields (ranks), when not the viewer's own.
   */
  check(
    where: string,
    table: FieldTable,
    viewer: ViewerClass,
    status: DossierStatus,
    got: unknown,
    full: unknown,
    peer: ViewerClass = viewer,
  ) {
    const mine = new Map(got === undefined ? [] : fieldsOf(table, got).map((f) => [f.path, f]));
    const classOf = (pattern: string) => (table.fields[pattern]?.peer ? peer : viewer);
    for (const f of mine.values()) {
      this.checks++;
      const rule = table.fields[f.pattern];
      if (!rule) this.fail(`${where}: ${f.path} is not in the rule (${table.name} ${f.pattern})`);
      else if (shown(f.value) && !seenAt(rule.seen[classOf(f.pattern)], status))
        this.fail(
          `${where}: ${viewer} at ${status} got ${f.path} = ${JSON.stringify(f.value)?.slice(0, 80)}`,
        );
    }
    if (full === undefined) return;
    for (const f of fieldsOf(table, full)) {
      if (!shown(f.value)) continue;
      const rule = table.fields[f.pattern];
      if (!rule) {
        this.fail(`${where}: the admin got ${f.path}, which is not in the rule (${table.name} ${f.pattern})`);
        continue;
      }
      this.checks++;
      const cls = classOf(f.pattern);
      if (!seenAt(rule.seen[cls], status)) {
        this.count("no", table, viewer, status);
        continue;
      }
      this.count("yes", table, viewer, status);
      const m = mine.get(f.path);
      if (!m || (!rule.nullable && !shown(m.value)))
        this.fail(`${where}: ${viewer} at ${status} lacks ${f.path}, which the rule shows it`);
    }
  }

  /** A yes/no answer the rule gives (a download allowed, a document connection), against what happened. */
  expect(
    where: string,
    table: FieldTable,
    viewer: ViewerClass,
    status: DossierStatus,
    field: string,
    got: boolean,
  ) {
    this.checks++;
    const rule = table.fields[field];
    const want = rule !== undefined && seenAt(rule.seen[viewer], status);
    this.count(want ? "yes" : "no", table, viewer, status);
    if (want !== got) this.fail(`${where}: ${viewer} at ${status} ${got ? "got" : "was refused"} ${field}`);
  }
}
