import {
  definitionOfLeaf,
  derivePoints,
  scaleProblem,
  type ScoreProblem,
  type ScoreProblemVars,
  type TAdjustment,
} from "@ca/shared";
import type { MeetingLeaf, ProjectionContext } from "../queries/projectionContext";

export type { MeetingLeaf, ProjectionContext };

/** A refused proposal says why in the shared vocabulary (both languages: `scoreProblemMessage`). */
export type Verdict = { valid: true } | { valid: false; problem: ScoreProblem; vars: ScoreProblemVars };

const refuse = (problem: ScoreProblem, vars: ScoreProblemVars = {}): Verdict => ({
  valid: false,
  problem,
  vars,
});

/**
 * docs/architecture.md: a proposal counts only when it is in range, on the step, on an unlocked leaf the council
 * scores, and made by a permitted member. `author` is who actually sent it — the connection's user — or null for a
 * proposal read back from storage, whose stored author must then be a permitted proposer. The range and step are
 * the shared rule's (`scaleProblem`, `derivePoints`), the same the REST routes and the screens apply.
 */
export function judgeAdjustment(
  ctx: ProjectionContext,
  code: string,
  adj: TAdjustment,
  author: string | null,
): Verdict {
  const leaf = ctx.leaves.get(code);
  if (!leaf) return refuse("unknown_leaf");
  if (ctx.locked.has(code)) return refuse("locked");
  if (!leaf.applicable) return refuse("not_applicable");
  if (leaf.method === "survey") return refuse("survey_leaf");
  if (author !== null && adj.by !== author) return refuse("author_mismatch");
  if (!ctx.proposers.has(adj.by)) return refuse("not_a_proposer");
  if (leaf.scoringKind !== "points") return judgeKindAnswer(leaf, adj);
  if (adj.level !== undefined || adj.figures !== undefined) return refuse("points_only");
  const problem = scaleProblem(adj.score, leaf.maxPoints, leaf.step);
  return problem ? refuse(problem, { max: leaf.maxPoints, step: leaf.step }) : { valid: true };
}

/**
 * A proposal on a `levels`, `yesno` or `quantity` leaf proposes the level or the figures; the points are derived
 * from them here, and a proposal whose `score` says otherwise is refused (a client deriving differently).
 */
function judgeKindAnswer(leaf: MeetingLeaf, adj: TAdjustment): Verdict {
  const def = definitionOfLeaf(leaf);
  const answer =
    def.kind === "quantity"
      ? adj.figures && adj.level === undefined && { figures: adj.figures }
      : adj.level !== undefined && adj.figures === undefined && { level: adj.level };
  const derived = answer ? derivePoints(def, answer) : ({ ok: false, problem: "wrong_kind" } as const);
  if (!derived.ok) return refuse(derived.problem, { max: leaf.maxPoints, step: leaf.step });
  if (derived.points !== adj.score) return refuse("derived_mismatch", { points: derived.points });
  return { valid: true };
}
