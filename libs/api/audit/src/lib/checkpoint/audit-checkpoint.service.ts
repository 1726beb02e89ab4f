import type { AuditCheckpointExport, AuditStreamHead } from '@chartdesk/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { parseCheckpointPayload, signCheckpoint, toCheckpointExport } from './checkpoint-payload';
import { AUDIT_SIGNING_KEY, type AuditSigningKey } from './signing-key';

/**
 * Signed snapshots of every chain head. The heads are read in one statement,
 * so they are a consistent set of committed events; the key stays in the
 * process, only the signature reaches the database.
 */
@Injectable()
export class AuditCheckpointService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(AUDIT_SIGNING_KEY) private readonly key: AuditSigningKey,
  ) {}

  /** Takes a checkpoint now. With `onlyIfChanged`, returns null when nothing was recorded since the last one. */
  async create(options: { onlyIfChanged?: boolean } = {}): Promise<AuditCheckpointExport | null> {
    const heads = await this.readHeads();
    if (options.onlyIfChanged) {
      const latest = await this.latest();
      if (latest && sameHeads(latest.heads, heads)) return null;
    }
    const content = {
      createdAt: new Date().toISOString(),
      eventCount: heads.reduce((sum, h) => sum + BigInt(h.seq), 0n).toString(),
      heads,
    };
    const { payload, signature } = signCheckpoint(content, this.key);
    const [row] = (await this.dataSource.query(
      // The database function refuses a payload that does not describe the trail (the app role has no INSERT).
      'SELECT audit_append_checkpoint($1, $2, $3)::text AS id',
      [this.key.keyId, payload, signature],
    )) as { id: string }[];
    return toCheckpointExport(row.id, content, signature, this.key);
  }

  /** The newest stored checkpoint as an export, or null when none was taken yet. */
  async latest(): Promise<AuditCheckpointExport | null> {
    const [row] = (await this.dataSource.query(
      'SELECT c.id::text AS id, c.payload, c.signature FROM audit_checkpoint c ORDER BY c.id DESC LIMIT 1',
    )) as { id: string; payload: string; signature: Buffer }[];
    if (!row) return null;
    return toCheckpointExport(row.id, parseCheckpointPayload(row.payload), row.signature, this.key);
  }

  private async readHeads(): Promise<AuditStreamHead[]> {
    const rows = (await this.dataSource.query(
      `SELECT stream, seq::text AS seq, encode(last_hash, 'hex') AS hash, last_event_id::text AS last_event_id
         FROM audit_chain_head ORDER BY stream`,
    )) as { stream: number; seq: string; hash: string; last_event_id: string | null }[];
    return rows.map((r) => ({ stream: r.stream, seq: r.seq, hash: r.hash, lastEventId: r.last_event_id }));
  }
}

function sameHeads(a: readonly AuditStreamHead[], b: readonly AuditStreamHead[]): boolean {
  return (
    a.length === b.length && a.every((h, i) => h.stream === b[i].stream && h.seq === b[i].seq && h.hash === b[i].hash)
  );
}
