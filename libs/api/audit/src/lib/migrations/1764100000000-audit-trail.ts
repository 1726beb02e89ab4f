import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The append-only, hash-chained audit trail.
 *
 * - `audit_event` is partitioned by month (UTC). A BEFORE INSERT trigger picks a
 *   chain stream for the transaction (a random one nobody holds, locked with a
 *   transaction-level advisory lock), numbers the event in that stream and
 *   hashes it: hash = SHA-256(previous hash || canonical JSON array of the event's columns as text), in
 *   one UPDATE of the stream's head row. The id is drawn under the stream lock,
 *   so within a stream ids follow chain order.
 * - Row triggers refuse UPDATE and DELETE and statement triggers refuse
 *   TRUNCATE, whoever asks (the owner can only get past them by disabling
 *   triggers, which the verifier then catches).
 * - The app role `chartdesk_app` (server mode) may only SELECT and INSERT the
 *   event columns; the chain functions run as the owner.
 *
 * The canonical form must match `canonicalEventText` in chain/canonical-event.ts.
 */
export class AuditTrail1764100000000 implements MigrationInterface {
  name = 'AuditTrail1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(APP_ROLE_SQL);
    await q.query(TABLES_SQL);
    await q.query(FUNCTIONS_SQL);
    await q.query(TRIGGERS_SQL);
    await q.query(PRIVILEGES_SQL);
    await q.query('SELECT audit_ensure_streams(16)');
    await q.query('SELECT audit_create_partitions(3)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE IF EXISTS audit_event CASCADE;
      DROP TABLE IF EXISTS audit_checkpoint;
      DROP TABLE IF EXISTS audit_chain_head;
      DROP SEQUENCE IF EXISTS audit_event_id_seq;
      DROP FUNCTION IF EXISTS audit_event_chain();
      DROP FUNCTION IF EXISTS audit_refuse_change();
      DROP FUNCTION IF EXISTS audit_create_partitions(int);
      DROP FUNCTION IF EXISTS audit_ensure_streams(int);
      DROP FUNCTION IF EXISTS audit_stream_count();
    `);
    // The role is cluster-wide and may serve other databases, so it stays; its defaults here go.
    await q.query(`DO $$ BEGIN
      IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'chartdesk_app') THEN
        ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM chartdesk_app;
        ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE USAGE, SELECT ON SEQUENCES FROM chartdesk_app;
      END IF;
    END $$`);
  }
}

/**
 * `chartdesk_app` is what the API's login role is granted in server mode. It
 * gets ordinary rights on every table the migrations create (default
 * privileges) except the audit tables, fixed below. Creating it needs
 * CREATEROLE; without it the migration carries on and the deployment makes
 * the role itself (see the README).
 */
const APP_ROLE_SQL = `DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'chartdesk_app')
     AND EXISTS (SELECT 1 FROM pg_roles WHERE rolname = current_user AND (rolsuper OR rolcreaterole)) THEN
    BEGIN
      CREATE ROLE chartdesk_app NOLOGIN;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
      NULL; -- another database's migration made it at the same moment
    END;
  END IF;
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'chartdesk_app') THEN
    GRANT USAGE ON SCHEMA public TO chartdesk_app;
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO chartdesk_app;
    GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO chartdesk_app;
    ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO chartdesk_app;
    ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO chartdesk_app;
  ELSE
    RAISE NOTICE 'role chartdesk_app not created (no CREATEROLE); create it and re-grant as the README says';
  END IF;
END $$`;

const TABLES_SQL = `
CREATE SEQUENCE audit_event_id_seq AS bigint;

CREATE TABLE audit_chain_head (
  stream smallint PRIMARY KEY CHECK (stream >= 0),
  seq bigint NOT NULL DEFAULT 0,
  last_hash bytea NOT NULL DEFAULT decode(repeat('00', 32), 'hex'),
  prev_hash bytea NOT NULL DEFAULT decode(repeat('00', 32), 'hex'),
  last_event_id bigint
);

CREATE TABLE audit_event (
  id bigint NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  stream smallint NOT NULL,
  seq bigint NOT NULL,
  action text NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('success', 'denied', 'error')),
  outcome_reason text,
  actor_user_id uuid,
  actor_role text,
  session_id uuid,
  patient_id uuid,
  resource_type text,
  resource_id text,
  purpose text,
  ip inet,
  user_agent text,
  request_id text,
  details jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(details) = 'object'),
  prev_hash bytea NOT NULL,
  hash bytea NOT NULL,
  PRIMARY KEY (id, recorded_at)
) PARTITION BY RANGE (recorded_at);
ALTER SEQUENCE audit_event_id_seq OWNED BY audit_event.id;

-- The compliance questions: per patient, per user, per action over time, and denials.
CREATE INDEX audit_event_patient_idx ON audit_event (patient_id, recorded_at) WHERE patient_id IS NOT NULL;
CREATE INDEX audit_event_actor_idx ON audit_event (actor_user_id, recorded_at) WHERE actor_user_id IS NOT NULL;
CREATE INDEX audit_event_action_idx ON audit_event (action, recorded_at);
CREATE INDEX audit_event_denied_idx ON audit_event (recorded_at) WHERE outcome = 'denied';

-- A checkpoint is the signed payload (every stream head and the event count) as it was signed.
CREATE TABLE audit_checkpoint (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  key_id text NOT NULL,
  payload text NOT NULL,
  signature bytea NOT NULL
);
`;

/** Advisory lock class for chain streams (two-key form: class, stream). */
const STREAM_LOCK_CLASS = 1_764_100;

const FUNCTIONS_SQL = `
CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION 'audit trail is append-only: % on % refused', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END $fn$;

CREATE FUNCTION audit_event_chain() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public AS $fn$
DECLARE
  s int := nullif(current_setting('chartdesk.audit_stream', true), '')::int;
  remembered text;
  n int;
  first int;
BEGIN
  -- Under REPEATABLE READ the head could be read from an old snapshot, so fail clearly instead.
  IF current_setting('transaction_isolation') <> 'read committed' THEN
    RAISE EXCEPTION 'audit events are written in READ COMMITTED transactions only' USING ERRCODE = 'object_not_in_prerequisite_state';
  END IF;
  IF NEW.recorded_at > clock_timestamp() + interval '1 second'
     OR NEW.recorded_at < clock_timestamp() - interval '10 minutes' THEN
    RAISE EXCEPTION 'audit events take the server clock' USING ERRCODE = 'check_violation';
  END IF;
  IF s IS NULL THEN
    -- One stream per transaction, held by a transaction-level advisory lock (no row lock, no
    -- extra WAL). Try every stream from a random start without waiting (each try is an in-memory
    -- lock attempt), and queue behind the starting one only when all are busy.
    n := audit_stream_count();
    first := floor(random() * n)::int;
    FOR attempt IN 0..n - 1 LOOP
      s := (first + attempt) % n;
      EXIT WHEN pg_try_advisory_xact_lock(${STREAM_LOCK_CLASS}, s);
      s := NULL;
    END LOOP;
    IF s IS NULL THEN
      s := first;
      PERFORM pg_advisory_xact_lock(${STREAM_LOCK_CLASS}, s);
    END IF;
    -- An assignment, not PERFORM: PL/pgSQL evaluates it as a simple expression, without a query.
    remembered := set_config('chartdesk.audit_stream', s::text, true);
  END IF;
  -- Drawn under the stream lock, so within a stream ids follow chain order.
  NEW.id := nextval('audit_event_id_seq');
  NEW.stream := s;
  -- One UPDATE numbers and hashes the event: in SET, seq and last_hash are the previous head's.
  UPDATE audit_chain_head SET
    seq = seq + 1,
    prev_hash = last_hash,
    last_event_id = NEW.id,
    last_hash = sha256(last_hash || convert_to(array_to_json(ARRAY[
      NEW.id::text,
      to_char(NEW.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
      s::text,
      (seq + 1)::text,
      NEW.action,
      NEW.outcome,
      NEW.outcome_reason,
      NEW.actor_user_id::text,
      NEW.actor_role,
      NEW.session_id::text,
      NEW.patient_id::text,
      NEW.resource_type,
      NEW.resource_id,
      NEW.purpose,
      NEW.ip::text,
      NEW.user_agent,
      NEW.request_id,
      NEW.details::text
    ])::text, 'UTF8'))
  WHERE stream = s
  RETURNING seq, prev_hash, last_hash INTO NEW.seq, NEW.prev_hash, NEW.hash;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'audit chain stream % does not exist', s;
  END IF;
  RETURN NEW;
END $fn$;

-- The number of streams as a constant the planner folds in; audit_ensure_streams redefines it.
CREATE FUNCTION audit_stream_count() RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT 1';

-- Streams only ever grow (a stream's chain must stay verifiable), so n below the current count changes nothing.
CREATE FUNCTION audit_ensure_streams(n int) RETURNS int LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public AS $fn$
DECLARE added int;
BEGIN
  IF n < 1 OR n > 1024 THEN
    RAISE EXCEPTION 'audit chain streams must be from 1 to 1024';
  END IF;
  PERFORM pg_advisory_xact_lock(hashtext('audit_ensure_streams'));
  INSERT INTO audit_chain_head (stream) SELECT g FROM generate_series(0, n - 1) g ON CONFLICT DO NOTHING;
  GET DIAGNOSTICS added = ROW_COUNT;
  IF added > 0 THEN
    EXECUTE format('CREATE OR REPLACE FUNCTION public.audit_stream_count() RETURNS int LANGUAGE sql IMMUTABLE AS %L',
      'SELECT ' || (SELECT count(*) FROM audit_chain_head));
  END IF;
  RETURN added;
END $fn$;

-- Creates the monthly partitions from this month to months_ahead months on; returns how many it made.
CREATE FUNCTION audit_create_partitions(months_ahead int) RETURNS int LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public AS $fn$
DECLARE
  first_month date := date_trunc('month', now() AT TIME ZONE 'UTC')::date;
  m date;
  part text;
  made int := 0;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('audit_create_partitions'));
  FOR i IN 0..months_ahead LOOP
    m := (first_month + make_interval(months => i))::date;
    part := 'audit_event_' || to_char(m, 'YYYY_MM');
    CONTINUE WHEN to_regclass('public.' || part) IS NOT NULL;
    EXECUTE format('CREATE TABLE public.%I PARTITION OF public.audit_event FOR VALUES FROM (%L) TO (%L)', part,
      to_char(m, 'YYYY-MM-DD') || ' 00:00:00+00',
      to_char((m + interval '1 month')::date, 'YYYY-MM-DD') || ' 00:00:00+00');
    -- Statement triggers are not inherited: a partition needs its own TRUNCATE guard.
    EXECUTE format('CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON public.%I'
      || ' FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change()', part);
    -- The app reaches events only through the parent table.
    EXECUTE format('REVOKE ALL ON public.%I FROM PUBLIC', part);
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'chartdesk_app') THEN
      EXECUTE format('REVOKE ALL ON public.%I FROM chartdesk_app', part);
    END IF;
    made := made + 1;
  END LOOP;
  RETURN made;
END $fn$;
`;

const TRIGGERS_SQL = `
CREATE TRIGGER audit_event_chain BEFORE INSERT ON audit_event FOR EACH ROW EXECUTE FUNCTION audit_event_chain();
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_checkpoint_append_only BEFORE UPDATE OR DELETE ON audit_checkpoint
  FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON audit_checkpoint
  FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_chain_head_no_delete BEFORE DELETE ON audit_chain_head
  FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_chain_head_no_truncate BEFORE TRUNCATE ON audit_chain_head
  FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
`;

const PRIVILEGES_SQL = `DO $$
BEGIN
  REVOKE ALL ON audit_event, audit_checkpoint, audit_chain_head FROM PUBLIC;
  REVOKE ALL ON SEQUENCE audit_event_id_seq FROM PUBLIC;
  REVOKE ALL ON FUNCTION audit_create_partitions(int), audit_ensure_streams(int) FROM PUBLIC;
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'chartdesk_app') THEN
    REVOKE ALL ON audit_event, audit_checkpoint, audit_chain_head FROM chartdesk_app;
    REVOKE ALL ON SEQUENCE audit_event_id_seq FROM chartdesk_app;
    -- Only the described columns: id, time, stream and hashes come from the trigger.
    GRANT SELECT, INSERT (action, outcome, outcome_reason, actor_user_id, actor_role, session_id, patient_id,
      resource_type, resource_id, purpose, ip, user_agent, request_id, details) ON audit_event TO chartdesk_app;
    GRANT SELECT, INSERT (key_id, payload, signature) ON audit_checkpoint TO chartdesk_app;
    GRANT SELECT ON audit_chain_head TO chartdesk_app;
    GRANT EXECUTE ON FUNCTION audit_create_partitions(int), audit_ensure_streams(int) TO chartdesk_app;
  END IF;
END $$`;
