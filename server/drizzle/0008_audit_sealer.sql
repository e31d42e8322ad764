ALTER TABLE "audit_log" ALTER COLUMN "prev_hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "seq" bigint;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_log_seq_idx" ON "audit_log" USING btree ("seq");--> statement-breakpoint
CREATE INDEX "audit_log_unsealed_idx" ON "audit_log" USING btree ("id") WHERE "audit_log"."seq" is null;--> statement-breakpoint
-- docs/targets.md P7: chaining at insert time (migration 0005) serialised every official write behind one lock held
-- until commit, so the whole server wrote at the pace of one disk flush after another (~160 writes/s). Now a
-- row is written unchained, in the transaction of its change, and one sealer chains committed rows moments
-- later, in `seq` order: the order the sealer saw them committed, which is the order that matters for a chain.
-- A row is unsealed for at most a sealer tick (the server runs it continuously; `audit:verify` runs it first).
DROP TRIGGER IF EXISTS audit_log_chain ON audit_log;
--> statement-breakpoint
DROP FUNCTION IF EXISTS audit_log_chain();
--> statement-breakpoint
-- Rows chained before this migration keep their hashes; their chain order was id order.
ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update;
--> statement-breakpoint
UPDATE audit_log SET seq = id;
--> statement-breakpoint
ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update;
--> statement-breakpoint
-- Still append-only: the one permitted update is the sealer filling in a row's chain fields, once, with every
-- recorded field unchanged.
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.seq IS NULL AND OLD.hash IS NULL AND NEW.seq IS NOT NULL AND NEW.hash IS NOT NULL
     AND NEW.prev_hash IS NOT NULL
     AND ROW(NEW.id, NEW.at, NEW.actor_id, NEW.actor_name, NEW.action, NEW.entity, NEW.entity_id,
             NEW.old_value, NEW.new_value, NEW.reason)
         IS NOT DISTINCT FROM
         ROW(OLD.id, OLD.at, OLD.actor_id, OLD.actor_name, OLD.action, OLD.entity, OLD.entity_id,
             OLD.old_value, OLD.new_value, OLD.reason) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- Chains up to max_rows committed, unsealed rows in id order after the last sealed row; returns how many. One
-- sealer at a time across instances: without `wait`, a second caller returns 0 at once.
CREATE OR REPLACE FUNCTION audit_seal(max_rows integer DEFAULT 10000, wait boolean DEFAULT false)
RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  r record;
  prev text;
  next_seq bigint;
  sealed integer := 0;
BEGIN
  IF wait THEN
    PERFORM pg_advisory_xact_lock(7210001);
  ELSIF NOT pg_try_advisory_xact_lock(7210001) THEN
    RETURN 0;
  END IF;
  SELECT seq, hash INTO next_seq, prev FROM audit_log WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1;
  next_seq := coalesce(next_seq, 0);
  prev := coalesce(prev, repeat('0', 64));
  FOR r IN SELECT * FROM audit_log WHERE seq IS NULL ORDER BY id LIMIT max_rows LOOP
    next_seq := next_seq + 1;
    UPDATE audit_log
       SET seq = next_seq,
           prev_hash = prev,
           hash = audit_row_hash(prev, r.at, r.actor_id, r.actor_name, r.action, r.entity, r.entity_id,
             r.old_value, r.new_value, r.reason)
     WHERE id = r.id
     RETURNING hash INTO prev;
    sealed := sealed + 1;
  END LOOP;
  RETURN sealed;
END;
$$;
