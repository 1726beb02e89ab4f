import type { AuditVerificationProblem, AuditVerificationResult } from '@chartdesk/contracts';
import { AppMetrics } from '@chartdesk/api-platform';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool, PoolClient, QueryConfig } from 'pg';
import type { DataSource } from 'typeorm';
import {
  type CheckpointContent,
  checkpointSignatureValid,
  parseCheckpointExport,
  parseCheckpointPayload,
} from '../checkpoint/checkpoint-payload';
import { AUDIT_SIGNING_KEY, type AuditSigningKey } from '../checkpoint/signing-key';
import { ChainWalker, MAX_REPORTED_PROBLEMS, type StreamMark, type VerifierRow } from './chain-walker';

export interface VerifyOptions {
  /** The text of an exported checkpoint file to check the tail against. */
  readonly checkpointFile?: string;
  /** Called after each batch with the number of events checked so far. */
  readonly onProgress?: (eventsChecked: number) => void;
  readonly batchSize?: number;
}

/**
 * The canonical text of each event, built from its stored columns by the same
 * expression as the insert trigger (built-in functions only). The verifier
 * hashes it here, so a wrong stored hash or a changed column never passes.
 */
export const CANONICAL_TEXT_SQL = `array_to_json(ARRAY[
    id::text, to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), stream::text, seq::text,
    action, outcome, outcome_reason, actor_user_id::text, actor_role, session_id::text, patient_id::text,
    resource_type, resource_id, purpose, ip::text, user_agent, request_id, details::text
  ])::text`;
const EVENT_ROWS_SQL = `SELECT id, stream, seq, ${CANONICAL_TEXT_SQL}, prev_hash, hash FROM audit_event ORDER BY id`;

/** Every column as PostgreSQL's text output: no parsing into dates, numbers or objects. */
const RAW_TEXT = { getTypeParser: () => (value: string) => value };

/**
 * Recomputes the whole audit trail from its content. One REPEATABLE READ,
 * read-only transaction gives a snapshot in which every stream is a committed
 * prefix; a server-side cursor streams the events in batches, and the next
 * batch is requested before the current one is hashed.
 */
@Injectable()
export class AuditVerifier {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(AUDIT_SIGNING_KEY) private readonly key: AuditSigningKey,
    @Optional() private readonly metrics?: AppMetrics,
  ) {}

  async verify(options: VerifyOptions = {}): Promise<AuditVerificationResult> {
    const started = Date.now();
    const pool = (this.dataSource.driver as unknown as { master: Pool }).master;
    const client = await pool.connect();
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      await client.query("SET LOCAL bytea_output = 'hex'");
      const heads = await readHeads(client);
      const checkpoints = await this.checkCheckpoints(client, options.checkpointFile);
      const walker = new ChainWalker(
        new Map(heads.map((h) => [h.stream, h.seq])),
        [...heads, ...checkpoints.marks],
        await readArchivedEnds(client),
      );
      await walkEvents(client, walker, options.batchSize ?? 5000, options.onProgress);
      const found = [...walker.finish(), ...checkpoints.problems];
      const problems = found.slice(0, MAX_REPORTED_PROBLEMS);
      const problemsOmitted = walker.omitted + found.length - problems.length;
      await client.query('COMMIT');
      const summary = {
        eventsChecked: walker.eventsChecked,
        streams: heads.length,
        checkpointsChecked: checkpoints.checked,
        durationMs: Date.now() - started,
      };
      const [problem] = problems;
      this.metrics?.recordVerification(problems.length + problemsOmitted);
      return problem ? { ok: false, ...summary, problem, problems, problemsOmitted } : { ok: true, ...summary };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /**
   * Checks every stored checkpoint's signature (and the file's, when given)
   * against the trusted key. The newest good one and the file become marks the
   * walk must reach with the same hashes.
   */
  private async checkCheckpoints(
    client: PoolClient,
    file: string | undefined,
  ): Promise<{ marks: StreamMark[]; problems: AuditVerificationProblem[]; checked: number }> {
    const problems: AuditVerificationProblem[] = [];
    let newest: { id: string; content: CheckpointContent } | null = null;
    let checked = 0;
    const bad = (checkpointId: string, message: string): void => {
      // Each one named, and none of them stops the walk or stands in for the chain's own findings.
      problems.push({ kind: 'BAD_CHECKPOINT_SIGNATURE', eventId: null, stream: null, checkpointId, message });
    };
    let after = '0';
    for (;;) {
      const { rows } = await client.query<{ id: string; key_id: string; payload: string; signature: Buffer }>(
        'SELECT c.id::text AS id, c.key_id, c.payload, c.signature FROM audit_checkpoint c WHERE c.id > $1 ORDER BY c.id LIMIT 1000',
        [after],
      );
      for (const row of rows) {
        checked++;
        const content = safeParse(row.payload);
        if (!content || !checkpointSignatureValid(content, row.signature, this.key.publicKey)) {
          bad(row.id, `checkpoint ${row.id} is not signed by this installation's audit key`);
        } else {
          newest = { id: row.id, content };
        }
      }
      if (rows.length < 1000) break;
      after = rows[rows.length - 1].id;
    }
    const marks = newest ? marksOf(newest.content, `checkpoint ${newest.id}`) : [];
    if (file !== undefined) {
      checked++;
      try {
        const exported = parseCheckpointExport(file);
        if (exported.keyId !== this.key.keyId) {
          bad('file', 'the checkpoint file was signed by a different key');
        } else if (!checkpointSignatureValid(exported.content, exported.signature, this.key.publicKey)) {
          bad('file', 'the checkpoint file does not match its signature');
        } else {
          marks.push(...marksOf(exported.content, `the checkpoint file (${exported.id})`));
        }
      } catch {
        bad('file', 'the checkpoint file cannot be read as a ChartDesk checkpoint');
      }
    }
    return { marks, problems, checked };
  }
}

interface HeadRow {
  stream: number;
  seq: number;
  hash: string;
  lastEventId: string | null;
  source: string;
}

async function readHeads(client: PoolClient): Promise<HeadRow[]> {
  const { rows } = await client.query<{ stream: number; seq: string; hash: string; last_event_id: string | null }>(
    "SELECT stream, seq::text, encode(last_hash, 'hex') AS hash, last_event_id::text FROM audit_chain_head ORDER BY stream",
  );
  return rows.map((r) => ({
    stream: r.stream,
    seq: Number(r.seq),
    hash: r.hash,
    lastEventId: r.last_event_id,
    source: 'the chain head',
  }));
}

/** Per stream, the last event of its newest archived month: the online walk continues from there. */
async function readArchivedEnds(client: PoolClient): Promise<Map<number, { seq: number; hash: string }>> {
  const { rows } = await client.query<{ stream_ends: { stream: number; seq: string; hash: string }[] }>(
    'SELECT stream_ends FROM audit_archive ORDER BY month',
  );
  const ends = new Map<number, { seq: number; hash: string }>();
  for (const row of rows) for (const e of row.stream_ends) ends.set(e.stream, { seq: Number(e.seq), hash: e.hash });
  return ends;
}

async function walkEvents(
  client: PoolClient,
  walker: ChainWalker,
  batchSize: number,
  onProgress: ((n: number) => void) | undefined,
): Promise<void> {
  await client.query(`DECLARE audit_verify NO SCROLL CURSOR FOR ${EVENT_ROWS_SQL}`);
  const fetch: QueryConfig & { rowMode: 'array'; types: typeof RAW_TEXT } = {
    text: `FETCH ${Math.max(1, Math.floor(batchSize))} FROM audit_verify`,
    rowMode: 'array',
    types: RAW_TEXT,
  };
  let pending = client.query<VerifierRow>(fetch);
  for (;;) {
    const { rows } = await pending;
    if (rows.length === 0) break;
    // Ask for the next batch first, so the server reads while this one is hashed.
    pending = client.query<VerifierRow>(fetch);
    for (const row of rows) walker.step(row);
    onProgress?.(walker.eventsChecked);
  }
  await client.query('CLOSE audit_verify');
}

function marksOf(content: CheckpointContent, source: string): StreamMark[] {
  return content.heads.map((h) => ({
    stream: h.stream,
    seq: Number(h.seq),
    hash: h.hash,
    lastEventId: h.lastEventId,
    source,
  }));
}

function safeParse(payload: string): CheckpointContent | null {
  try {
    return parseCheckpointPayload(payload);
  } catch {
    return null;
  }
}
