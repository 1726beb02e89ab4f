import type { Client } from 'pg';

export interface HistoryShape {
  readonly events: number;
  readonly users: number;
  readonly patients: number;
  readonly days: number;
}

/** Deterministic ids, so the benchmark can pick subjects without reading them back. */
// Shaped as version-4 UUIDs (version and variant digits fixed), like the ids the app makes.
const v4 = (md5: string): string => `overlay(overlay(${md5} placing '4' from 13) placing '8' from 17)::uuid`;
export const userIdSql = (n: string): string => v4(`md5('bench-user-' || ${n})`);
export const patientIdSql = (n: string): string => v4(`md5('bench-patient-' || ${n})`);

/**
 * Creates the months' partitions the history spans (the migration only makes
 * this month's and later ones), the users and patients the report joins, and
 * then `events` audit rows with INSERT … SELECT generate_series in 1 M chunks.
 * The rows bypass the chain trigger (session_replication_role = replica): this
 * database measures reads, so the hashes are placeholders and it is dropped after.
 *
 * Mix per event number i: 10 % ACCESS_DENIED, 5 % sign-ins, 85 % chart/document
 * reads; actor and patient drawn by hashing i, times evenly over `days` days.
 */
export async function generateAuditHistory(
  db: Client,
  shape: HistoryShape,
  progress: (message: string) => void,
): Promise<{ from: Date; to: Date }> {
  const to = new Date();
  const from = new Date(to.getTime() - shape.days * 86_400_000);
  await db.query(
    `DO $$
    DECLARE m date := date_trunc('month', $1::timestamptz AT TIME ZONE 'UTC')::date;
    BEGIN
      WHILE m < date_trunc('month', now() AT TIME ZONE 'UTC')::date LOOP
        IF to_regclass('public.audit_event_' || to_char(m, 'YYYY_MM')) IS NULL THEN
          EXECUTE format('CREATE TABLE %I PARTITION OF audit_event FOR VALUES FROM (%L) TO (%L)',
            'audit_event_' || to_char(m, 'YYYY_MM'), m::text || ' 00:00:00+00', (m + interval '1 month')::date::text || ' 00:00:00+00');
        END IF;
        m := (m + interval '1 month')::date;
      END LOOP;
    END $$`.replace('$1::timestamptz', `'${from.toISOString()}'::timestamptz`),
  );
  await db.query(
    `INSERT INTO app_user (id, username, display_name, email, role, password_hash)
     SELECT ${userIdSql('g')}, 'bench-user-' || g, 'Bench User ' || g, 'bench' || g || '@example.test', 'CODER', 'x'
       FROM generate_series(1, $1) g ON CONFLICT DO NOTHING`,
    [shape.users],
  );
  await db.query(
    `INSERT INTO patient (id, facility, mrn, family_name, given_name, birth_date, sex)
     SELECT ${patientIdSql('g')}, 'BENCH', 'B' || g, 'Family' || g, 'Given', '1970-01-01', 'unknown'
       FROM generate_series(1, $1) g ON CONFLICT DO NOTHING`,
    [shape.patients],
  );
  progress(`${shape.users} users and ${shape.patients} patients written`);
  // Ids continue after any event the app wrote while booting, so the real writer's later ids stay larger.
  const [{ base }] = (await db.query(`SELECT COALESCE(max(id), 0)::bigint::text AS base FROM audit_event`)).rows as {
    base: string;
  }[];
  // Loading into bare tables and indexing once afterwards is several times faster than maintaining four indexes.
  const indexes = (
    await db.query(
      `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = 'audit_event'
          AND indexname NOT LIKE '%pkey'`,
    )
  ).rows as { indexname: string; indexdef: string }[];
  for (const ix of indexes) await db.query(`DROP INDEX ${ix.indexname}`);
  const chunk = 1_000_000;
  const spanMs = to.getTime() - from.getTime() - 60_000;
  for (let start = 1; start <= shape.events; start += chunk) {
    const end = Math.min(shape.events, start + chunk - 1);
    const began = Date.now();
    await db.query('BEGIN');
    await db.query('SET LOCAL session_replication_role = replica');
    await db.query('SET LOCAL synchronous_commit = off');
    await db.query(
      `INSERT INTO audit_event (id, recorded_at, stream, seq, action, outcome, outcome_reason, actor_user_id, actor_role,
         session_id, patient_id, resource_type, resource_id, purpose, ip, user_agent, request_id, details, prev_hash, hash)
       SELECT $8::bigint + i, $1::timestamptz + make_interval(secs => (i::float8 / $3) * $2 / 1000.0), (i % 16)::smallint, i / 16,
              CASE WHEN i % 20 IN (0, 1) THEN 'ACCESS_DENIED' WHEN i % 20 = 2 THEN 'LOGIN_SUCCEEDED'
                   WHEN i % 20 IN (3, 4, 5) THEN 'DOCUMENT_VIEWED' ELSE 'CHART_VIEWED' END,
              CASE WHEN i % 20 IN (0, 1) THEN 'denied' ELSE 'success' END,
              CASE WHEN i % 20 IN (0, 1) THEN 'NOT_ASSIGNED' END,
              ${userIdSql('(1 + (hashint8(i)::bigint & 2147483647) % $4)')}, 'CODER', NULL,
              CASE WHEN i % 20 <> 2 THEN ${patientIdSql('(1 + (hashint8(i * 7919)::bigint & 2147483647) % $5)')} END,
              'Encounter', md5(i::text), CASE WHEN i % 20 > 2 THEN md5('a' || i) END,
              ('10.' || (i >> 16) % 256 || '.' || (i >> 8) % 256 || '.' || i % 256)::inet,
              'Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0', md5('r' || i),
              CASE WHEN i % 20 > 2 THEN '{"basis": "ASSIGNMENT"}'::jsonb ELSE '{}'::jsonb END,
              '\\x00'::bytea, '\\x00'::bytea
         FROM generate_series($6::bigint, $7::bigint) i`,
      [from, spanMs, shape.events, shape.users, shape.patients, start, end, base],
    );
    await db.query('COMMIT');
    progress(
      `audit events ${end.toLocaleString('en-US')} / ${shape.events.toLocaleString('en-US')} (${((Date.now() - began) / 1000).toFixed(1)} s)`,
    );
  }
  await db.query(`SET maintenance_work_mem = '256MB'`);
  for (const ix of indexes) {
    const began = Date.now();
    // pg_indexes shows a partitioned index as ON ONLY; without ONLY it is built on every partition too.
    await db.query(ix.indexdef.replace(' ON ONLY ', ' ON '));
    progress(`index ${ix.indexname} built (${((Date.now() - began) / 1000).toFixed(1)} s)`);
  }
  await db.query(`SELECT setval('audit_event_id_seq', $1)`, [Number(base) + shape.events + 1]);
  progress('ANALYZE audit_event…');
  await db.query('ANALYZE audit_event');
  await db.query('ANALYZE patient');
  await db.query('ANALYZE app_user');
  return { from, to };
}
