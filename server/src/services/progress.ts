import type { TProgressRow } from "@ca/shared";
import type { milestones as milestonesTable } from "../db/schema";
import type { loadPeriodScoring } from "../queries/periodScoring";

type Loaded = Awaited<ReturnType<typeof loadPeriodScoring>>[number];
type Milestone = typeof milestonesTable.$inferSelect;

// The milestone a dossier in each state is waiting for, and who owes it.
const NEXT_STEP: Record<string, string | null> = {
  draft: "self_assessment",
  self_submitted: "round1",
  round1_done: "explanation",
  explained: "round2",
  round2_done: "meeting",
  agreed: "publication",
  published: null,
};

/** The admin's progress row for one dossier: what is missing and whether its current step is late. */
export function progressRow(
  d: Loaded,
  milestones: Milestone[],
  extensions: Map<string, Date>,
  now: Date,
): TProgressRow {
  const selfLeaves = d.state.leaves.filter((l) => l.method === "self" && !d.state.notApplicable.has(l.id));
  const scored = new Set(d.state.scores.filter((s) => s.stage === "self").map((s) => s.itemId));
  const evidenced = new Set(d.files.filter((f) => f.purpose === "evidence").map((f) => f.itemId));
  const key = NEXT_STEP[d.status];
  const milestone = key ? milestones.find((m) => m.key === key) : undefined;
  const extended = key ? extensions.get(`${d.row.id}:${key}`) : undefined;
  const deadline = milestone
    ? extended && extended > milestone.deadline
      ? extended
      : milestone.deadline
    : null;
  return {
    dossierId: d.row.id,
    unit: { id: d.row.unitId, code: d.row.unitCode, name: d.row.unitName, unitType: d.row.unitTypeCode },
    status: d.status,
    unscored: d.status === "draft" ? selfLeaves.filter((l) => !scored.has(l.id)).length : 0,
    missingEvidence:
      d.status === "draft" ? selfLeaves.filter((l) => l.evidenceRequired && !evidenced.has(l.id)).length : 0,
    openRequests: d.comments.filter((c) => c.kind === "request" && c.status === "open").length,
    nextDeadline: key && deadline ? { key, deadline: deadline.toISOString() } : null,
    late: deadline !== null && now >= deadline,
  };
}
