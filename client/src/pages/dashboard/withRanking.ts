import type { TDashboard, TRankingRow } from "@ca/shared";

/** The dashboard with the ranking figures of a `ranking:update` (rows of units the viewer may not see stay hidden). */
export function withRanking(prev: TDashboard, rows: TRankingRow[], at: string): TDashboard {
  const byDossier = new Map(rows.map((r) => [r.dossierId, r]));
  return {
    ...prev,
    at,
    units: prev.units.map((u) => {
      const r = byDossier.get(u.dossierId);
      if (!r || u.hidden) return u;
      return {
        ...u,
        standing: r.standing,
        rank: r.rank,
        why: r.why,
        rankBeforeMeeting: r.rankBeforeMeeting,
        total: r.total,
        index: r.index,
        classification: r.classification,
        provisional: r.provisional,
        proposed: r.proposed,
        status: r.status,
      };
    }),
  };
}
