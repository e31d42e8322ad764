/**
 * The visibility rule itself (shared/src/visibility, docs/visibility.md), generated over every role, every relation
 * to the dossier and every status: the classes derive as docs/domain.md §1 says, the policies agree with the rule, every
 * field of every schema that carries dossier data has a rule, and `redact` applies it.
 */
import { z } from "zod";
import {
  can,
  DASHBOARD_UNIT,
  DOSSIER,
  DOSSIER_STATUSES,
  DOSSIER_SUMMARY,
  EXPORTS,
  LIVE_EVENTS,
  MEETING_AGENDA_ITEM,
  PROGRESS_ROW,
  PROJECTION,
  PUBLIC_ROW,
  PUBLISHED_ROW,
  RANKING_ROW,
  redact,
  RESPONSIBILITY_ROW,
  ROLES,
  sees,
  seenAt,
  SNAPSHOT,
  stagesSeen,
  UNIT_RESPONSIBILITY,
  viewerClassOf,
  VIEWER_CLASSES,
  VISIBILITY_TABLES,
  ZDashboardUnit,
  ZDossierDetail,
  ZDossierSummary,
  ZMeetingAgendaItem,
  ZMeetingProjection,
  ZProgressRow,
  ZPublishedRow,
  ZRankingRow,
  ZSnapshot,
  ZUnitResponsibility,
  type Actor,
  type DossierResource,
  type FieldTable,
  type Role,
  type ViewerClass,
} from "@ca/shared";

const OWN = "00000000-0000-4000-8000-00000000000a";
const OTHER = "00000000-0000-4000-8000-00000000000b";
const ME = "00000000-0000-4000-8000-0000000000aa";

/** Every actor shape that matters: each role alone and the pairs, in the unit, in another unit, declared in conflict. */
function actors(): { label: string; actor: Actor; declared: boolean }[] {
  const roleSets: Role[][] = [
    ...ROLES.map((r) => [r]),
    ...ROLES.flatMap((a, i) => ROLES.slice(i + 1).map((b) => [a, b])),
  ];
  const out: { label: string; actor: Actor; declared: boolean }[] = [];
  for (const roles of roleSets)
    for (const unitId of [OWN, OTHER, null])
      for (const declared of [false, true])
        out.push({
          label: `${roles.join("+")} unit=${unitId === OWN ? "own" : unitId ? "other" : "none"}${declared ? " declared" : ""}`,
          actor: { id: ME, roles, unitId },
          declared,
        });
  return out;
}
const dossierOf = (status: (typeof DOSSIER_STATUSES)[number], declared: boolean): DossierResource => ({
  type: "dossier",
  id: "00000000-0000-4000-8000-0000000000d1",
  unitId: OWN,
  periodId: "00000000-0000-4000-8000-0000000000e1",
  status,
  recusedUserIds: declared ? [ME] : [],
});

describe("viewer classes", () => {
  it("follow the roles and the relation to the dossier", () => {
    const cls = (roles: Role[], unitId: string | null, declared = false) =>
      viewerClassOf({ id: ME, roles, unitId }, dossierOf("draft", declared));
    expect(cls([], null)).toBe("otherAgency");
    expect(viewerClassOf(null, dossierOf("draft", false))).toBe("public");
    expect(cls(["admin"], OWN)).toBe("admin");
    expect(cls(["leadership"], null)).toBe("leadership");
    expect(cls(["council_chair"], null)).toBe("chair");
    expect(cls(["council_member"], OTHER)).toBe("member");
    expect(cls(["council_member"], OWN)).toBe("recused");
    expect(cls(["council_member"], OTHER, true)).toBe("recused");
    expect(cls(["working_group"], null, true)).toBe("recused");
    expect(cls(["working_group"], null)).toBe("workingGroup");
    expect(cls(["agency_editor"], OWN)).toBe("ownAgency");
    expect(cls(["agency_head"], OTHER)).toBe("otherAgency");
    // The head of a unit who also sits on the council sees their dossier as their unit does.
    expect(cls(["agency_head", "council_member"], OWN)).toBe("ownAgency");
  });
});

describe("the policies agree with the rule, for every actor at every status", () => {
  const cases = actors().flatMap((a) => DOSSIER_STATUSES.map((status) => ({ ...a, status })));
  const anyField = (t: FieldTable, c: ViewerClass, status: (typeof DOSSIER_STATUSES)[number]) =>
    Object.keys(t.fields).some((p) => sees(t, p, c, status));

  it(`reading a dossier ⇔ seeing any of its fields; its council work ⇔ its internal notes (${cases.length} cases)`, () => {
    const wrong: string[] = [];
    for (const { label, actor, declared, status } of cases) {
      const d = dossierOf(status, declared);
      const c = viewerClassOf(actor, d);
      if (can(actor, "read", d) !== anyField(DOSSIER, c, status))
        wrong.push(`read: ${label} ${status} (${c})`);
      if (can(actor, "readCouncilWork", d) !== sees(DOSSIER, "leaves[].comments[internal].body", c, status))
        wrong.push(`readCouncilWork: ${label} ${status} (${c})`);
      const meeting = {
        type: "meeting" as const,
        periodId: d.periodId,
        status: "running" as const,
        dossier: d,
      };
      if (can(actor, "viewDocument", meeting) !== sees(PROJECTION, "leaves[].code", c, status))
        wrong.push(`viewDocument: ${label} ${status} (${c})`);
    }
    expect(wrong).toEqual([]);
  });

  it("the exports go to the classes that see every column of every dossier, whatever their relation to it", () => {
    const wrong: string[] = [];
    for (const { label, actor } of actors()) {
      const allowed = can(actor, "export", {
        type: "results",
        periodId: "p",
        periodStatus: "active",
        publicationStage: null,
      });
      // Whatever dossier and status: own or not, declared or not.
      const sees = DOSSIER_STATUSES.every((status) =>
        [false, true].every((declared) =>
          [OWN, OTHER].every((unitId) => {
            const c = viewerClassOf(actor, { ...dossierOf(status, declared), unitId });
            return Object.values(EXPORTS).every((t) =>
              Object.keys(t.fields).every((col) => seenAt(t.fields[col].seen[c], status)),
            );
          }),
        ),
      );
      if (allowed !== sees) wrong.push(label);
    }
    expect(wrong).toEqual([]);
  });

  it("the unit's own people see each council round from the status that releases it, never before", () => {
    expect(DOSSIER_STATUSES.map((s) => stagesSeen("ownAgency", s).join("+"))).toEqual([
      "self",
      "self",
      "self+round1",
      "self+round1",
      "self+round1+round2",
      "self+round1+round2+agreed",
      "self+round1+round2+agreed",
    ]);
    for (const s of DOSSIER_STATUSES) {
      expect(stagesSeen("member", s)).toEqual(["self", "round1", "round2", "agreed"]);
      expect(stagesSeen("recused", s)).toEqual([]);
      // Never an internal note, nor who wrote the council's stages or comments.
      for (const p of [
        "leaves[].comments[internal].body",
        "leaves[].comments[request].author",
        "leaves[].stages.round1.note",
        "leaves[].stages.round1.by",
        "leaves[].stages.round2.by",
        "leaves[].stages.agreed.by",
      ])
        expect([p, sees(DOSSIER, p, "ownAgency", s)]).toEqual([p, false]);
    }
  });
});

/** Every leaf path of a zod schema, as the rule names fields (`[kind]` for the comments' variants). */
function schemaPaths(schema: z.ZodType, table: FieldTable): string[] {
  const out: string[] = [];
  const walk = (s: z.ZodType, path: string) => {
    const def = (s as unknown as { def: { type: string } }).def;
    switch (def.type) {
      case "optional":
      case "nullable":
      case "default":
        return walk((s as unknown as { unwrap(): z.ZodType }).unwrap(), path);
      case "object":
        for (const [k, v] of Object.entries((s as z.ZodObject).shape))
          walk(v as z.ZodType, table.records?.includes(path) ? `${path}.*` : path ? `${path}.${k}` : k);
        return;
      case "record":
        return walk((s as unknown as { valueType: z.ZodType }).valueType, `${path}.*`);
      case "array": {
        const element = (s as z.ZodArray<z.ZodType>).element;
        const isLeaf = !["object", "array"].includes(
          (element as unknown as { def: { type: string } }).def.type,
        );
        if (isLeaf) return void out.push(path);
        if (table.variants?.[path]) for (const v of ["request", "internal"]) walk(element, `${path}[${v}]`);
        else walk(element, `${path}[]`);
        return;
      }
      default:
        out.push(path);
    }
  };
  walk(schema, "");
  return out;
}

describe("every field of every schema that carries dossier data has a rule", () => {
  const pairs: [FieldTable, z.ZodType][] = [
    [DOSSIER, ZDossierDetail],
    [DOSSIER_SUMMARY, ZDossierSummary],
    [RANKING_ROW, ZRankingRow],
    [DASHBOARD_UNIT, ZDashboardUnit],
    [PROGRESS_ROW, ZProgressRow],
    [UNIT_RESPONSIBILITY, ZUnitResponsibility],
    [RESPONSIBILITY_ROW, ZUnitResponsibility],
    [MEETING_AGENDA_ITEM, ZMeetingAgendaItem],
    [PROJECTION, ZMeetingProjection],
    [SNAPSHOT, ZSnapshot],
    [PUBLISHED_ROW, ZPublishedRow],
    [PUBLIC_ROW, ZPublishedRow],
  ];
  it.each(pairs.map(([t, s]) => [t.name, t, s] as const))("%s", (_name, table, schema) => {
    const paths = schemaPaths(schema, table);
    expect(paths.length).toBeGreaterThan(5);
    expect(paths.filter((p) => !table.fields[p])).toEqual([]);
  });

  it("every rule names each viewer class, and the council side sees every field at every status", () => {
    for (const t of VISIBILITY_TABLES)
      for (const [path, r] of Object.entries(t.fields)) {
        expect([t.name, path, Object.keys(r.seen).sort()]).toEqual([
          t.name,
          path,
          [...VIEWER_CLASSES].sort(),
        ]);
        // The admin reads everything (the matrix compares every viewer with the admin's copy) — except a unit's
        // notifications, which are its own people's.
        if (t.name !== "notification" && t.name !== "notification:new")
          expect([t.name, path, r.seen.admin]).toEqual([t.name, path, true]);
      }
    expect(Object.keys(LIVE_EVENTS).sort()).toEqual(
      [
        "comment:new:internal",
        "comment:new:request",
        "comment:update",
        "dossier:update",
        "meeting:focus",
        "meeting:projection",
        "notification:new",
        "ranking:update",
      ].sort(),
    );
  });
});

describe("redact", () => {
  const table: FieldTable = {
    name: "t",
    variants: { items: (e: { kind: string }) => e.kind },
    records: ["windows"],
    fields: {
      a: { seen: Object.fromEntries(VIEWER_CLASSES.map((c) => [c, true])) as never, hidden: "omit" },
      b: DOSSIER.fields["leaves[].stages.round1.by"],
      "c.x": DOSSIER.fields["leaves[].stages.round1.score"],
      "items[open]": DOSSIER.fields["leaves[].comments[request]"],
      "items[open].kind": DOSSIER.fields["leaves[].comments[request].kind"],
      "items[closed]": DOSSIER.fields["leaves[].comments[internal]"],
      "items[closed].kind": DOSSIER.fields["leaves[].comments[internal].kind"],
      "windows.*.open": DOSSIER.fields["windows.*.open"],
      rank: RANKING_ROW.fields.rank,
    },
  };
  const value = {
    a: 1,
    b: "Trần Văn A",
    c: { x: 2, y: "no rule" },
    secret: "no rule",
    items: [{ kind: "open" }, { kind: "closed" }],
    windows: { round1: { open: true, other: 1 } },
    rank: 3,
  };

  it("keeps what the class sees, nulls or omits the rest, and drops fields without a rule", () => {
    expect(redact(table, value, "member", "draft")).toEqual({
      a: 1,
      b: "Trần Văn A",
      c: { x: 2 },
      items: [{ kind: "open" }, { kind: "closed" }],
      windows: { round1: { open: true } },
      rank: 3,
    });
    expect(redact(table, value, "ownAgency", "self_submitted")).toEqual({
      a: 1,
      b: null,
      c: {},
      items: [{ kind: "open" }],
      windows: { round1: { open: true } },
      rank: null,
    });
    expect(redact(table, value, "ownAgency", "round1_done").c).toEqual({ x: 2 });
  });

  it("decides peer fields for the peer class", () => {
    expect(redact(table, value, "member", "draft", { peer: "recused" }).rank).toBeNull();
    expect(redact(table, value, "member", "published", { peer: "recused" }).rank).toBe(3);
  });
});
