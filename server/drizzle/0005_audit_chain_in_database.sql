-- The audit hash chain moves into the database (docs/targets.md P7). Before, the server took a global lock, read the last
-- hash and computed the new one in JavaScript, holding the lock across several round trips and whatever else the
-- transaction did; official writes queued behind it. Now a BEFORE INSERT trigger takes the same lock, numbers the
-- row, and chains it, so the lock is held only from the audit insert (the last statement of a command) to commit.
-- The hash is SHA-256 over the previous hash, a newline and the row's fields as a jsonb array (jsonb's text form is
-- canonical: keys sorted, numbers normalised); `npm run audit:verify` recomputes it with the same function.
CREATE OR REPLACE FUNCTION audit_row_hash(
  prev text, at timestamptz, actor_id uuid, actor_name text, action text, entity text, entity_id text,
  old_value jsonb, new_value jsonb, reason text
) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to(prev || E'\n' || jsonb_build_array(
    to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    actor_id, actor_name, action, entity, entity_id, old_value, new_value, reason
  )::text, 'UTF8')), 'hex')
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  last_hash text;
BEGIN
  -- One chain across connections and server instances: appends are serialised until the appender commits.
  PERFORM pg_advisory_xact_lock(7210001);
  -- Renumbered under the lock, so that id order is chain order even when the default was drawn earlier.
  NEW.id := nextval(pg_get_serial_sequence('audit_log', 'id'));
  SELECT hash INTO last_hash FROM audit_log ORDER BY id DESC LIMIT 1;
  NEW.prev_hash := coalesce(last_hash, repeat('0', 64));
  NEW.hash := audit_row_hash(NEW.prev_hash, NEW.at, NEW.actor_id, NEW.actor_name, NEW.action, NEW.entity,
    NEW.entity_id, NEW.old_value, NEW.new_value, NEW.reason);
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_chain();
--> statement-breakpoint
-- Rows written before this migration were chained in JavaScript; they are re-chained once in the new form.
ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update;
--> statement-breakpoint
DO $$
DECLARE
  r record;
  prev text := repeat('0', 64);
BEGIN
  FOR r IN SELECT * FROM audit_log ORDER BY id LOOP
    UPDATE audit_log
       SET prev_hash = prev,
           hash = audit_row_hash(prev, r.at, r.actor_id, r.actor_name, r.action, r.entity, r.entity_id,
             r.old_value, r.new_value, r.reason)
     WHERE id = r.id
     RETURNING hash INTO prev;
  END LOOP;
END;
$$;
--> statement-breakpoint
ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update;
