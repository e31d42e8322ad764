import { useMe } from "../../../auth/AuthProvider";
import { workflowApi } from "../../../api/workflow";
import { useApi } from "../../../hooks/useApi";

/**
 * The areas the signed-in reviewer appraises in this period (null: all of them, e.g. the chair). Only shapes the
 * page — the server refuses any other area with 403 — so a failed lookup falls back to "all".
 */
export function useAssignedAreas(periodId: string, enabled: boolean): Set<string> | null {
  const me = useMe();
  const council = useApi(
    (signal) => (enabled ? workflowApi.council(periodId, signal).catch(() => null) : Promise.resolve(null)),
    [periodId, enabled],
  );
  const seat = council.data?.members.find((m) => m.userId === me.id);
  if (!seat || seat.role === "chair" || me.roles.includes("council_chair")) return null;
  // Bonus and penalty items are the whole council's (server rule in saveReview).
  return new Set([...seat.areaCodes, "B", "P"]);
}
