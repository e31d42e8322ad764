/**
 * Official writes under a database fault (R2, docs/operations.md): agency editors, one per training dossier, each
 * scoring its own self-assessment leaves one after the other and recording every answer; then the check that every
 * write answered 2xx is in the database. Used by the PostgreSQL restart (tests/fault) and by the terminated
 * connections on the shared server (tests/services).
 */
import { and, eq, inArray, notInArray } from "drizzle-orm";
import type { Db } from "@ca/server/src/db/client";
import { dossiers, indexItems, periods, scores, units } from "@ca/server/src/db/schema";
import { HttpSession, sleep } from "./liveLoad";

export interface OfficialWriter {
  session: HttpSession;
  dossierId: string;
  leaves: { code: string; maxPoints: number; step: number }[];
}

export interface OfficialWrite {
  writer: number;
  /** Its sequence number within its writer, also written in the score's note. */
  n: number;
  code: string;
  score: number;
  /** The HTTP status, or the network error's code when no answer came. */
  status: number | string;
  errorCode?: string;
  retryAfter?: string | null;
  sentAt: number;
  answeredAt: number;
}

export const isAcknowledged = (w: OfficialWrite) =>
  typeof w.status === "number" && w.status >= 200 && w.status < 300;

/** Neither a 2xx nor the 503 `database_unavailable` with Retry-After that a write may get while the database is away. */
export const isUnexpected = (w: OfficialWrite) =>
  !isAcknowledged(w) && !(w.status === 503 && w.errorCode === "database_unavailable" && !!w.retryAfter);

/** `n` draft dossiers of the training period (whose self-assessment window is open), other units than `exclude`. */
export async function trainingDrafts(db: Db, n: number, exclude: readonly string[] = []) {
  const [training] = await db.select({ id: periods.id }).from(periods).where(eq(periods.kind, "training"));
  return db
    .select({ id: dossiers.id, unitId: units.id, code: units.code })
    .from(dossiers)
    .innerJoin(units, eq(units.id, dossiers.unitId))
    .where(
      and(
        eq(dossiers.periodId, training.id),
        eq(dossiers.status, "draft"),
        exclude.length ? notInArray(units.code, [...exclude]) : undefined,
      ),
    )
    .orderBy(units.code)
    .limit(n);
}

/** Creates (as the admin) one agency editor per dossier, signed in, with the dossier's self-scored leaves. */
export async function agencyWriters(
  admin: HttpSession,
  targets: { id: string; unitId: string }[],
  prefix: string,
): Promise<OfficialWriter[]> {
  return Promise.all(
    targets.map(async (t, i) => {
      const username = `${prefix}.${i}`;
      await admin.json("POST", "/api/users", {
        username,
        fullName: `Cán bộ nhập liệu ${prefix} ${i}`,
        password: "Fault12345",
        roles: ["agency_editor"],
        unitId: t.unitId,
      });
      const session = await new HttpSession(admin.base, admin.origin).login(username, "Fault12345");
      const leaves = (
        (await session.json("GET", `/api/dossiers/${t.id}`)).data.leaves as {
          code: string;
          method: string;
          maxPoints: number;
          step: number;
          kind: string;
        }[]
      ).filter((l) => l.method === "self" && l.kind === "points" && l.maxPoints >= l.step);
      return { session, dossierId: t.id, leaves };
    }),
  );
}

/** Each writer writes its leaves in turn until `stopped()`, pushing every answer onto `writes`. */
export function writeUntil(
  writers: OfficialWriter[],
  stopped: () => boolean,
  writes: OfficialWrite[],
): Promise<void>[] {
  return writers.map(async (w, writer) => {
    for (let n = 0; !stopped(); n++) {
      const leaf = w.leaves[n % w.leaves.length];
      const steps = Math.round(leaf.maxPoints / leaf.step);
      const score = Math.round(((n % steps) + 1) * leaf.step * 100) / 100;
      const write: OfficialWrite = {
        writer,
        n,
        code: leaf.code,
        score,
        status: "",
        sentAt: Date.now(),
        answeredAt: 0,
      };
      try {
        const res = await w.session.request("PUT", `/api/dossiers/${w.dossierId}/items/${leaf.code}/self`, {
          score,
          note: `fault ${n}`,
        });
        const body = (await res.json().catch(() => null)) as { error?: { code: string } } | null;
        write.status = res.status;
        write.errorCode = body?.error?.code;
        write.retryAfter = res.headers.get("retry-after");
      } catch (err) {
        write.status = (err as { cause?: { code?: string } }).cause?.code ?? String(err);
      }
      write.answeredAt = Date.now();
      writes.push(write);
      // A client told to retry waits a moment, as a browser would (one with no answer at all too).
      if (!isAcknowledged(write)) await sleep(50);
    }
  });
}

/**
 * The acknowledged writes the database does not hold. Each writer writes in sequence, so a leaf must hold its last
 * acknowledged write, or a later one that was sent: a write answered 503 may still have committed (the answer was
 * lost, not the write).
 */
export async function lostWrites(
  db: Db,
  writers: OfficialWriter[],
  writes: OfficialWrite[],
): Promise<string[]> {
  const rows = await db
    .select({ dossierId: scores.dossierId, code: indexItems.code, score: scores.score, note: scores.note })
    .from(scores)
    .innerJoin(indexItems, eq(indexItems.id, scores.itemId))
    .where(
      and(
        inArray(
          scores.dossierId,
          writers.map((w) => w.dossierId),
        ),
        eq(scores.stage, "self"),
      ),
    );
  const stored = new Map(rows.map((r) => [`${r.dossierId}/${r.code}`, r]));
  const lost: string[] = [];
  for (const w of writes.filter(isAcknowledged)) {
    const row = stored.get(`${writers[w.writer].dossierId}/${w.code}`);
    const n = row ? Number(row.note.replace("fault ", "")) : -1;
    const sent = writes.some((o) => o.writer === w.writer && o.n === n);
    const ok = row && (n === w.n ? row.score === Math.round(w.score * 100) : n > w.n && sent);
    if (!ok)
      lost.push(`writer ${w.writer} #${w.n} ${w.code}=${w.score}: database has ${JSON.stringify(row)}`);
  }
  return lost;
}

/** Counts of each value. */
export const countBy = (xs: string[]) =>
  xs.reduce<Record<string, number>>((m, x) => ((m[x] = (m[x] ?? 0) + 1), m), {});
