import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditService } from '@chartdesk/api-audit';
import { type OpenDatabase, openDatabase, runMigrations } from '@chartdesk/api-database';
import {
  ApiExceptionFilter,
  DomainError,
  Public,
  type RequestMeta,
  ReqMeta,
  createHttpApp,
  loadConfig,
} from '@chartdesk/api-platform';
import { Controller, Get, Module, Param } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
// The real composition root and migration list, as the app boots them.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { AppModule } from '../../../apps/api/src/app/app.module';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { ALL_MIGRATIONS } from '../../../apps/api/src/app/migrations';
import { RecordsPaths } from '@chartdesk/contracts';
import { type TestUser, createUser } from '../../support/auth';
import { type TestDatabase, createTestDatabase } from '../../support/test-database';
import { type ChartFixture, assign, createChart, createTeam } from '../records/records-fixtures';

/**
 * Stands in for GET /api/charts/:id until the records routes exist: reads one
 * patient row and audits it in the same transaction, as the chart read does.
 */
@Controller('audit-probe')
class PatientReadProbeController {
  constructor(private readonly audit: AuditService) {}

  @Public()
  @Get(':id')
  read(@Param('id') id: string, @ReqMeta() meta: RequestMeta): Promise<{ name: string }> {
    return this.audit.withAudit(
      async (m) => {
        const [row] = (await m.query('SELECT name FROM probe_patient WHERE id = $1', [id])) as { name: string }[];
        if (!row) throw new DomainError('NOT_FOUND', 'Not found');
        return row;
      },
      { action: 'CHART_VIEWED', outcome: 'success', patientId: id, resourceType: 'Patient', resourceId: id, meta },
    );
  }
}

@Module({ controllers: [PatientReadProbeController] })
class PatientReadProbeModule {}

/**
 * Fail-closed, end to end: the API connects as a login role that only has
 * chartdesk_app's rights (as in server mode); with INSERT on audit_event
 * revoked, reading patient data answers 503 and shows none of it.
 */
// Needs a PostgreSQL server (login roles and grants); the embedded PGlite fallback has one superuser.
const onServer = !process.env['CHARTDESK_TEST_DB_EMBEDDED'];

(onServer ? describe : describe.skip)('audit fail-closed (app role, real PostgreSQL)', () => {
  let testDb: TestDatabase;
  let database: OpenDatabase;
  let app: NestFastifyApplication;
  let owner: Client;
  let dataDir: string;
  const loginRole = `chartdesk_it_${randomBytes(4).toString('hex')}`;
  const patientId = randomUUID();

  beforeAll(async () => {
    testDb = await createTestDatabase('chartdesk_audit_fc');
    if (!testDb.url) throw new Error('this test needs a PostgreSQL server: roles and grants');
    dataDir = mkdtempSync(join(tmpdir(), 'chartdesk-fc-'));
    // Migrations run as the owner, as DATABASE_MIGRATION_URL does in server mode.
    await runMigrations({ url: testDb.url }, ALL_MIGRATIONS);
    owner = new Client({ connectionString: testDb.url });
    await owner.connect();
    await owner.query(`CREATE ROLE ${loginRole} LOGIN IN ROLE chartdesk_app`);
    await owner.query('CREATE TABLE probe_patient (id uuid PRIMARY KEY, name text NOT NULL)');
    await owner.query(`INSERT INTO probe_patient VALUES ($1, 'Probe Patient Zed')`, [patientId]);

    const appUrl = new URL(testDb.url);
    appUrl.username = loginRole;
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      CHARTDESK_DATA_DIR: dataDir,
      DATABASE_URL: appUrl.toString(),
      DATABASE_MIGRATION_URL: testDb.url,
      MIGRATE_ON_START: 'false',
      DB_POOL_SIZE: '3',
      WEB_DIST_DIR: join(dataDir, 'no-web'),
    });
    database = await openDatabase(config);
    app = await createHttpApp(
      { module: class ProbeRoot {}, imports: [AppModule.forRoot(config, database), PatientReadProbeModule] },
      config,
    );
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(async () => {
    await app?.close();
    await database?.close();
    await owner?.query(`DROP OWNED BY ${loginRole}`).catch(() => undefined);
    await owner?.end();
    await testDb?.drop();
    const admin = new Client({
      connectionString: process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    });
    await admin.connect();
    await admin.query(`DROP ROLE IF EXISTS ${loginRole}`).catch(() => undefined);
    await admin.end();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const auditedReads = async (): Promise<number> =>
    Number(
      (
        (await owner.query('SELECT count(*) AS n FROM audit_event WHERE patient_id = $1', [patientId])).rows[0] as {
          n: string;
        }
      ).n,
    );

  it('runs as a role that cannot alter the trail', async () => {
    const { rows } = await owner.query(
      `SELECT has_table_privilege($1, 'audit_event', 'UPDATE') AS upd, has_table_privilege($1, 'audit_event', 'DELETE') AS del,
              has_table_privilege($1, 'audit_event', 'TRUNCATE') AS trunc, has_any_column_privilege($1, 'audit_event', 'INSERT') AS ins`,
      [loginRole],
    );
    expect(rows[0]).toEqual({ upd: false, del: false, trunc: false, ins: true });
  });

  it('serves the read and audits it when the trail can be written', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/audit-probe/${patientId}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ name: 'Probe Patient Zed' });
    expect(await auditedReads()).toBe(1);
  });

  it('answers 503 with no patient data when the audit insert is refused, and writes nothing', async () => {
    await owner.query('REVOKE INSERT ON audit_event FROM chartdesk_app');
    try {
      const res = await app.inject({ method: 'GET', url: `/api/audit-probe/${patientId}` });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({
        statusCode: 503,
        error: 'Service Unavailable',
        code: 'AUDIT_UNAVAILABLE',
        message: expect.stringMatching(/audit trail cannot be written/),
        requestId: res.headers['x-request-id'],
      });
      expect(res.body).not.toMatch(/Probe Patient|Zed|permission denied|audit_event/);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(await auditedReads()).toBe(1);
    } finally {
      await owner.query(
        `GRANT INSERT (action, outcome, outcome_reason, actor_user_id, actor_role, session_id, patient_id,
          resource_type, resource_id, purpose, ip, user_agent, request_id, details) ON audit_event TO chartdesk_app`,
      );
    }
    const again = await app.inject({ method: 'GET', url: `/api/audit-probe/${patientId}` });
    expect(again.statusCode).toBe(200);
  });

  describe('GET /api/charts/:id by the assigned coder', () => {
    let coder: TestUser;
    let chart: ChartFixture;
    const open = () =>
      app.inject({
        method: 'GET',
        url: `/api/${RecordsPaths.chart.replace(':id', chart.encounterId)}`,
        headers: { authorization: `Bearer ${coder.accessToken}` },
      });
    const chartReads = async (): Promise<number> =>
      Number(
        (
          (
            await owner.query(
              `SELECT count(*) AS n FROM audit_event WHERE action = 'CHART_VIEWED' AND resource_id = $1`,
              [chart.encounterId],
            )
          ).rows[0] as { n: string }
        ).n,
      );

    beforeAll(async () => {
      const team = await createTeam(app);
      coder = await createUser(app, { role: 'CODER', teamId: team });
      chart = await createChart(app);
      await assign(app, chart.encounterId, coder.user.id);
    });

    it('opens and audits the chart while the trail can be written', async () => {
      const res = await open();
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain(chart.familyName);
      expect(await chartReads()).toBe(1);
    });

    it('answers 503 with none of the chart when the audit insert is refused', async () => {
      await owner.query('REVOKE INSERT ON audit_event FROM chartdesk_app');
      try {
        const res = await open();
        expect(res.statusCode).toBe(503);
        expect(res.json()).toMatchObject({ statusCode: 503, code: 'AUDIT_UNAVAILABLE' });
        expect(res.body).not.toContain(chart.familyName);
        expect(res.body).not.toContain(chart.mrn);
        expect(await chartReads()).toBe(1);
      } finally {
        await owner.query(
          `GRANT INSERT (action, outcome, outcome_reason, actor_user_id, actor_role, session_id, patient_id,
            resource_type, resource_id, purpose, ip, user_agent, request_id, details) ON audit_event TO chartdesk_app`,
        );
      }
      expect((await open()).statusCode).toBe(200);
    });
  });

  it('maps AUDIT_UNAVAILABLE to 503 in the one exception filter', () => {
    const body = new ApiExceptionFilter().toApiError(new DomainError('AUDIT_UNAVAILABLE', 'x'), 'req-1');
    expect(body).toMatchObject({ statusCode: 503, code: 'AUDIT_UNAVAILABLE', requestId: 'req-1' });
  });
});
