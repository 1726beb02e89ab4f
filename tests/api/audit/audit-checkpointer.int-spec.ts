import { AuditCheckpointService } from '@chartdesk/api-audit';
import { type AuditTestEnv, createAuditTestEnv, recordEvents, resetTrail } from './audit-test-support';

/** The periodic checkpointer, with a 1-second interval instead of the default minute. */
describe('audit checkpoints on a timer (real PostgreSQL)', () => {
  let env: AuditTestEnv;

  beforeAll(async () => {
    env = await createAuditTestEnv({ AUDIT_CHECKPOINT_INTERVAL_SECONDS: '1' });
    await resetTrail(env.ds);
  });
  afterAll(async () => {
    await env?.close();
  });

  const checkpoints = async (): Promise<{ id: string; payload: string }[]> =>
    (await env.ds.query('SELECT c.id::text AS id, c.payload FROM audit_checkpoint c ORDER BY c.id')) as {
      id: string;
      payload: string;
    }[];

  async function waitFor(predicate: () => Promise<boolean>, ms: number): Promise<boolean> {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      if (await predicate()) return true;
      await new Promise((r) => setTimeout(r, 100));
    }
    return predicate();
  }

  it('signs a checkpoint after events are recorded, and none while nothing changes', async () => {
    await recordEvents(env.audit, 3);
    expect(await waitFor(async () => (await checkpoints()).length > 0, 5000)).toBe(true);
    const [first] = await checkpoints();
    expect(JSON.parse(first.payload)).toMatchObject({ eventCount: '3' });

    // Two more timer ticks that found nothing new, rather than a fixed sleep: then still one checkpoint.
    const service = env.t.app.get(AuditCheckpointService);
    const create = jest.spyOn(service, 'create');
    try {
      const emptyTicks = async (): Promise<number> => {
        const results = await Promise.all(create.mock.results.map((r) => r.value as Promise<unknown>));
        return results.filter((v) => v === null).length;
      };
      expect(await waitFor(async () => (await emptyTicks()) >= 2, 5000)).toBe(true);
    } finally {
      create.mockRestore();
    }
    expect(await checkpoints()).toHaveLength(1);

    await recordEvents(env.audit, 2);
    expect(await waitFor(async () => (await checkpoints()).length === 2, 5000)).toBe(true);
    expect((await env.verifier.verify()).ok).toBe(true);
  });

  it('finds the newest checkpoint by number, not by text (checkpoint 10 comes after 9)', async () => {
    const service = env.t.app.get(AuditCheckpointService);
    for (let i = 0; i < 12; i++) await service.create();
    const [{ max }] = (await env.ds.query('SELECT max(id)::text AS max FROM audit_checkpoint')) as { max: string }[];
    expect(Number(max)).toBeGreaterThanOrEqual(12);
    expect((await service.latest())?.id).toBe(max);
    expect(await env.verifier.verify()).toMatchObject({ ok: true });
  });

  it('keeps this month and the next three months partitioned', async () => {
    const rows = (await env.ds.query(
      `SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'audit_event'::regclass ORDER BY c.relname`,
    )) as { relname: string }[];
    const month = (offset: number): string => {
      const d = new Date();
      const m = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset, 1));
      return `audit_event_${m.getUTCFullYear()}_${String(m.getUTCMonth() + 1).padStart(2, '0')}`;
    };
    expect(rows.map((r) => r.relname)).toEqual(expect.arrayContaining([0, 1, 2, 3].map(month)));
  });
});
