import { randomUUID } from 'node:crypto';
import { AuditService } from '@chartdesk/api-audit';
import { DomainError } from '@chartdesk/api-platform';
import { DataSource } from 'typeorm';
import { type TestApp, createTestApp } from '../../support/test-app';

/** The writer's contract: in the caller's transaction, standalone, and atomic with the work. */
describe('AuditService (real AppModule, real PostgreSQL)', () => {
  let t: TestApp;
  let audit: AuditService;
  let ds: DataSource;

  beforeAll(async () => {
    t = await createTestApp();
    audit = t.app.get(AuditService);
    ds = t.app.get(DataSource);
  });
  afterAll(async () => {
    await t?.close();
  });

  const eventsFor = (requestId: string): Promise<Record<string, unknown>[]> =>
    ds.query(
      `SELECT id, action, outcome, actor_user_id, actor_role, session_id, patient_id, resource_type, resource_id,
              purpose, host(ip) AS ip, user_agent, request_id, details, stream, seq, length(hash) AS hash_len
         FROM audit_event WHERE request_id = $1 ORDER BY id`,
      [requestId],
    );

  it('records every field of an event inside the caller transaction', async () => {
    const requestId = randomUUID();
    const userId = randomUUID();
    const patientId = randomUUID();
    await ds.transaction((m) =>
      audit.record(m, {
        action: 'CHART_VIEWED',
        outcome: 'success',
        actor: { userId, role: 'coder', sessionId: null },
        meta: { requestId, ip: '10.1.2.3', userAgent: 'jest' },
        patientId,
        resourceType: 'Encounter',
        resourceId: 'enc-1',
        purpose: 'assignment-7',
        details: { fields: ['dx'] },
      }),
    );
    const [row] = await eventsFor(requestId);
    expect(row).toMatchObject({
      action: 'CHART_VIEWED',
      outcome: 'success',
      actor_user_id: userId,
      actor_role: 'coder',
      session_id: null,
      patient_id: patientId,
      resource_type: 'Encounter',
      resource_id: 'enc-1',
      purpose: 'assignment-7',
      ip: '10.1.2.3',
      user_agent: 'jest',
      details: { fields: ['dx'] },
      hash_len: 32,
    });
  });

  it('leaves no row when the caller rolls back', async () => {
    const requestId = randomUUID();
    await expect(
      ds.transaction(async (m) => {
        await audit.record(m, { action: 'CODES_SAVED', outcome: 'success', meta: meta(requestId) });
        throw new Error('caller failed after auditing');
      }),
    ).rejects.toThrow('caller failed after auditing');
    expect(await eventsFor(requestId)).toEqual([]);
  });

  it('commits a standalone event (a denial) on its own', async () => {
    const requestId = randomUUID();
    await audit.recordStandalone({
      action: 'ACCESS_DENIED',
      outcome: 'denied',
      outcomeReason: 'not assigned',
      meta: meta(requestId),
    });
    expect(await eventsFor(requestId)).toHaveLength(1);
  });

  it('withAudit returns the work result and records the event built from it', async () => {
    const requestId = randomUUID();
    const result = await audit.withAudit(
      async (m) => ((await m.query('SELECT 41 + 1 AS answer')) as { answer: number }[])[0].answer,
      (answer) => ({ action: 'REPORT_RUN', outcome: 'success', meta: meta(requestId), details: { answer } }),
    );
    expect(result).toBe(42);
    expect(await eventsFor(requestId)).toMatchObject([{ action: 'REPORT_RUN', details: { answer: 42 } }]);
  });

  it('keeps one chain stream per transaction, numbering events one after another', async () => {
    const requestId = randomUUID();
    await ds.transaction(async (m) => {
      for (let i = 0; i < 3; i++)
        await audit.record(m, { action: 'CODES_SAVED', outcome: 'success', meta: meta(requestId) });
    });
    const rows = (await eventsFor(requestId)) as { stream: number; seq: string }[];
    expect(new Set(rows.map((r) => r.stream)).size).toBe(1);
    const seqs = rows.map((r) => Number(r.seq));
    expect(seqs).toEqual([seqs[0], seqs[0] + 1, seqs[0] + 2]);
  });

  it('refuses record() outside a transaction, so an event can never drift from its work', async () => {
    await expect(audit.record(ds.manager, { action: 'CHART_VIEWED', outcome: 'success' })).rejects.toThrow(
      /transactional EntityManager/,
    );
  });

  it('refuses malformed events before touching the database', async () => {
    await expect(
      audit.recordStandalone({ action: 'CHART_VIEWED', outcome: 'success', patientId: 'not-a-uuid' }),
    ).rejects.toThrow(/patientId must be a UUID/);
    await expect(audit.recordStandalone({ action: 'NOT_AN_ACTION' as never, outcome: 'success' })).rejects.toThrow(
      /unknown action/,
    );
  });

  it('turns a failed insert into AUDIT_UNAVAILABLE and rolls the caller back', async () => {
    const requestId = randomUUID();
    await ds.query('CREATE TABLE IF NOT EXISTS audit_probe_work (id int PRIMARY KEY)');
    const failure = audit
      .withAudit(
        async (m) => {
          await m.query('INSERT INTO audit_probe_work (id) VALUES (1)');
          return 'data';
        },
        // jsonb cannot hold U+0000, so PostgreSQL refuses this insert: a real database failure.
        { action: 'CHART_VIEWED', outcome: 'success', meta: meta(requestId), details: { bad: '\u0000' } },
      )
      .catch((e: unknown) => e);
    const error = await failure;
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('AUDIT_UNAVAILABLE');
    expect(await ds.query('SELECT * FROM audit_probe_work')).toEqual([]);
    expect(await eventsFor(requestId)).toEqual([]);
  });
});

function meta(requestId: string): { requestId: string; ip: string; userAgent: string } {
  return { requestId, ip: '127.0.0.1', userAgent: 'jest' };
}
