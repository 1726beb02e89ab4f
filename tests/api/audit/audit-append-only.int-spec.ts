import { AuditCheckpointService } from '@chartdesk/api-audit';
import { type AuditTestEnv, createAuditTestEnv, recordEvents, resetTrail } from './audit-test-support';

/**
 * Append-only twice over: the app role lacks the privileges, and triggers
 * refuse UPDATE, DELETE and TRUNCATE even for the owner.
 */
describe('audit tables are append-only (real PostgreSQL)', () => {
  let env: AuditTestEnv;
  let partition: string;

  beforeAll(async () => {
    env = await createAuditTestEnv();
    await resetTrail(env.ds);
    await recordEvents(env.audit, 5);
    await env.t.app.get(AuditCheckpointService).create();
    const [row] = (await env.ds.query(
      `SELECT tableoid::regclass::text AS part FROM audit_event ORDER BY id LIMIT 1`,
    )) as { part: string }[];
    partition = row.part;
  });
  afterAll(async () => {
    await env?.close();
  });

  /** Runs one statement in a transaction that is always rolled back, returning the error (if any). */
  async function attempt(sql: string, role?: string): Promise<{ code?: string; message: string } | null> {
    const runner = env.ds.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      if (role) await runner.query(`SET LOCAL ROLE ${role}`);
      await runner.query(sql);
      return null;
    } catch (error) {
      const e = error as { code?: string; message: string };
      return { code: e.code, message: e.message };
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  }

  describe('as the owner (triggers)', () => {
    it.each([
      ['UPDATE', 'UPDATE audit_event SET purpose = NULL'],
      ['DELETE', 'DELETE FROM audit_event'],
      ['TRUNCATE', 'TRUNCATE audit_event'],
    ])('refuses %s on audit_event', async (op, sql) => {
      expect(await attempt(sql)).toMatchObject({
        code: '42501',
        message: expect.stringMatching(`${op} on audit_event`),
      });
    });

    it('refuses UPDATE, DELETE and TRUNCATE on a partition too', async () => {
      for (const sql of [
        `UPDATE ${partition} SET purpose = NULL`,
        `DELETE FROM ${partition}`,
        `TRUNCATE ${partition}`,
      ]) {
        expect(await attempt(sql)).toMatchObject({ code: '42501', message: expect.stringMatching(/append-only/) });
      }
    });

    it('refuses changes to checkpoints and removal of chain heads', async () => {
      for (const sql of [
        'UPDATE audit_checkpoint SET key_id = key_id',
        'DELETE FROM audit_checkpoint',
        'TRUNCATE audit_checkpoint',
        'DELETE FROM audit_chain_head',
        'TRUNCATE audit_chain_head',
      ]) {
        expect(await attempt(sql)).toMatchObject({ code: '42501', message: expect.stringMatching(/append-only/) });
      }
    });

    it('ignores a caller-chosen id, stream, position and hash', async () => {
      const [row] = (await env.ds.transaction((m) =>
        m.query(
          `INSERT INTO audit_event (id, stream, seq, prev_hash, hash, action, outcome)
           VALUES (1, 999, 1, '\\x00', '\\x00', 'LOGOUT', 'success')
           RETURNING id::text AS id, stream, seq::int AS seq, length(hash) AS len`,
        ),
      )) as { id: string; stream: number; seq: number; len: number }[];
      expect(row.id).not.toBe('1');
      expect(row.stream).not.toBe(999);
      expect(row.len).toBe(32);
      expect((await env.verifier.verify()).ok).toBe(true);
    });

    it('refuses a back-dated event', async () => {
      expect(
        await attempt(
          `INSERT INTO audit_event (recorded_at, action, outcome) VALUES (now() - interval '1 day', 'LOGOUT', 'success')`,
        ),
      ).toMatchObject({ message: expect.stringMatching(/server clock/) });
    });
  });

  describe('as the app role chartdesk_app (privileges)', () => {
    beforeAll(async () => {
      const [role] = (await env.ds.query(`SELECT 1 FROM pg_roles WHERE rolname = 'chartdesk_app'`)) as unknown[];
      if (!role) throw new Error('the migration did not create chartdesk_app');
    });

    it.each([
      'UPDATE audit_event SET purpose = NULL',
      'DELETE FROM audit_event',
      'TRUNCATE audit_event',
      'UPDATE audit_checkpoint SET key_id = key_id',
      'DELETE FROM audit_checkpoint',
      'UPDATE audit_chain_head SET seq = 0',
      'DELETE FROM audit_chain_head',
    ])('is denied: %s', async (sql) => {
      expect(await attempt(sql, 'chartdesk_app')).toMatchObject({
        code: '42501',
        message: expect.stringMatching(/permission denied/),
      });
    });

    it('cannot reach a partition directly, nor set chain columns', async () => {
      expect(await attempt(`SELECT count(*) FROM ${partition}`, 'chartdesk_app')).toMatchObject({ code: '42501' });
      expect(
        await attempt(
          `INSERT INTO audit_event (hash, action, outcome) VALUES ('\\x00', 'LOGOUT', 'success')`,
          'chartdesk_app',
        ),
      ).toMatchObject({ code: '42501' });
    });

    it('can insert described events and read the trail', async () => {
      expect(
        await attempt(`INSERT INTO audit_event (action, outcome) VALUES ('LOGOUT', 'success')`, 'chartdesk_app'),
      ).toBeNull();
      expect(await attempt('SELECT count(*) FROM audit_event', 'chartdesk_app')).toBeNull();
    });
  });
});
