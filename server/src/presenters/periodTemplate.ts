import { centiToNumber, type TPeriodTemplate } from "@ca/shared";
import type { PeriodTemplate } from "../periodTemplates/types";

const KINDS = ["points", "levels", "yesno", "quantity"] as const;

/** A template as GET /api/period-templates lists it: its unit types with a summary of their index sets. */
export function presentPeriodTemplate(t: PeriodTemplate): TPeriodTemplate {
  return {
    key: t.key,
    name: t.name,
    nameEn: t.nameEn,
    description: t.description,
    unitTypes: t.unitTypes.map((u) => {
      const leaves = u.indexSet.items.filter(
        (i) => !u.indexSet.items.some((c) => c.code.startsWith(`${i.code}.`)),
      );
      const scorable = leaves.filter((l) => l.code.includes("."));
      return {
        code: u.code,
        name: u.name,
        nameEn: u.nameEn,
        indexSet: {
          code: u.indexSet.code,
          name: u.indexSet.name,
          leaves: scorable.length,
          kinds: KINDS.filter((k) => scorable.some((l) => (l.kind ?? "points") === k)),
        },
      };
    }),
    bands: t.bands.map((b) => ({
      code: b.code,
      label: b.label ?? b.code,
      labelEn: b.labelEn ?? b.code,
      minIndex: centiToNumber(b.minIndex),
    })),
    quotas: t.quotas.map((q) => ({
      band: q.band,
      maxPercent: q.maxPercent === undefined ? null : centiToNumber(q.maxPercent),
      maxUnits: q.maxUnits ?? null,
    })),
    timeline: t.timeline.map((m) => ({ ...m, key: m.key as TPeriodTemplate["timeline"][number]["key"] })),
  };
}
