import { randomUUID } from 'node:crypto';
import { AuditCheckpointService, AuditService, AuditVerifier } from '@chartdesk/api-audit';
import { Client } from 'pg';
import { type TestApp, createTestApp } from '../../support/test-app';
import { type ServerRoles, createServerRoles } from '../../support/server-roles';

const INSERT_EVENT = `INSERT INTO audit_event (action, outcome, actor_role, resource_type, resource_id)
  VALUES ('CHART_VIEWED', 'success', 'coder', 'Encounter', $1)`;

/**
 * What the API's own database role (a login role in chartdesk_app, as in
 * production) could once do to poison verification without touching a row,
 * tried as that role on a real server.
 */
describe('the app role cannot poison audit verification', () => {
  let roles: ServerRoles;
  let t: TestApp;
  const clients: Client[] = [];

  async function connect(url: string): Promise<Client> {
    const c = new Client({ connectionString: url });
    await c.connect();
    clients.push(c);
    return c;
  }

  beforeAll(async () => {
    roles = await createServerRoles();
    t = await createTestApp({
      DATABASE_URL: roles.appUrl,
      DATABASE_MIGRATION_URL: roles.ownerUrl,
      AUDIT_CHAIN_STREAMS: '16',
    });
    const audit = t.app.get(AuditService);
    for (let i = 0; i < 20; i++) {
      await audit.recordStandalone({ action: 'CHART_VIEWED', outcome: 'success', resourceId: `seed-${i}` });
    }
  });
  afterAll(async () => {
    for (const c of clients) await c.end().catch(() => undefined);
    await t?.close();
    await roles?.drop();
  });

  it('a pinned stream waits for its holder instead of interleaving with it, so the chain stays in order', async () => {
    const a = await connect(roles.appUrl);
    const b = await connect(roles.appUrl);
    await a.query('BEGIN');
    await a.query("SET LOCAL chartdesk.audit_stream = '3'");
    await a.query(INSERT_EVENT, ['pin-a1']);
    await b.query('BEGIN');
    await b.query("SET LOCAL chartdesk.audit_stream = '3'");
    let bDone = false;
    const bInsert = b.query(INSERT_EVENT, ['pin-b1']).then(() => (bDone = true));
    await new Promise((r) => setTimeout(r, 300));
    expect(bDone).toBe(false);
    await a.query(INSERT_EVENT, ['pin-a2']);
    await a.query('COMMIT');
    await bInsert;
    await b.query('COMMIT');
    const { rows } = await a.query<{ resource_id: string; stream: number; seq: string }>(
      `SELECT resource_id, stream, seq::text FROM audit_event WHERE resource_id LIKE 'pin-%' ORDER BY id`,
    );
    expect(rows.map((r) => r.resource_id)).toEqual(['pin-a1', 'pin-a2', 'pin-b1']);
    expect(rows.every((r) => r.stream === 3)).toBe(true);
    expect(await t.app.get(AuditVerifier).verify()).toMatchObject({ ok: true });
  });

  it('a pinned stream that does not exist fails only the pinning transaction', async () => {
    const c = await connect(roles.appUrl);
    await c.query('BEGIN');
    await c.query("SET LOCAL chartdesk.audit_stream = '999'");
    await expect(c.query(INSERT_EVENT, ['pin-bad'])).rejects.toMatchObject({ code: '22023' });
    await c.query('ROLLBACK');
  });

  it('cannot write checkpoint rows directly, nor through the function with a payload that is not the trail', async () => {
    const c = await connect(roles.appUrl);
    await expect(
      c.query(`INSERT INTO audit_checkpoint (key_id, payload, signature) VALUES ('k', '{}', '\\x00')`),
    ).rejects.toMatchObject({ code: '42501' });
    const latest = await t.app.get(AuditCheckpointService).create();
    const forgedHeads = latest?.heads.map((h) => (h.stream === 0 ? { ...h, seq: String(Number(h.seq) + 5) } : h));
    const payload = JSON.stringify({
      format: 'chartdesk-audit-checkpoint/1',
      createdAt: new Date().toISOString(),
      eventCount: String(Number(latest?.eventCount) + 5),
      heads: forgedHeads,
    });
    await expect(
      c.query('SELECT audit_append_checkpoint($1, $2, $3)', ['a'.repeat(64), payload, Buffer.alloc(64)]),
    ).rejects.toMatchObject({
      code: '23514',
      message: expect.stringMatching(/does not describe the current audit trail/),
    });
  });

  it('cannot add streams or partitions beyond the fixed bound, nor make arbitrary partitions', async () => {
    const c = await connect(roles.appUrl);
    await expect(c.query('SELECT audit_ensure_streams(1024)')).rejects.toMatchObject({ code: '42501' });
    await expect(c.query('SELECT audit_create_partitions(24)')).rejects.toMatchObject({ code: '42501' });
    await expect(c.query('SELECT audit_create_partitions(600)')).rejects.toMatchObject({ code: '22023' });
    await expect(c.query(`SELECT audit_ensure_partition('2099-01-01')`)).rejects.toMatchObject({ code: '42501' });
    // What the app itself needs still works.
    await expect(c.query('SELECT audit_ensure_streams(16), audit_create_partitions(3)')).resolves.toBeDefined();
    const { rows } = await c.query<{ n: string }>('SELECT count(*)::text AS n FROM audit_chain_head');
    expect(rows[0]?.n).toBe('16');
  });

  it('a junk-signed checkpoint is one named finding, and a real tamper after it is still named', async () => {
    const app = await connect(roles.appUrl);
    const heads = (
      await app.query<{ stream: number; seq: string; hash: string; last_event_id: string | null }>(
        `SELECT stream, seq::text, encode(last_hash, 'hex') AS hash, last_event_id::text FROM audit_chain_head ORDER BY stream`,
      )
    ).rows.map((h) => ({ stream: h.stream, seq: h.seq, hash: h.hash, lastEventId: h.last_event_id }));
    const payload = JSON.stringify({
      format: 'chartdesk-audit-checkpoint/1',
      createdAt: new Date().toISOString(),
      eventCount: String(heads.reduce((n, h) => n + Number(h.seq), 0)),
      heads,
    });
    // The true heads with a signature the database cannot check: the one thing the app role can still do.
    const { rows } = await app.query<{ id: string }>('SELECT audit_append_checkpoint($1, $2, $3)::text AS id', [
      'b'.repeat(64),
      payload,
      Buffer.alloc(64, 7),
    ]);
    const junkId = rows[0]?.id;
    // A real tamper by someone who can turn triggers off.
    const admin = await connect(roles.adminUrl);
    const { rows: victims } = await admin.query<{ id: string }>(
      `SELECT id::text FROM audit_event WHERE resource_id = 'seed-7'`,
    );
    await admin.query('BEGIN');
    await admin.query('SET LOCAL session_replication_role = replica');
    await admin.query(`UPDATE audit_event SET resource_id = $1 WHERE resource_id = 'seed-7'`, [randomUUID()]);
    await admin.query('COMMIT');

    const result = await t.app.get(AuditVerifier).verify();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'CONTENT_CHANGED', eventId: victims[0]?.id }),
        expect.objectContaining({ kind: 'BAD_CHECKPOINT_SIGNATURE', checkpointId: junkId }),
      ]),
    );
    expect(result.problems).toHaveLength(2);
    expect(result.problem).toMatchObject({ kind: 'CONTENT_CHANGED', eventId: victims[0]?.id });
  });
});
