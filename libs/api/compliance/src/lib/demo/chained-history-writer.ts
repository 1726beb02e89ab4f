import { canonicalArrayText, chainHash } from '@chartdesk/api-audit';
import type { EntityManager } from 'typeorm';
import type { HistoryEvent } from './demo-history';

/** `to_char(recorded_at … 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')` for a millisecond Date. */
function canonicalTime(d: Date): string {
  return `${d.toISOString().slice(0, -1)}000Z`;
}

/**
 * Appends past events to the audit chain. The trigger refuses back-dated
 * events (it stamps the server clock), so the demo's own history is chained
 * here with the audit lib's canonical form and hash, continuing each stream
 * from its head, inside one transaction with triggers off — the embedded demo
 * database is the only place this runs. The verifier then checks it like any
 * other event. jsonb text comes from PostgreSQL itself, so it is byte-exact.
 */
export async function appendChainedHistory(m: EntityManager, events: readonly HistoryEvent[]): Promise<number> {
  await m.query('SET LOCAL session_replication_role = replica');
  await m.query('LOCK TABLE audit_chain_head IN EXCLUSIVE MODE');
  const heads = (
    (await m.query(`SELECT stream, seq::text AS seq, last_hash FROM audit_chain_head ORDER BY stream`)) as {
      stream: number;
      seq: string;
      last_hash: Buffer;
    }[]
  ).map((h) => ({ stream: h.stream, seq: BigInt(h.seq), hash: h.last_hash, lastId: null as string | null }));
  if (heads.length === 0) throw new Error('audit chain has no streams');
  await createMonthPartitions(m, events);
  const detailsText = new Map<string, string>();
  for (const [i, e] of events.entries()) {
    const head = heads[i % heads.length] as (typeof heads)[number];
    const [{ id }] = (await m.query(`SELECT nextval('audit_event_id_seq')::text AS id`)) as [{ id: string }];
    const json = JSON.stringify(e.details);
    let details = detailsText.get(json);
    if (details === undefined) {
      details = ((await m.query('SELECT $1::jsonb::text AS t', [json])) as [{ t: string }])[0].t;
      detailsText.set(json, details);
    }
    const seq = head.seq + 1n;
    const values = [
      id,
      canonicalTime(e.at),
      String(head.stream),
      seq.toString(),
      e.action,
      e.outcome,
      e.outcomeReason,
      e.userId,
      e.role,
      null,
      e.patientId,
      e.encounterId ? 'Encounter' : null,
      e.encounterId,
      e.purpose,
      `${e.ip}/32`,
      'ChartDesk demo history',
      null,
      details,
    ];
    const hash = chainHash(head.hash, canonicalArrayText(values));
    await m.query(
      `INSERT INTO audit_event (id, recorded_at, stream, seq, action, outcome, outcome_reason, actor_user_id, actor_role,
         session_id, patient_id, resource_type, resource_id, purpose, ip, user_agent, request_id, details, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, NULL, $10, $11, $12, $13, $14, $15, NULL, $16, $17, $18)`,
      [
        id,
        e.at,
        head.stream,
        seq.toString(),
        e.action,
        e.outcome,
        e.outcomeReason,
        e.userId,
        e.role,
        e.patientId,
        values[11],
        e.encounterId,
        e.purpose,
        e.ip,
        values[15],
        details,
        head.hash,
        hash,
      ],
    );
    head.seq = seq;
    head.hash = hash;
    head.lastId = id;
  }
  for (const h of heads) {
    if (h.lastId === null) continue;
    await m.query('UPDATE audit_chain_head SET seq = $2, last_hash = $3, last_event_id = $4 WHERE stream = $1', [
      h.stream,
      h.seq.toString(),
      h.hash,
      h.lastId,
    ]);
  }
  return events.length;
}

/** Past months' partitions, made like the audit lib's own function makes future ones. */
async function createMonthPartitions(m: EntityManager, events: readonly HistoryEvent[]): Promise<void> {
  const months = new Set(events.map((e) => e.at.toISOString().slice(0, 7)));
  for (const month of months) {
    const name = `audit_event_${month.replace('-', '_')}`;
    const [{ exists }] = (await m.query(`SELECT to_regclass($1) IS NOT NULL AS exists`, [`public.${name}`])) as [
      { exists: boolean },
    ];
    if (exists) continue;
    const start = new Date(`${month}-01T00:00:00Z`);
    const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
    await m.query(
      `CREATE TABLE ${name} PARTITION OF audit_event FOR VALUES FROM ('${start.toISOString()}') TO ('${end.toISOString()}')`,
    );
    await m.query(
      `CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON ${name} FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change()`,
    );
    await m.query(`REVOKE ALL ON ${name} FROM PUBLIC`);
  }
}
