import type { Db } from "../db/client";
import { loadPeriodScoring } from "../queries/periodScoring";
import { loadClassificationDecisions } from "../queries/classification";
import type { ClassificationDecisions } from "./rankingTable";

export type ScoringRows = Awaited<ReturnType<typeof loadPeriodScoring>>;
export interface RankingBase {
  rows: ScoringRows;
  decisions: ClassificationDecisions;
}

/**
 * The period's dossiers that have an index set, with everything scoring reads, and the council's classification
 * decisions (band caps, tie decisions): the base of every ranking.
 */
export async function loadRankingBase(db: Db, periodId: string): Promise<RankingBase> {
  baseReads.period++;
  const [scoring, decisions] = await Promise.all([
    loadPeriodScoring(db, periodId),
    loadClassificationDecisions(db, periodId),
  ]);
  return { rows: scoring.filter((d) => d.hasIndexSet), decisions };
}

/** How often a whole period's base was read, and how often a few dossiers of one (tests read it). */
export const baseReads = { period: 0, dossiers: 0 };

export type Cached<T> = { at: number; value: Promise<T> };

/** A per-database, per-period cached promise; a failed one is not kept, so the next call tries again. */
export function cached<T>(
  store: WeakMap<Db, Map<string, Cached<T>>>,
  db: Db,
  periodId: string,
  ttlMs: number,
  compute: () => Promise<T>,
): Promise<T> {
  const entries = store.get(db) ?? new Map<string, Cached<T>>();
  store.set(db, entries);
  let entry = entries.get(periodId);
  if (!entry || Date.now() - entry.at > ttlMs) {
    const fresh: Cached<T> = { at: Date.now(), value: compute() };
    entries.set(periodId, fresh);
    fresh.value.catch(() => entries.get(periodId) === fresh && entries.delete(periodId));
    entry = fresh;
  }
  return entry.value;
}

/** How long a base is kept at most, as a safety net against a missed drop. */
export const BASE_MS = 30_000;
const bases = new WeakMap<Db, Map<string, Cached<RankingBase>>>();
/** Dossiers whose part of a cached base is to be read again, per period. */
const staleDossiers = new WeakMap<Db, Map<string, Set<string>>>();

/**
 * Drops the period's cached base; with `dossierId`, only that dossier's part, read again at the next use: an
 * official write then costs the next ranking one dossier's rows, not the period's thousands (docs/performance.md,
 * P7). Returns whether the whole base went.
 */
export function dropBase(db: Db, periodId: string, dossierId?: string): boolean {
  if (dossierId && bases.get(db)?.has(periodId)) {
    const perPeriod = staleDossiers.get(db) ?? new Map<string, Set<string>>();
    staleDossiers.set(db, perPeriod);
    perPeriod.set(periodId, (perPeriod.get(periodId) ?? new Set()).add(dossierId));
    return false;
  }
  bases.get(db)?.delete(periodId);
  staleDossiers.get(db)?.delete(periodId);
  return true;
}

/**
 * The period's cached base with its stale dossiers read again. Every dossier marked before the read began is in it:
 * a dossier is marked after its change committed (the dispatcher runs after the command), and one marked while the
 * read runs stays marked for the next.
 */
export function currentBase(db: Db, periodId: string): Promise<RankingBase> {
  const base = cached(bases, db, periodId, BASE_MS, () => loadRankingBase(db, periodId));
  const stale = staleDossiers.get(db)?.get(periodId);
  const entries = bases.get(db)!;
  const entry = entries.get(periodId);
  if (!stale?.size || !entry) return base;
  const ids = [...stale];
  stale.clear();
  const refreshed: Cached<RankingBase> = {
    at: entry.at,
    value: base.then((b) => withDossiers(db, b, periodId, ids)),
  };
  entries.set(periodId, refreshed);
  refreshed.value.catch(() => entries.get(periodId) === refreshed && entries.delete(periodId));
  return refreshed.value;
}

/** The base with these dossiers' rows read again; the whole base again if the period's set of dossiers moved. */
async function withDossiers(
  db: Db,
  base: RankingBase,
  periodId: string,
  ids: string[],
): Promise<RankingBase> {
  baseReads.dossiers++;
  const fresh = new Map(
    (await loadPeriodScoring(db, periodId, ids)).filter((d) => d.hasIndexSet).map((d) => [d.row.id, d]),
  );
  const known = new Set(base.rows.map((d) => d.row.id));
  if (!ids.every((id) => known.has(id) === fresh.has(id))) return loadRankingBase(db, periodId);
  return { ...base, rows: base.rows.map((d) => fresh.get(d.row.id) ?? d) };
}
