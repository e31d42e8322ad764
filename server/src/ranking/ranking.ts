import {
  peerClasses,
  RANKING_ROW,
  redact,
  sees,
  viewerClassOf,
  type Actor,
  type DossierResource,
  type TRankingRow,
} from "@ca/shared";
import type { Db } from "../db/client";
import { loadPeriod, type PeriodRules } from "../queries/periods";
import { councilStages, isAppraised, type ScoreStage } from "../services/dossierScoring";
import { totalsInColumns } from "./scoringColumns";
import { hiddenFrom, rankAndClassify, rankedUnitOf } from "./rankingTable";
import {
  BASE_MS,
  cached,
  currentBase,
  dropBase,
  loadRankingBase,
  type Cached,
  type RankingBase,
  type ScoringRows,
} from "./rankingBase";

const FINAL = new Set(["agreed", "published"]);

/** One ranked dossier with every figure, and the resource that says who is recused on it. */
interface RankedDossier {
  row: TRankingRow;
  resource: DossierResource;
}

/** The ranking inputs of the period's dossiers at the given stages (with live proposals when given). */
function inputsOf(
  rows: ScoringRows,
  stagesOf: (d: ScoringRows[number]) => Set<ScoreStage>,
  proposals?: ReadonlyMap<string, ReadonlyMap<string, number>>,
) {
  return rows.map((d) => {
    const stages = stagesOf(d);
    const own = proposals?.get(d.row.id);
    return {
      d,
      unit: { id: d.row.unitId, code: d.row.unitCode, name: d.row.unitName, unitType: d.row.unitTypeCode },
      // In columns: what unitInputOf + computeUnitTotals give, without a per-leaf object (docs/performance.md).
      totals: totalsInColumns(d.state, stages, own),
      appraised: isAppraised(d.status, d.state, stages, own),
    };
  });
}

/** Ranks every dossier of the period per unit type (docs/domain.md §3), every figure present, in the one ranking order. */
function rankPeriod(
  { rows, decisions }: RankingBase,
  rules: PeriodRules,
  proposals?: ReadonlyMap<string, ReadonlyMap<string, number>>,
): RankedDossier[] {
  return rankPeriodWithCuts({ rows, decisions }, rules, proposals).ranked;
}

/** The period's ranking, and the quota cuts a tie straddles (for the council to decide). */
function rankPeriodWithCuts(
  { rows, decisions }: RankingBase,
  rules: PeriodRules,
  proposals?: ReadonlyMap<string, ReadonlyMap<string, number>>,
) {
  // Every stage counts in the council's provisional ranking; unconfirmed drafts never do (see unitInputOf).
  const { placed, cuts } = rankAndClassify(
    inputsOf(rows, (d) => councilStages(d.status), proposals),
    rules,
    decisions,
  );
  const before = ranksBeforeMeeting({ rows, decisions }, rules);
  const ranked = placed.map((p) => {
    const { d } = p.input;
    const row: TRankingRow = {
      ...rankedUnitOf(p),
      dossierId: d.row.id,
      rankBeforeMeeting: before.get(d.row.id) ?? null,
      provisional: !FINAL.has(d.status),
      proposed: (proposals?.get(d.row.id)?.size ?? 0) > 0,
      status: d.status,
    };
    return { row, resource: d.resource };
  });
  return { ranked, cuts };
}

/**
 * Before the meeting: what the council had when it sat down (round scores, no agreement, no proposals). It depends
 * on the base and the rules only, so it is ranked once per loaded base (and rules), not on every proposal moved
 * (docs/performance.md, P1).
 */
function ranksBeforeMeeting(
  { rows, decisions }: RankingBase,
  rules: PeriodRules,
): Map<string, number | null> {
  const key = JSON.stringify(rules);
  const kept = beforeMemo.get(rows);
  if (kept?.key === key) return kept.ranks;
  const ranks = new Map(
    rankAndClassify(
      inputsOf(rows, (d) => withoutAgreed(councilStages(d.status))),
      rules,
      decisions,
    ).placed.map((p) => [p.input.d.row.id, p.rank]),
  );
  beforeMemo.set(rows, { key, ranks });
  return ranks;
}

const beforeMemo = new WeakMap<ScoringRows, { key: string; ranks: Map<string, number | null> }>();

/**
 * The quota cuts of the period's current ranking that a tie straddles, decided or not, with every figure: what the
 * council is shown to decide (routes/classification.ts; only the council side reads it).
 */
export async function quotaCuts(db: Db, periodId: string, rules: PeriodRules) {
  return rankPeriodWithCuts(await loadRankingBase(db, periodId), rules).cuts;
}

function withoutAgreed<T extends string>(stages: Set<T>): Set<T> {
  const out = new Set(stages);
  out.delete("agreed" as T);
  return out;
}

/**
 * What one viewer sees of the ranking (docs/visibility.md, RANKING_ROW): a member recused on a unit sees it listed
 * without figures until publication, placed last of its unit type rather than at its rank, and no rank at all in
 * that unit type — the ranks around a hidden one would give it away (S3).
 */
export function redactRanking<T extends { row: TRankingRow; resource: DossierResource }>(
  ranked: T[],
  viewer: Actor,
  unitTypeCode?: string,
): TRankingRow[] {
  const rows = ranked.filter((r) => !unitTypeCode || r.row.unit.unitType === unitTypeCode);
  const classes = rows.map((r) => viewerClassOf(viewer, r.resource));
  const figures = (i: number) => sees(RANKING_ROW, "total", classes[i], rows[i].row.status);
  const peer = peerClasses(
    RANKING_ROW,
    rows.map((r, i) => ({ group: r.row.unit.unitType, viewer: classes[i], status: r.row.status })),
    "total",
  );
  const out = rows.map((r, i) => {
    const hidden = !figures(i);
    // A hidden row says so (`standing`), and keeps no trace of its rank.
    const row = hidden ? { ...hiddenFrom(r.row), rankBeforeMeeting: null, proposed: null } : r.row;
    return {
      hidden,
      row: redact(RANKING_ROW, row, classes[i], r.row.status, { peer: peer.get(r.row.unit.unitType) }),
    };
  });
  // Stable: each unit type keeps its order, its hidden rows moved to its end.
  const typeOrder = [...new Set(out.map((o) => o.row.unit.unitType))];
  return out
    .map((o, i) => ({ ...o, i }))
    .sort(
      (a, b) =>
        typeOrder.indexOf(a.row.unit.unitType) - typeOrder.indexOf(b.row.unit.unitType) ||
        Number(a.hidden) - Number(b.hidden) ||
        a.i - b.i,
    )
    .map((o) => o.row);
}

/**
 * The period's ranking per unit type (docs/domain.md §3), from the latest confirmed stage of every dossier (with the
 * running meetings' valid proposals when given). Rows of dossiers the viewer is recused on keep their unit and
 * status but hide total, index, class and rank (S3).
 */
export async function computeRanking(
  db: Db,
  periodId: string,
  rules: PeriodRules,
  viewer: Actor,
  unitTypeCode?: string,
  /** Valid proposals of running meetings, by dossier (see MeetingProjections.proposalsOfPeriod). */
  proposals?: ProposalsByDossier,
): Promise<TRankingRow[]> {
  return redactRanking(
    rankPeriod(await loadRankingBase(db, periodId), rules, proposals),
    viewer,
    unitTypeCode,
  );
}

// A live dashboard refetches the ranking on every `ranking:update` (up to 4 a second); with a thousand of them
// open, computing it per request would be a thousand full recomputes per update. So the ranking is computed once
// per change and shared. Two caches: the base (every dossier's official scores, read from the database) is dropped
// when something official changes — only the changed dossier's part when one dossier's figures moved
// (`invalidateRanking`, which the dispatcher calls on the events commands return, events/dispatcher.ts); the ranking
// on top of it is dropped also when a meeting proposal moves (`invalidateProvisional`), and is then recomputed in
// memory from the base and the proposals: no database read per proposal (docs/targets.md P2, P3). Both also expire,
// as a safety net against a missed invalidation.
const RANKED_MS = 2_000;
const cache = new WeakMap<Db, Map<string, Cached<RankedDossier[]>>>();
const rulesCache = new WeakMap<Db, Map<string, Cached<PeriodRules>>>();

/**
 * Drops the cached ranking of a period and its base (something official in it changed); with `dossierId`, only
 * that dossier's figures moved, and only its part of the base is read again (rankingBase.ts).
 */
export function invalidateRanking(db: Db, periodId: string, dossierId?: string): void {
  cache.get(db)?.delete(periodId);
  if (dropBase(db, periodId, dossierId)) rulesCache.get(db)?.delete(periodId);
}

/** Drops the cached ranking of a period but keeps its base: only meeting proposals moved. */
export function invalidateProvisional(db: Db, periodId: string): void {
  cache.get(db)?.delete(periodId);
}

/**
 * The running meetings' valid proposals of a period, dossier id → leaf code → hundredths: handed in by the caller
 * (the Yjs endpoint's projections, collab/meetingProjections.ts), read only when the ranking is computed again.
 */
export type LiveProposals = (periodId: string) => Promise<ProposalsByDossier | undefined>;
export type ProposalsByDossier = ReadonlyMap<string, ReadonlyMap<string, number>>;

/** No meeting runs here (scripts, an app without its Yjs endpoint). */
export const noLiveProposals: LiveProposals = async () => undefined;

/**
 * The ranking as the live dashboards show it: the official scores from the database with the running meetings'
 * valid proposals (`proposals`) on top. Both are cached per period until the ranking drops are told (ranking.ts's
 * `invalidateRanking`, `invalidateProvisional`).
 */
export async function liveRanking(
  db: Db,
  proposals: LiveProposals,
  periodId: string,
  rules: PeriodRules,
  viewer: Actor,
  unitTypeCode?: string,
): Promise<TRankingRow[]> {
  const ranked = await cached(cache, db, periodId, RANKED_MS, async () => {
    const [base, live] = await Promise.all([currentBase(db, periodId), proposals(periodId)]);
    return rankPeriod(base, rules, live);
  });
  return redactRanking(ranked, viewer, unitTypeCode);
}

// Pushed rankings show every figure: they go only to sockets whose user is recused on nothing in the period.
const EVERY_FIGURE: Actor = { id: "00000000-0000-0000-0000-000000000000", roles: ["admin"], unitId: null };

/** The period's live ranking with every figure, for `ranking:update` (see realtime/liveEvents.ts). */
export async function liveRankingRows(
  db: Db,
  proposals: LiveProposals,
  periodId: string,
): Promise<TRankingRow[]> {
  // The rules are kept like the base, dropped with it: a push per proposal moved reads no period row.
  const rules = await cached(rulesCache, db, periodId, BASE_MS, async () => {
    const { period } = await loadPeriod(db, periodId);
    return period.rules as PeriodRules;
  });
  return liveRanking(db, proposals, periodId, rules, EVERY_FIGURE);
}
