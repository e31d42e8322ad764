ALTER TABLE "login_failures" ADD COLUMN "device" text;--> statement-breakpoint
CREATE INDEX "login_failures_account_idx" ON "login_failures" USING btree ("username","at");--> statement-breakpoint
CREATE INDEX "login_failures_ip_idx" ON "login_failures" USING btree ("ip","at");--> statement-breakpoint
-- The audit chain becomes keyed (issue 13 point 5): each row's hash is an HMAC-SHA-256 whose key (AUDIT_KEY) stays
-- outside the database, computed by the server's sealer (server/src/audit/auditSealer.ts) instead of `audit_seal`.
-- The rows chained so far carry unkeyed SHA-256 hashes, which anyone with database access could have recomputed.
-- Before they are re-chained with the key, the unkeyed chain is checked once more and the outcome is recorded as an
-- audit row of its own, which the keyed chain then covers: a break found now stays on the record.
DO $$
DECLARE
  r record;
  prev text := repeat('0', 64);
  expected_seq bigint := 0;
  checked bigint := 0;
  broken bigint;
BEGIN
  FOR r IN SELECT * FROM audit_log WHERE seq IS NOT NULL ORDER BY seq LOOP
    expected_seq := expected_seq + 1;
    checked := checked + 1;
    IF broken IS NULL AND (r.seq <> expected_seq OR r.prev_hash <> prev OR r.hash <> audit_row_hash(r.prev_hash,
        r.at, r.actor_id, r.actor_name, r.action, r.entity, r.entity_id, r.old_value, r.new_value, r.reason)) THEN
      broken := r.id;
    END IF;
    prev := r.hash;
    expected_seq := r.seq;
  END LOOP;
  IF checked > 0 THEN
    INSERT INTO audit_log (at, action, entity, new_value)
    VALUES (now(), 'audit.chain_keyed', 'audit_log', jsonb_build_object(
      'unkeyedRows', checked, 'unkeyedHead', prev, 'unkeyedIntact', broken IS NULL, 'firstBrokenId', broken));
  END IF;
END;
$$;
--> statement-breakpoint
ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update;
--> statement-breakpoint
UPDATE audit_log SET seq = NULL, prev_hash = NULL, hash = NULL WHERE seq IS NOT NULL;
--> statement-breakpoint
ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update;
--> statement-breakpoint
-- Nothing in the database computes the chain any more: what is left could only mislead.
DROP FUNCTION IF EXISTS audit_seal(integer, boolean);
--> statement-breakpoint
DROP FUNCTION IF EXISTS audit_row_hash(text, timestamptz, uuid, text, text, text, text, jsonb, jsonb, text);
--> statement-breakpoint
-- TRUNCATE bypasses row triggers: refused by a statement trigger of its own (audit_log_append_only raises).
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
