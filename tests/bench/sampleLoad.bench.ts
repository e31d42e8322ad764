/**
 * How long the sample takes to load (it runs at every test start), and how much of it is the 2023 history
 * (issue 6). Prints the figures; run with `npx tsx tests/bench/sampleLoad.bench.ts`.
 */
import os from "node:os";
import { eq } from "drizzle-orm";
import { openPglite } from "@ca/server/src/db/client";
import { useFastHashing } from "@ca/server/src/auth/password";
import * as t from "@ca/server/src/db/schema";
import { clonePeriod } from "@ca/server/src/commands/clonePeriod";
import { loadSample } from "@ca/seeds";
import { loadSampleHistory } from "../../seeds/src/sampleHistory";

async function main() {
  useFastHashing(true);
  const runs: { total: number; history: number }[] = [];
  for (let i = 0; i < 3; i++) {
    const database = await openPglite("memory://");
    await database.migrate();
    const started = performance.now();
    await loadSample(database.db);
    const total = performance.now() - started;
    // The history's own cost: the same loader on a fresh copy of the 2023 period (same units, same index sets).
    const db = database.db;
    const [p2023] = await db.select().from(t.periods).where(eq(t.periods.code, "2023"));
    const user = (name: string) =>
      db
        .select()
        .from(t.users)
        .where(eq(t.users.username, name))
        .then((r) => r[0]);
    const [admin, chair, wg] = await Promise.all([user("admin"), user("chair"), user("wg")]);
    const copy = await clonePeriod({
      db,
      actor: admin,
      periodId: p2023.id,
      input: { code: `bench-${i}`, name: "Bench" },
    });
    const historyStarted = performance.now();
    await db.transaction((tx) =>
      loadSampleHistory(tx, {
        periodId: copy.id,
        chairId: chair.id,
        councilId: wg.id,
        adminId: admin.id,
        chairName: chair.fullName,
      }),
    );
    runs.push({ total, history: performance.now() - historyStarted });
    await database.close();
  }
  const fmt = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(", ");
  console.log(
    `sample load (PGlite, ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}): total ${fmt(runs.map((r) => r.total))} ms; ` +
      `of which the 2023 history ≈ ${fmt(runs.map((r) => r.history))} ms`,
  );
}
void main();
