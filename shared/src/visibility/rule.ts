import { DOSSIER_STATUSES, type DossierStatus } from "../workflow";
import { VIEWER_CLASSES, type ViewerClass } from "./viewers";

/** When a viewer class sees a field: always, never, or from a dossier status on (to the end of the workflow). */
export type When = boolean | DossierStatus;

/** One field's visibility: per viewer class when it is seen, and how it is hidden otherwise. */
export interface FieldRule {
  seen: Readonly<Record<ViewerClass, When>>;
  /** `omit`: the key (or the array element) is left out; `null`: the key stays, with null (the schema keeps it). */
  hidden: "omit" | "null";
  /**
   * Decided for the viewer's class across the object's peers rather than for the object alone: a rank gives away
   * the hidden ranks around it, so ranks are hidden wherever one of the same ranking is (see ranking rows).
   */
  peer?: boolean;
  /** The field may be null by nature (an index with nothing applicable): a null proves nothing about hiding. */
  nullable?: boolean;
}

/**
 * The visibility of every field of one presented object. Paths: `a.b` for keys, `a[]` for array elements,
 * `a[v]` for elements of an array whose `variants` function names v (a comment's kind), `a.*` for the keys of a
 * record (`records`). A path with no rule and no rule below it is never sent: new fields are hidden until the
 * rule says who sees them.
 */
export interface FieldTable {
  name: string;
  fields: Readonly<Record<string, FieldRule>>;
  variants?: Readonly<Record<string, (element: never) => string>>;
  records?: readonly string[];
}

const at = (s: DossierStatus) => DOSSIER_STATUSES.indexOf(s);

/** True when `when` admits the status. */
export function seenAt(when: When, status: DossierStatus): boolean {
  return typeof when === "boolean" ? when : at(status) >= at(when);
}

/** A rule from the classes that see the field (others never); `hidden` defaults to omitting the key. */
export function rule(
  seen: Partial<Record<ViewerClass, When>>,
  opts: { hidden?: FieldRule["hidden"]; peer?: boolean; nullable?: boolean } = {},
): FieldRule {
  const full = Object.fromEntries(VIEWER_CLASSES.map((c) => [c, seen[c] ?? false])) as Record<
    ViewerClass,
    When
  >;
  return { seen: full, hidden: opts.hidden ?? "omit", peer: opts.peer, nullable: opts.nullable };
}

/** Gives every listed path the same rule. */
export function same(paths: readonly string[], r: FieldRule): Record<string, FieldRule> {
  return Object.fromEntries(paths.map((p) => [p, r]));
}

/** The same rule with other options (a nullable field, a field hidden as null). */
export function withOpts(
  r: FieldRule,
  opts: Partial<Pick<FieldRule, "hidden" | "nullable" | "peer">>,
): FieldRule {
  return { ...r, ...opts };
}

/** The viewer classes a field's rule admits at a status. */
export function viewersOf(r: FieldRule, status: DossierStatus): ViewerClass[] {
  return VIEWER_CLASSES.filter((c) => seenAt(r.seen[c], status));
}

/** The rule of a path in a table, or undefined (never sent). */
export function ruleOf(table: FieldTable, path: string): FieldRule | undefined {
  return table.fields[path];
}

/** True when a viewer class sees the field at the dossier status. */
export function sees(table: FieldTable, path: string, viewer: ViewerClass, status: DossierStatus): boolean {
  const r = table.fields[path];
  return r !== undefined && seenAt(r.seen[viewer], status);
}
