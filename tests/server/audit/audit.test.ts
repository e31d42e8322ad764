import { asc, sql } from "drizzle-orm";
import { auditLog } from "@ca/server/src/db/schema";
import { verifyAuditChain } from "@ca/server/src/audit/verifyAuditChain";
import { appendAudit } from "@ca/server/src/audit/appendAudit";
import { AUDIT_SEAL_INTERVAL_MS } from "@ca/server/src/audit/auditSealer";
import { startTestApp, type TestApp } from "../../support/testApp";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  const admin = await app.login("admin");
  const period = (await admin.get("/api/periods")).body.data[0];
  for (let i = 0; i < 5; i++)
    await admin
      .put(`/api/periods/${period.id}/milestones/plan`)
      .send({ startsAt: null, deadline: `2023-10-0${i + 1}T23:59:59+07:00`, reason: `Lý do ${i}` });
});
afterAll(() => app.close());

describe("audit log", () => {
  it("verifies an intact chain", async () => {
    const result = await verifyAuditChain(app.ctx.database.db, app.ctx.audit);
    expect(result.ok).toBe(true);
    expect(result.rows).toBeGreaterThan(5);
  });

  it("keeps the chain straight under concurrent writers", async () => {
    const db = app.ctx.database.db;
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        db.transaction((tx) =>
          appendAudit(tx, { actor: null, action: "test.concurrent", entity: "test", entityId: String(i) }),
        ),
      ),
    );
    expect((await verifyAuditChain(db, app.ctx.audit)).ok).toBe(true);
  });

  it("chains a committed row within a sealer tick, without the writer waiting for it", async () => {
    const db = app.ctx.database.db;
    await db.transaction((tx) =>
      appendAudit(tx, { actor: null, action: "test.sealed", entity: "test", entityId: "tick" }),
    );
    const row = async () =>
      (
        await db
          .select()
          .from(auditLog)
          .where(sql`${auditLog.action} = 'test.sealed'`)
      )[0];
    const deadline = Date.now() + 4 * AUDIT_SEAL_INTERVAL_MS + 1000;
    while ((await row()).seq === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const sealed = await row();
    expect(sealed.seq).not.toBeNull();
    expect(sealed.hash).toMatch(/^[0-9a-f]{64}$/);
    expect((await verifyAuditChain(db, app.ctx.audit)).ok).toBe(true);
  });

  it("lets the seal fill in only the chain fields, and only once", async () => {
    const db = app.ctx.database.db;
    const [row] = await db
      .insert(auditLog)
      .values({ at: new Date(), action: "test.reseal", entity: "test" })
      .returning();
    const refused = { cause: expect.objectContaining({ message: expect.stringMatching(/append-only/) }) };
    // Sealing while changing a recorded field is refused.
    await expect(
      db.execute(
        sql`update audit_log set seq = 999999, prev_hash = 'x', hash = 'y', reason = 'changed' where id = ${row.id}`,
      ),
    ).rejects.toMatchObject(refused);
    await verifyAuditChain(db, app.ctx.audit);
    // Once sealed, even the chain fields are fixed.
    await expect(
      db.execute(sql`update audit_log set hash = repeat('0', 64) where id = ${row.id}`),
    ).rejects.toMatchObject(refused);
  });

  it("refuses updates and deletes at the database", async () => {
    const db = app.ctx.database.db;
    await expect(db.execute(sql`update audit_log set reason = 'x'`)).rejects.toMatchObject({
      cause: expect.objectContaining({ message: expect.stringMatching(/append-only/) }),
    });
    await expect(db.execute(sql`delete from audit_log`)).rejects.toMatchObject({
      cause: expect.objectContaining({ message: expect.stringMatching(/append-only/) }),
    });
  });

  it.each(["reason", "new_value", "at", "prev_hash"])(
    "reports the first broken row when one byte of %s changes",
    async (column) => {
      const db = app.ctx.database.db;
      const rows = await db.select().from(auditLog).orderBy(asc(auditLog.id));
      const target = rows[Math.floor(rows.length / 2)];
      // Tampering needs the trigger out of the way, as an attacker with database access would do.
      await db.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
      const original = await db.execute(
        sql`select ${sql.raw(column)}::text as v from audit_log where id = ${target.id}`,
      );
      const value = (original as unknown as { rows: { v: string | null }[] }).rows[0].v;
      try {
        if (column === "reason")
          await db.execute(
            sql`update audit_log set reason = coalesce(reason, '') || 'x' where id = ${target.id}`,
          );
        if (column === "new_value")
          await db.execute(
            sql`update audit_log set new_value = jsonb_build_object('x', 1) where id = ${target.id}`,
          );
        if (column === "at")
          await db.execute(
            sql`update audit_log set at = at + interval '1 millisecond' where id = ${target.id}`,
          );
        if (column === "prev_hash")
          await db.execute(
            sql`update audit_log set prev_hash = (case when left(prev_hash, 1) = '0' then '1' else '0' end) || substr(prev_hash, 2) where id = ${target.id}`,
          );
        const result = await verifyAuditChain(db, app.ctx.audit);
        expect(result).toMatchObject({ ok: false, brokenAt: target.id });
      } finally {
        await db.execute(
          sql`update audit_log set ${sql.raw(column)} = ${value}::${sql.raw(column === "at" ? "timestamptz" : column === "new_value" ? "jsonb" : "text")} where id = ${target.id}`,
        );
        await db.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
      }
      expect((await verifyAuditChain(db, app.ctx.audit)).ok).toBe(true);
    },
  );
});
