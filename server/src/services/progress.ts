import { dossierDeadline, type TProgressRow, type UnitExtension } from "@ca/shared";
import type { milestones as milestonesTable } from "../db/schema";
import type { loadPeriodScoring } from "../queries/periodScoring";

type Loaded = Awaited<ReturnType<typeof loadPeriodScoring>>[number];
type Milestone = typeof milestonesTable.$inferSelect;

/**
 * The admin's progress row for one dossier: what is missing, the deadline of the step it waits for (the unit's:
 * its extension honoured, the shared rule `dossierDeadline`) and whether that step is late.
 */
export function progressRow(
  d: Loaded,
  milestones: Milestone[],
  extensions: readonly UnitExtension<Date>[],
  now: Date,
): TProgressRow {
  const selfLeaves = d.state.leaves.filter((l) => l.method === "self" && !d.state.notApplicable.has(l.id));
  const scored = new Set(d.state.scores.filter((s) => s.stage === "self").map((s) => s.itemId));
  const evidenced = new Set(d.files.filter((f) => f.purpose === "evidence").map((f) => f.itemId));
  const next = dossierDeadline(d.status, milestones, extensions);
  return {
    dossierId: d.row.id,
    unit: { id: d.row.unitId, code: d.row.unitCode, name: d.row.unitName, unitType: d.row.unitTypeCode },
    status: d.status,
    unscored: d.status === "draft" ? selfLeaves.filter((l) => !scored.has(l.id)).length : 0,
    missingEvidence:
      d.status === "draft" ? selfLeaves.filter((l) => l.evidenceRequired && !evidenced.has(l.id)).length : 0,
    openRequests: d.comments.filter((c) => c.kind === "request" && c.status === "open").length,
    nextDeadline: next ? { key: next.key, deadline: next.deadline.toISOString() } : null,
    late: next !== null && now >= next.deadline,
  };
}
