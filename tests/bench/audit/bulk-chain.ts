import { randomUUID } from 'node:crypto';
import { GENESIS_HASH, canonicalArrayText, chainHash } from '@chartdesk/api-audit';
import type { DataSource } from 'typeorm';

const COLUMNS = `id, recorded_at, stream, seq, action, outcome, outcome_reason, actor_user_id, actor_role, session_id,
  patient_id, resource_type, resource_id, purpose, ip, user_agent, request_id, details, prev_hash, hash`;
const UNNEST = `unnest($1::bigint[], $2::timestamptz[], $3::smallint[], $4::bigint[], $5::text[], $6::text[], $7::text[],
  $8::uuid[], $9::text[], $10::uuid[], $11::uuid[], $12::text[], $13::text[], $14::text[], $15::inet[], $16::text[],
  $17::text[], $18::jsonb[], $19::bytea[], $20::bytea[])`;

/**
 * Writes `total` valid chained events fast, for the verifier benchmark: the
 * hashes are computed here with the same canonical form the trigger uses
 * (integration tests prove the two agree), then rows go in 10k at a time with
 * triggers off, and the heads are set to match. Realistic sizes: uuids, an IP,
 * a browser user agent and small details.
 */
export async function writeChainedEvents(
  ds: DataSource,
  total: number,
  streams: number,
  onProgress: (written: number) => void,
): Promise<void> {
  // Continue each stream from its current head.
  const current = (await ds.query(
    `SELECT stream, seq::int AS seq, last_hash, last_event_id::text AS last FROM audit_chain_head ORDER BY stream`,
  )) as { stream: number; seq: number; last_hash: Buffer; last: string | null }[];
  if (current.length !== streams) throw new Error(`expected ${streams} chain streams, found ${current.length}`);
  const heads = current.map((h) => ({ seq: h.seq, hash: h.last_hash, lastId: Number(h.last ?? 0) }));
  const [{ start }] = (await ds.query(`SELECT (nextval('audit_event_id_seq') + 1)::bigint::text AS start`)) as {
    start: string;
  }[];
  const firstId = Number(start);
  const baseMs = Date.now() - total; // one event per millisecond, ending now, all in this month's partition
  const batch = 10_000;
  for (let offset = 0; offset < total; offset += batch) {
    const n = Math.min(batch, total - offset);
    const cols: (string | null)[][] = Array.from({ length: 20 }, () => new Array<string | null>(n));
    for (let k = 0; k < n; k++) {
      const i = offset + k;
      const id = firstId + i;
      const s = i % streams;
      const head = heads[s];
      const values: (string | null)[] = [
        String(id),
        `${new Date(baseMs + i).toISOString().slice(0, -1)}000Z`,
        String(s),
        String(head.seq + 1),
        i % 10 === 0 ? 'ACCESS_DENIED' : 'CHART_VIEWED',
        i % 10 === 0 ? 'denied' : 'success',
        i % 10 === 0 ? 'not assigned' : null,
        randomUUID(),
        'coder',
        randomUUID(),
        randomUUID(),
        'Encounter',
        randomUUID(),
        i % 10 === 0 ? null : `assignment ${i}`,
        `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}/32`,
        'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36',
        randomUUID(),
        '{"fields": ["dx", "px", "poa"]}',
      ];
      const hash = chainHash(head.hash, canonicalArrayText(values));
      for (let c = 0; c < 18; c++) cols[c][k] = values[c];
      cols[18][k] = `\\x${head.hash.toString('hex')}`;
      cols[19][k] = `\\x${hash.toString('hex')}`;
      head.seq++;
      head.hash = hash;
      head.lastId = id;
    }
    await ds.transaction(async (m) => {
      await m.query('SET LOCAL session_replication_role = replica');
      await m.query(`INSERT INTO audit_event (${COLUMNS}) SELECT * FROM ${UNNEST}`, cols);
    });
    onProgress(offset + n);
  }
  await ds.transaction(async (m) => {
    await m.query('SET LOCAL session_replication_role = replica');
    await m.query(`SELECT setval('audit_event_id_seq', $1)`, [firstId + total]);
    for (let s = 0; s < streams; s++) {
      await m.query(`UPDATE audit_chain_head SET seq = $2, last_hash = $3, last_event_id = $4 WHERE stream = $1`, [
        s,
        heads[s].seq,
        heads[s].hash,
        heads[s].lastId || null,
      ]);
    }
  });
}

/** The same chaining (canonical text + SHA-256) with no database at all: the verifier's ceiling. */
export function hashOnlyRate(count: number): number {
  const rows: (string | null)[][] = Array.from({ length: 1000 }, (_, i) => [
    String(i),
    '2026-11-24T05:00:00.000000Z',
    '3',
    String(i),
    'CHART_VIEWED',
    'success',
    null,
    randomUUID(),
    'coder',
    randomUUID(),
    randomUUID(),
    'Encounter',
    randomUUID(),
    `assignment ${i}`,
    '10.0.0.1/32',
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36',
    randomUUID(),
    '{"fields": ["dx", "px", "poa"]}',
  ]);
  let prev: Buffer = GENESIS_HASH;
  const started = process.hrtime.bigint();
  for (let i = 0; i < count; i++) prev = chainHash(prev, canonicalArrayText(rows[i % 1000]));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return count / seconds;
}

/** Edits as an owner or superuser could, with triggers off for the transaction. */
export async function asOwnerWithoutTriggers(ds: DataSource, ...statements: string[]): Promise<void> {
  await ds.transaction(async (m) => {
    await m.query('SET LOCAL session_replication_role = replica');
    for (const sql of statements) await m.query(sql);
  });
}
