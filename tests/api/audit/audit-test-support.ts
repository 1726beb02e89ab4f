import { randomUUID } from 'node:crypto';
import { AuditService, AuditVerifier } from '@chartdesk/api-audit';
import type { AuditVerificationResult } from '@chartdesk/contracts';
import { DataSource } from 'typeorm';
import { type TestApp, createTestApp } from '../../support/test-app';
import { type TestDatabase, createTestDatabase } from '../../support/test-database';

/**
 * Tamper tests break the chain on purpose, so they get a database of their
 * own rather than the run's shared one, and reset it between tests.
 */
export interface AuditTestEnv {
  readonly t: TestApp;
  readonly db: TestDatabase;
  readonly ds: DataSource;
  readonly audit: AuditService;
  readonly verifier: AuditVerifier;
  close(): Promise<void>;
}

export async function createAuditTestEnv(env: Record<string, string> = {}): Promise<AuditTestEnv> {
  const db = await createTestDatabase('chartdesk_audit');
  // 16 streams (the migration's initial count): the tamper tests want several events per stream.
  const t = await createTestApp({ DATABASE_URL: db.url ?? '', AUDIT_CHAIN_STREAMS: '16', ...env });
  return {
    t,
    db,
    ds: t.app.get(DataSource),
    audit: t.app.get(AuditService),
    verifier: t.app.get(AuditVerifier),
    async close() {
      await t.close();
      await db.drop();
    },
  };
}

/**
 * Runs SQL the way an attacker with the owner's or a superuser's rights
 * would: with every trigger off for the transaction.
 */
export async function asSuperuserWithoutTriggers(ds: DataSource, ...statements: string[]): Promise<void> {
  await ds.transaction(async (m) => {
    await m.query('SET LOCAL session_replication_role = replica');
    for (const sql of statements) await m.query(sql);
  });
}

/** Empties the trail (and rewinds the heads) between tests. */
export function resetTrail(ds: DataSource): Promise<void> {
  return asSuperuserWithoutTriggers(
    ds,
    'DELETE FROM audit_event',
    'DELETE FROM audit_checkpoint',
    "UPDATE audit_chain_head SET seq = 0, last_hash = decode(repeat('00', 32), 'hex'), last_event_id = NULL",
  );
}

/** `count` events, each in its own transaction, so they spread over the streams. */
export async function recordEvents(audit: AuditService, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    await audit.recordStandalone({
      action: i % 3 === 0 ? 'ACCESS_DENIED' : 'CHART_VIEWED',
      outcome: i % 3 === 0 ? 'denied' : 'success',
      actor: { userId: randomUUID(), role: 'coder', sessionId: randomUUID() },
      meta: { requestId: randomUUID(), ip: i % 2 ? '10.0.0.7' : '::1', userAgent: `Mozilla/5.0 "quoted" \\ é ${i}` },
      patientId: randomUUID(),
      resourceType: 'Encounter',
      resourceId: randomUUID(),
      purpose: i % 4 === 0 ? null : `assignment ${i}`,
      details: { index: i, nested: { ratio: 1.5, list: [1, 'two', null] }, text: 'line\nbreak\ttab' },
    });
  }
}

export interface EventPosition {
  readonly id: string;
  readonly stream: number;
  readonly seq: number;
}

/** Events of the busiest stream, in chain order. */
export async function busiestStream(ds: DataSource): Promise<EventPosition[]> {
  const rows = (await ds.query(
    `SELECT id::text AS id, stream, seq::int AS seq FROM audit_event
      WHERE stream = (SELECT stream FROM audit_chain_head ORDER BY seq DESC, stream LIMIT 1)
      ORDER BY seq`,
  )) as EventPosition[];
  return rows;
}

export function problemOf(result: AuditVerificationResult): { kind: string; eventId: string | null } | null {
  return result.ok ? null : { kind: result.problem.kind, eventId: result.problem.eventId };
}
