/**
 * SQL of migration 1765300000000. Kept apart from the class so each reads on its own;
 * the canonical form in the trigger must match `canonicalEventText` (chain/canonical-event.ts).
 */

/** Advisory lock class for chain streams (two-key form: class, stream), as in 1764100000000. */
const STREAM_LOCK_CLASS = 1_764_100;

/** Most streams and months ahead a role other than the schema owner may ask for. */
export const APP_MAX_CHAIN_STREAMS = 256;
export const APP_MAX_PARTITION_MONTHS_AHEAD = 3;

/**
 * Whether the role acting outside the SECURITY DEFINER function (the SET ROLE
 * role, else the login role) is the audit table's owner or a member of it.
 * Inside a definer function current_user is the definer, so it cannot tell.
 */
export const CALLER_IS_OWNER_SQL = `
CREATE OR REPLACE FUNCTION audit_caller_is_owner() RETURNS boolean LANGUAGE sql STABLE
SET search_path = pg_catalog, public AS $fn$
  SELECT pg_has_role(
    CASE WHEN current_setting('role') = 'none' THEN session_user ELSE current_setting('role')::name END,
    (SELECT relowner FROM pg_class WHERE oid = 'public.audit_event'::regclass),
    'MEMBER')
$fn$;
REVOKE ALL ON FUNCTION audit_caller_is_owner() FROM PUBLIC;
`;

export const CHAIN_TRIGGER_SQL = `
CREATE OR REPLACE FUNCTION audit_event_chain() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public AS $fn$
DECLARE
  s int := nullif(current_setting('chartdesk.audit_stream', true), '')::int;
  remembered text;
  n int := audit_stream_count();
  first int;
BEGIN
  IF current_setting('transaction_isolation') <> 'read committed' THEN
    RAISE EXCEPTION 'audit events are written in READ COMMITTED transactions only' USING ERRCODE = 'object_not_in_prerequisite_state';
  END IF;
  IF NEW.recorded_at > clock_timestamp() + interval '1 second'
     OR NEW.recorded_at < clock_timestamp() - interval '10 minutes' THEN
    -- Only the schema owner may back-date, and only when it says so (the demo's own history).
    IF NOT (NEW.recorded_at <= clock_timestamp()
            AND coalesce(current_setting('chartdesk.audit_backfill', true), '') = 'on'
            AND audit_caller_is_owner()) THEN
      RAISE EXCEPTION 'audit events take the server clock' USING ERRCODE = 'check_violation';
    END IF;
  END IF;
  IF s IS NOT NULL THEN
    -- The remembered stream is a setting the session could have set itself, so it is only a
    -- hint: take its lock again. When this transaction already holds it (the normal case) that
    -- is a local counter; a forged value waits for the stream like anybody else.
    IF s < 0 OR s >= n THEN
      RAISE EXCEPTION 'audit chain stream % does not exist', s USING ERRCODE = 'invalid_parameter_value';
    END IF;
    PERFORM pg_advisory_xact_lock(${STREAM_LOCK_CLASS}, s);
  ELSE
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
    remembered := set_config('chartdesk.audit_stream', s::text, true);
  END IF;
  NEW.id := nextval('audit_event_id_seq');
  NEW.stream := s;
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
`;

export const BOUNDED_MAINTENANCE_SQL = `
CREATE OR REPLACE FUNCTION audit_ensure_streams(n int) RETURNS int LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public AS $fn$
DECLARE added int;
BEGIN
  IF n < 1 OR n > 1024 THEN
    RAISE EXCEPTION 'audit chain streams must be from 1 to 1024' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF n > ${APP_MAX_CHAIN_STREAMS} AND NOT audit_caller_is_owner() THEN
    RAISE EXCEPTION 'more than ${APP_MAX_CHAIN_STREAMS} audit chain streams need the schema owner (run migrate)'
      USING ERRCODE = 'insufficient_privilege';
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

-- One month's partition with its TRUNCATE guard and no direct grants; true when it was made.
CREATE OR REPLACE FUNCTION audit_ensure_partition(p_month date) RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public AS $fn$
DECLARE
  m date := date_trunc('month', p_month)::date;
  part text := 'audit_event_' || to_char(date_trunc('month', p_month), 'YYYY_MM');
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('audit_create_partitions'));
  IF to_regclass('public.' || part) IS NOT NULL THEN
    RETURN false;
  END IF;
  EXECUTE format('CREATE TABLE public.%I PARTITION OF public.audit_event FOR VALUES FROM (%L) TO (%L)', part,
    to_char(m, 'YYYY-MM-DD') || ' 00:00:00+00',
    to_char((m + interval '1 month')::date, 'YYYY-MM-DD') || ' 00:00:00+00');
  EXECUTE format('CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON public.%I'
    || ' FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change()', part);
  EXECUTE format('REVOKE ALL ON public.%I FROM PUBLIC', part);
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'chartdesk_app') THEN
    EXECUTE format('REVOKE ALL ON public.%I FROM chartdesk_app', part);
  END IF;
  RETURN true;
END $fn$;

CREATE OR REPLACE FUNCTION audit_create_partitions(months_ahead int) RETURNS int LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public AS $fn$
DECLARE
  first_month date := date_trunc('month', now() AT TIME ZONE 'UTC')::date;
  made int := 0;
BEGIN
  IF months_ahead < 0 OR months_ahead > 120 THEN
    RAISE EXCEPTION 'months ahead must be from 0 to 120' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF months_ahead > ${APP_MAX_PARTITION_MONTHS_AHEAD} AND NOT audit_caller_is_owner() THEN
    RAISE EXCEPTION 'partitions more than ${APP_MAX_PARTITION_MONTHS_AHEAD} months ahead need the schema owner'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  FOR i IN 0..months_ahead LOOP
    IF audit_ensure_partition((first_month + make_interval(months => i))::date) THEN
      made := made + 1;
    END IF;
  END LOOP;
  RETURN made;
END $fn$;
`;

/**
 * The only way a checkpoint row is written. The database cannot check an
 * Ed25519 signature, but it can refuse a payload that vouches for a trail that
 * does not exist: every stream once, each head a real event (or the empty
 * genesis), the event count their sum, taken just now, and a 64-byte signature.
 */
export const APPEND_CHECKPOINT_SQL = `
CREATE OR REPLACE FUNCTION audit_append_checkpoint(p_key_id text, p_payload text, p_signature bytea)
RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $fn$
DECLARE
  doc jsonb;
  h jsonb;
  heads int;
  total numeric := 0;
  new_id bigint;
BEGIN
  BEGIN
    doc := p_payload::jsonb;
    IF doc->>'format' IS DISTINCT FROM 'chartdesk-audit-checkpoint/1' OR jsonb_typeof(doc->'heads') <> 'array'
       OR p_key_id !~ '^[0-9a-f]{64}$' OR length(p_signature) <> 64
       OR abs(extract(epoch FROM (doc->>'createdAt')::timestamptz - clock_timestamp())) > 300 THEN
      RAISE EXCEPTION 'bad';
    END IF;
    SELECT count(*), count(DISTINCT x->>'stream') INTO heads, total FROM jsonb_array_elements(doc->'heads') x;
    IF heads <> total OR heads <> (SELECT count(*) FROM audit_chain_head) THEN
      RAISE EXCEPTION 'bad';
    END IF;
    total := 0;
    FOR h IN SELECT x FROM jsonb_array_elements(doc->'heads') x LOOP
      total := total + (h->>'seq')::bigint;
      IF (h->>'seq')::bigint = 0 THEN
        IF h->>'hash' <> repeat('0', 64) OR h->>'lastEventId' IS NOT NULL THEN
          RAISE EXCEPTION 'bad';
        END IF;
      ELSIF NOT EXISTS (SELECT 1 FROM audit_event e
                         WHERE e.id = (h->>'lastEventId')::bigint AND e.stream = (h->>'stream')::int
                           AND e.seq = (h->>'seq')::bigint AND e.hash = decode(h->>'hash', 'hex')) THEN
        RAISE EXCEPTION 'bad';
      END IF;
    END LOOP;
    IF total <> (doc->>'eventCount')::numeric THEN
      RAISE EXCEPTION 'bad';
    END IF;
  EXCEPTION WHEN OTHERS THEN
    RAISE EXCEPTION 'checkpoint refused: its payload does not describe the current audit trail'
      USING ERRCODE = 'check_violation';
  END;
  INSERT INTO audit_checkpoint (key_id, payload, signature) VALUES (p_key_id, p_payload, p_signature)
    RETURNING id INTO new_id;
  RETURN new_id;
END $fn$;
`;

export const PRIVILEGES_SQL = `DO $$
BEGIN
  REVOKE ALL ON FUNCTION audit_ensure_partition(date), audit_append_checkpoint(text, text, bytea) FROM PUBLIC;
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'chartdesk_app') THEN
    REVOKE INSERT ON audit_checkpoint FROM chartdesk_app;
    REVOKE ALL ON FUNCTION audit_ensure_partition(date) FROM chartdesk_app;
    GRANT EXECUTE ON FUNCTION audit_append_checkpoint(text, text, bytea) TO chartdesk_app;
  END IF;
END $$`;
