import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { DataSource } from 'typeorm';
import type { AuditSigningKey } from '../checkpoint/signing-key';
import { CANONICAL_TEXT_SQL } from '../verify/audit-verifier';
import {
  ARCHIVE_FORMAT,
  type ArchiveManifest,
  type ArchivedStreamSpan,
  GENESIS_HEX,
  archiveFileName,
  manifestFileName,
  signArchiveManifest,
  verifyArchivedMonth,
} from './archive-format';

export interface ArchivedMonth {
  readonly month: string;
  readonly eventCount: number;
  readonly file: string;
  readonly durationMs: number;
}

const BATCH = 5000;

/** Partitions (YYYY-MM) whose whole month ended more than `retentionMonths` before `now`, oldest first. */
export async function expiredAuditMonths(ds: DataSource, retentionMonths: number, now = new Date()): Promise<string[]> {
  const rows = (await ds.query(
    `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
      WHERE i.inhparent = 'public.audit_event'::regclass ORDER BY c.relname`,
  )) as { name: string }[];
  const cutoff = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - retentionMonths, 1);
  return rows
    .map((r) => /^audit_event_(\d{4})_(\d{2})$/.exec(r.name))
    .filter((m): m is RegExpExecArray => m !== null)
    .filter((m) => Date.UTC(Number(m[1]), Number(m[2]), 1) <= cutoff)
    .map((m) => `${m[1]}-${m[2]}`);
}

/**
 * Moves one month of the audit trail out of the hot database, as the schema
 * owner: writes the month's events (compressed NDJSON, each with its canonical
 * text and links) and a signed manifest of where every stream enters and
 * leaves it, proves the files offline, and only then records the stream ends
 * in `audit_archive` and detaches and drops the partition, in one transaction.
 * Refuses a month that is not the oldest part of each of its streams.
 */
export async function archiveAuditMonth(
  ds: DataSource,
  key: AuditSigningKey,
  month: string,
  outDir: string,
): Promise<ArchivedMonth> {
  const started = Date.now();
  const partition = `audit_event_${month.replace('-', '_')}`;
  mkdirSync(outDir, { recursive: true, mode: 0o700 });
  const file = archiveFileName(month);
  const spans = new Map<number, { firstSeq: string; entryPrevHash: string; lastSeq: string; lastHash: string }>();
  let eventCount = 0;
  let firstEventId: string | null = null;
  let lastEventId: string | null = null;
  async function* lines(): AsyncGenerator<string> {
    let after = '0';
    for (;;) {
      const rows = (await ds.query(
        `SELECT id::text AS event_id, stream, seq::text AS seq, ${CANONICAL_TEXT_SQL} AS canonical,
                encode(prev_hash, 'hex') AS prev, encode(hash, 'hex') AS hash
           FROM public.${partition} WHERE id > $1 ORDER BY id LIMIT ${BATCH}`,
        [after],
      )) as { event_id: string; stream: number; seq: string; canonical: string; prev: string; hash: string }[];
      if (rows.length === 0) return;
      let text = '';
      for (const r of rows) {
        const span = spans.get(r.stream);
        if (span) Object.assign(span, { lastSeq: r.seq, lastHash: r.hash });
        else spans.set(r.stream, { firstSeq: r.seq, entryPrevHash: r.prev, lastSeq: r.seq, lastHash: r.hash });
        firstEventId ??= r.event_id;
        lastEventId = r.event_id;
        eventCount++;
        text += `${JSON.stringify({ id: r.event_id, stream: r.stream, seq: r.seq, canonical: r.canonical, prev: r.prev, hash: r.hash })}\n`;
      }
      after = rows[rows.length - 1].event_id;
      yield text;
    }
  }
  await pipeline(Readable.from(lines()), createGzip(), createWriteStream(join(outDir, file), { mode: 0o600 }));
  const streams: ArchivedStreamSpan[] = [...spans.entries()]
    .sort(([a], [b]) => a - b)
    .map(([stream, s]) => ({ stream, ...s }));
  await assertOldestOfEachStream(ds, partition, streams);
  const manifest: ArchiveManifest = {
    format: ARCHIVE_FORMAT,
    month,
    file,
    sha256: await sha256File(join(outDir, file)),
    eventCount,
    firstEventId,
    lastEventId,
    streams,
    createdAt: new Date().toISOString(),
    keyId: key.keyId,
  };
  const signed = signArchiveManifest(manifest, key.privateKey, key.publicKeyPem);
  writeFileSync(join(outDir, manifestFileName(month)), `${JSON.stringify(signed, null, 2)}\n`, { mode: 0o600 });
  const check = verifyArchivedMonth(outDir, month, key.publicKey);
  if (!check.ok)
    throw new Error(`the archive of ${month} does not verify (${check.problems[0]}); the partition is kept`);
  await ds.transaction(async (m) => {
    await m.query(
      `INSERT INTO audit_archive (month, event_count, stream_ends, manifest, signature) VALUES ($1, $2, $3, $4, $5)`,
      [
        `${month}-01`,
        eventCount,
        JSON.stringify(streams.map((s) => ({ stream: s.stream, seq: s.lastSeq, hash: s.lastHash }))),
        JSON.stringify(manifest),
        Buffer.from(signed.signature, 'base64'),
      ],
    );
    await m.query(`ALTER TABLE public.audit_event DETACH PARTITION public.${partition}`);
    await m.query(`DROP TABLE public.${partition}`);
  });
  return { month, eventCount, file: join(outDir, file), durationMs: Date.now() - started };
}

/**
 * Only a prefix of a stream may leave: nothing older of the same stream may
 * stay online, and the month must start where the last archived month ended
 * (or at the genesis), so the online verifier can continue from its end.
 */
async function assertOldestOfEachStream(
  ds: DataSource,
  partition: string,
  streams: readonly ArchivedStreamSpan[],
): Promise<void> {
  const ends = new Map<number, { seq: string; hash: string }>();
  const archived = (await ds.query('SELECT stream_ends FROM audit_archive ORDER BY month')) as {
    stream_ends: { stream: number; seq: string; hash: string }[];
  }[];
  for (const row of archived) for (const e of row.stream_ends) ends.set(e.stream, e);
  for (const s of streams) {
    const previous = ends.get(s.stream);
    const continues = previous
      ? BigInt(previous.seq) + 1n === BigInt(s.firstSeq) && previous.hash === s.entryPrevHash
      : s.firstSeq === '1' && s.entryPrevHash === GENESIS_HEX;
    const [older] = (await ds.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE stream = $1 AND seq < $2 AND tableoid <> $3::regclass`,
      [s.stream, s.firstSeq, `public.${partition}`],
    )) as { n: number }[];
    if (!continues || (older?.n ?? 0) > 0) {
      throw new Error(
        `${partition} is not the oldest part of chain stream ${s.stream}; archive older months first (the partition is kept)`,
      );
    }
  }
}

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
