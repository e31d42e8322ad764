/**
 * The bare peer of P7 (tests/bench/peers.bench.ts): Express 5 and `pg` doing the durable work of an official score
 * write and nothing else (the score arrives in points and is stored in hundredths, as the product does) — BEGIN, upsert the score, insert the audit row, COMMIT (4 statements) — on tables made
 * `LIKE` the product's `scores` and `audit_log` (same columns, defaults and indexes) in the same database. No
 * session, no authorization, no checks, no logging. `GET /stats` gives this process's CPU time and the statements
 * sent. Run with plain node: PORT, HOST, DATABASE_URL.
 */
import express from "express";
import pg from "pg";

const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: 20,
  application_name: "bench-peer",
});
let statements = 0;
let failures = 0;
const query = (client, text, values) => {
  statements++;
  return client.query(text, values);
};

await pool.query(`create table if not exists bench_peer_scores (like scores including all)`);
await pool.query(`create table if not exists bench_peer_audit (like audit_log including all)`);

const app = express();
app.use(express.json());
app.get("/stats", (_req, res) => {
  const cpu = process.cpuUsage();
  res.json({ cpuMs: (cpu.user + cpu.system) / 1000, statements });
});
app.put("/scores/:dossierId/:itemId/:stage", async (req, res) => {
  const { dossierId, itemId, stage } = req.params;
  const { score, note, authorId, code } = req.body;
  const client = await pool.connect();
  try {
    await query(client, "begin");
    await query(
      client,
      `insert into bench_peer_scores (dossier_id, item_id, stage, score, note, author_id, updated_at)
       values ($1, $2, $3, $4, $5, $6, now())
       on conflict (dossier_id, item_id, stage)
       do update set score = excluded.score, note = excluded.note, author_id = excluded.author_id,
         updated_at = excluded.updated_at`,
      [dossierId, itemId, stage, Math.round(score * 100), note, authorId],
    );
    await query(
      client,
      `insert into bench_peer_audit (at, actor_id, action, entity, entity_id, new_value)
       values (now(), $1, $2, 'dossier', $3, $4)`,
      [authorId, `score.${stage}`, dossierId, JSON.stringify({ code, score, note })],
    );
    await query(client, "commit");
    res.json({ data: { code, score, note } });
  } catch (err) {
    await client.query("rollback").catch(() => undefined);
    if (!failures++) console.error(`first failed write: ${err}`);
    res.status(500).json({ error: String(err) });
  } finally {
    client.release();
  }
});
app.listen(Number(process.env.PORT), process.env.HOST ?? "127.0.0.1", () => console.log("ready"));
