import { randomUUID } from 'node:crypto';
import { type AuditTestEnv, createAuditTestEnv, resetTrail } from './audit-test-support';

/** Many writers at once spread over the streams and still leave chains that verify. */
describe('audit chain under concurrent writers (real PostgreSQL)', () => {
  let env: AuditTestEnv;

  beforeAll(async () => {
    env = await createAuditTestEnv({ DB_POOL_SIZE: '50' });
    await resetTrail(env.ds);
  });
  afterAll(async () => {
    await env?.close();
  });

  it('50 concurrent transactions (some rolled back) leave exactly the committed events, and they verify', async () => {
    const outcomes = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        env.ds.transaction(async (m) => {
          await m.query('SELECT pg_sleep(0.01 * random())');
          for (let j = 0; j < 1 + (i % 3); j++) {
            await env.audit.record(m, {
              action: 'CODES_SAVED',
              outcome: 'success',
              actor: { userId: randomUUID(), role: 'coder', sessionId: randomUUID() },
              resourceId: `tx-${i}-${j}`,
            });
          }
          if (i % 7 === 0) throw new Error(`caller ${i} fails after auditing`);
        }),
      ),
    );
    const committed = outcomes.map((o, i) => (o.status === 'fulfilled' ? 1 + (i % 3) : 0)).reduce((a, b) => a + b, 0);
    expect(outcomes.filter((o) => o.status === 'rejected')).toHaveLength(8);

    const [{ n, streams }] = (await env.ds.query(
      'SELECT count(*)::int AS n, count(DISTINCT stream)::int AS streams FROM audit_event',
    )) as { n: number; streams: number }[];
    expect(n).toBe(committed);
    expect(streams).toBeGreaterThan(1);
    const rolledBack = (await env.ds.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE resource_id LIKE 'tx-0-%' OR resource_id LIKE 'tx-7-%'`,
    )) as { n: number }[];
    expect(rolledBack[0].n).toBe(0);

    const result = await env.verifier.verify();
    expect(result).toMatchObject({ ok: true, eventsChecked: committed });
  });
});
