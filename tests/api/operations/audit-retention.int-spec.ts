import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import {
  AUDIT_COMMANDS,
  AuditService,
  AuditVerifier,
  archiveAuditMonth,
  archiveFileName,
  expiredAuditMonths,
  loadAuditSigningKey,
  recordBackdatedEvents,
  verifyArchivedMonth,
} from '@chartdesk/api-audit';
import { DataSource } from 'typeorm';
import { type TestApp, createTestApp } from '../../support/test-app';
import { type TestDatabase, createTestDatabase } from '../../support/test-database';

const pastEvents = (month: string, n: number) =>
  Array.from({ length: n }, (_, i) => ({
    recordedAt: new Date(`${month}-${String(1 + (i % 27)).padStart(2, '0')}T1${i % 10}:00:00Z`),
    action: 'CHART_VIEWED' as const,
    outcome: 'success' as const,
    actor: { userId: randomUUID(), role: 'CODER', sessionId: null },
    patientId: randomUUID(),
    resourceType: 'Encounter',
    resourceId: randomUUID(),
    details: { i },
  }));

/**
 * Retention: months older than the retention period leave the hot database
 * as a compressed file with a signed manifest, proven offline before the
 * partition is dropped; the online trail still verifies from where each
 * archived stream ended, and a tampered archive is caught.
 */
describe('audit retention: archive, prove offline, drop', () => {
  let db: TestDatabase;
  let t: TestApp;
  let ds: DataSource;
  let dir: string;

  beforeAll(async () => {
    db = await createTestDatabase('chartdesk_retention');
    t = await createTestApp({ DATABASE_URL: db.url, AUDIT_CHAIN_STREAMS: '16' });
    ds = t.app.get(DataSource);
    dir = mkdtempSync(join(tmpdir(), 'chartdesk-archive-'));
    // Two old months (as the owner, the only role that may back-date), then live events.
    for (const month of ['2018-03', '2018-04']) {
      await ds.transaction((m) => recordBackdatedEvents(m, pastEvents(month, 40)));
    }
    const audit = t.app.get(AuditService);
    for (let i = 0; i < 10; i++) await audit.recordStandalone({ action: 'LOGOUT', outcome: 'success' });
  });
  afterAll(async () => {
    await t?.close();
    await db?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('finds exactly the months past the retention period (HIPAA: six years)', async () => {
    expect(await expiredAuditMonths(ds, 72)).toEqual(['2018-03', '2018-04']);
    expect(await expiredAuditMonths(ds, 1200)).toEqual([]);
  });

  it('archives each month, proves it, drops its partition, and the online trail still verifies', async () => {
    const key = loadAuditSigningKey(t.config);
    for (const month of await expiredAuditMonths(ds, 72)) {
      const done = await archiveAuditMonth(ds, key, month, dir);
      expect(done.eventCount).toBe(40);
    }
    const parts = (await ds.query(`SELECT to_regclass('public.audit_event_2018_03') IS NULL AS gone`)) as {
      gone: boolean;
    }[];
    expect(parts[0]?.gone).toBe(true);
    const [{ n }] = (await ds.query(`SELECT count(*)::int AS n FROM audit_event`)) as [{ n: number }];
    expect(n).toBe(10);
    expect(verifyArchivedMonth(dir, '2018-03', key.publicKey)).toMatchObject({ ok: true, eventCount: 40 });
    expect(await t.app.get(AuditVerifier).verify()).toMatchObject({ ok: true, eventsChecked: 10 });
    // The same proof from the command line: `verify --archive <dir>`.
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      expect(await AUDIT_COMMANDS.verify(t.config, ['--archive', dir], {})).toBe(0);
    } finally {
      log.mockRestore();
    }
  });

  it('refuses to change the archive record, like the trail itself', async () => {
    await expect(ds.query(`DELETE FROM audit_archive`)).rejects.toMatchObject({ code: '42501' });
    await expect(ds.query(`UPDATE audit_archive SET event_count = 0`)).rejects.toMatchObject({ code: '42501' });
  });

  it('catches a tampered archive offline, naming the event', () => {
    const key = loadAuditSigningKey(t.config);
    const path = join(dir, archiveFileName('2018-04'));
    const lines = gunzipSync(readFileSync(path)).toString('utf8').split('\n');
    const victim = JSON.parse(lines[5] ?? '{}') as { id: string; canonical: string };
    lines[5] = JSON.stringify({ ...victim, canonical: victim.canonical.replace('CHART_VIEWED', 'LOGOUT') });
    writeFileSync(path, gzipSync(lines.join('\n')));
    const check = verifyArchivedMonth(dir, '2018-04', key.publicKey);
    expect(check.ok).toBe(false);
    expect(check.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/does not match the manifest's SHA-256/),
        `event ${victim.id}: its content no longer matches its hash`,
      ]),
    );
  });
});
