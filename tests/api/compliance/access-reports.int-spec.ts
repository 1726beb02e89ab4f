import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyExportFile } from '@chartdesk/api-compliance';
import {
  CompliancePaths,
  EXPORT_ID_HEADER,
  type ExportManifest,
  type ExportVerification,
  type PatientSearchHit,
  RecordsPaths,
  type ReportPage,
  apiUrl,
  compliancePath,
} from '@chartdesk/contracts';
import { DataSource } from 'typeorm';
import { type TestUser, authHeader, createUser, freshTotpCode } from '../../support/auth';
import { type TestApp, createTestApp } from '../../support/test-app';
import { type ChartFixture, assign, createChart } from './compliance-fixtures';

const FROM = new Date(Date.now() - 3_600_000).toISOString();
const TO = new Date(Date.now() + 3_600_000).toISOString();
const range = `from=${encodeURIComponent(FROM)}&to=${encodeURIComponent(TO)}`;
const reportUrl = (report: string, query: string): string =>
  `${apiUrl(compliancePath(CompliancePaths.report, { report }))}?${range}&${query}`;
const exportUrl = (report: string, query: string): string =>
  `${apiUrl(compliancePath(CompliancePaths.export, { report }))}?${range}&${query}`;

describe('answering "who looked at my record?"', () => {
  let t: TestApp;
  let coder: TestUser;
  let supervisor: TestUser;
  let officer: TestUser;
  let chart: ChartFixture;
  let otherChart: ChartFixture;
  let part2Chart: ChartFixture;
  const dir = mkdtempSync(join(tmpdir(), 'chartdesk-export-'));

  beforeAll(async () => {
    t = await createTestApp({ EXPORTS_PER_HOUR: '6' });
    coder = await createUser(t.app, { role: 'CODER', displayName: 'Casey Coder' });
    supervisor = await createUser(t.app, { role: 'SUPERVISOR', displayName: 'Sam Supervisor' });
    officer = await createUser(t.app, { role: 'COMPLIANCE', displayName: 'Olive Officer' });
    chart = await createChart(t.app, { familyName: 'Quartermain', givenName: 'Rosalind' });
    otherChart = await createChart(t.app);
    part2Chart = await createChart(t.app, { labels: ['SUBSTANCE_USE_PART2'] });
    await assign(t.app, chart.encounterId, coder.user.id);
    // The history compliance will be asked about: a read under assignment, a denial, a break-the-glass and its read.
    const read = await t.app.inject({
      method: 'GET',
      url: apiUrl(`charts/${chart.encounterId}`),
      headers: authHeader(coder.accessToken),
    });
    expect(read.statusCode).toBe(200);
    const denied = await t.app.inject({
      method: 'GET',
      url: apiUrl(`charts/${otherChart.encounterId}`),
      headers: authHeader(coder.accessToken),
    });
    expect(denied.statusCode).toBe(404);
    const grant = await t.app.inject({
      method: 'POST',
      url: apiUrl(RecordsPaths.breakGlass),
      headers: authHeader(supervisor.accessToken),
      payload: {
        encounterId: chart.encounterId,
        reasonCode: 'PATIENT_SAFETY',
        reasonText: 'Attending asked for an urgent coding check',
        totpCode: await freshTotpCode(t.app, supervisor.totpSecret),
      },
    });
    expect(grant.statusCode).toBe(201);
    const glassRead = await t.app.inject({
      method: 'GET',
      url: apiUrl(`charts/${chart.encounterId}`),
      headers: authHeader(supervisor.accessToken),
    });
    expect(glassRead.statusCode).toBe(200);
    // A Part 2 chart the coder is refused: its access history is itself Part 2 information.
    await t.app.inject({
      method: 'GET',
      url: apiUrl(`charts/${part2Chart.encounterId}`),
      headers: authHeader(coder.accessToken),
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('finds the patient by MRN and by name, identifiers only', async () => {
    for (const q of [chart.mrn.toLowerCase(), 'quartermain rosalind', 'Quartermain']) {
      const res = await t.app.inject({
        method: 'GET',
        url: `${apiUrl(CompliancePaths.patientSearch)}?q=${encodeURIComponent(q)}`,
        headers: authHeader(officer.accessToken),
      });
      expect(res.statusCode).toBe(200);
      const hits = res.json<PatientSearchHit[]>();
      expect(hits[0]).toEqual({
        patientId: chart.patientId,
        facility: 'COMPLIANCE-TEST',
        mrn: chart.mrn,
        name: 'Quartermain, Rosalind',
        birthDate: '1970-01-01',
        isVip: false,
        isEmployee: false,
      });
    }
  });

  it('lists every access with who, when, what, why, outcome and where — and no clinical content', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: reportUrl('patient-access', `patientId=${chart.patientId}&direction=asc`),
      headers: authHeader(officer.accessToken),
    });
    expect(res.statusCode).toBe(200);
    const rows = res.json<ReportPage>().rows;
    const summary = rows.map((r) => [r.action, r.actor.displayName, r.actor.role, r.why.basis, r.outcome]);
    expect(summary).toEqual([
      ['CHART_VIEWED', 'Casey Coder', 'CODER', 'ASSIGNMENT', 'success'],
      ['BREAK_GLASS_GRANTED', 'Sam Supervisor', 'SUPERVISOR', 'BREAK_GLASS', 'success'],
      ['CHART_VIEWED', 'Sam Supervisor', 'SUPERVISOR', 'BREAK_GLASS', 'success'],
    ]);
    for (const r of rows) {
      expect(r.patient).toEqual({ patientId: chart.patientId, mrn: chart.mrn, name: 'Quartermain, Rosalind' });
      expect(r.resourceId).toBe(chart.encounterId);
      expect(r.ip).toBe('127.0.0.1');
      expect(Date.parse(r.recordedAt)).toBeGreaterThan(Date.parse(FROM));
    }
    expect(Object.keys(rows[0] ?? {}).sort()).toEqual(
      [
        'action',
        'actor',
        'eventId',
        'ip',
        'outcome',
        'outcomeReason',
        'part2',
        'patient',
        'recordedAt',
        'resourceId',
        'resourceType',
        'why',
      ].sort(),
    );
  });

  it('pages with a cursor without skipping or repeating rows', async () => {
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const after: string = cursor;
      const res: { statusCode: number; json: <T>() => T } = await t.app.inject({
        method: 'GET',
        url: reportUrl('patient-access', `patientId=${chart.patientId}&limit=1${after ? `&cursor=${after}` : ''}`),
        headers: authHeader(officer.accessToken),
      });
      const page: ReportPage = res.json<ReportPage>();
      seen.push(...page.rows.map((r) => r.eventId));
      cursor = page.nextCursor;
    }
    expect(seen).toHaveLength(3);
    expect(new Set(seen).size).toBe(3);
    expect([...seen].map(Number)).toEqual([...seen].map(Number).sort((a, b) => b - a));
  });

  it('reports the user activity, denials and break-the-glass log', async () => {
    const h = authHeader(officer.accessToken);
    const activity = (
      await t.app.inject({ method: 'GET', url: reportUrl('user-activity', `userId=${coder.user.id}`), headers: h })
    ).json<ReportPage>();
    expect(activity.rows.map((r) => r.action)).toEqual(
      expect.arrayContaining(['CHART_VIEWED', 'ACCESS_DENIED', 'LOGIN_SUCCEEDED']),
    );
    const denials = (
      await t.app.inject({ method: 'GET', url: reportUrl('denials', `userId=${coder.user.id}`), headers: h })
    ).json<ReportPage>();
    expect(denials.rows.map((r) => [r.action, r.outcomeReason, r.patient?.patientId])).toEqual(
      expect.arrayContaining([['ACCESS_DENIED', 'NOT_ASSIGNED', otherChart.patientId]]),
    );
    expect(denials.rows.every((r) => r.outcome === 'denied')).toBe(true);
    const glass = (
      await t.app.inject({ method: 'GET', url: reportUrl('break-glass', `userId=${supervisor.user.id}`), headers: h })
    ).json<ReportPage>();
    expect(glass.rows).toHaveLength(1);
    expect(glass.rows[0]).toMatchObject({
      action: 'BREAK_GLASS_GRANTED',
      why: { basis: 'BREAK_GLASS', reference: 'break-glass:PATIENT_SAFETY' },
    });
  });

  it('keeps clinical content from compliance until an investigation is open', async () => {
    const url = apiUrl(`compliance/charts/${chart.encounterId}`);
    const before = await t.app.inject({ method: 'GET', url, headers: authHeader(officer.accessToken) });
    expect(before.statusCode).toBe(404);
    const opened = await t.app.inject({
      method: 'POST',
      url: apiUrl(RecordsPaths.investigations),
      headers: authHeader(officer.accessToken),
      payload: { patientId: chart.patientId, reason: 'Patient asked who viewed the record', durationMinutes: 30 },
    });
    expect(opened.statusCode).toBe(201);
    const after = await t.app.inject({ method: 'GET', url, headers: authHeader(officer.accessToken) });
    expect(after.statusCode).toBe(200);
  });

  it('exports CSV with a signed manifest that verifies offline, and a tampered copy fails', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: exportUrl('patient-access', `patientId=${chart.patientId}&format=csv`),
      headers: authHeader(officer.accessToken),
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const exportId = String(res.headers[EXPORT_ID_HEADER]);
    const lines = res.body.trimEnd().split('\n');
    expect(lines[0]?.startsWith('event_id,recorded_at,action')).toBe(true);
    const report = (
      await t.app.inject({
        method: 'GET',
        url: reportUrl('patient-access', `patientId=${chart.patientId}&direction=asc&limit=500`),
        headers: authHeader(officer.accessToken),
      })
    ).json<ReportPage>();
    const rowCount = report.rows.length;
    expect(rowCount).toBeGreaterThanOrEqual(6); // 3 accesses, compliance's refusal, the investigation and its read
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(report.rows.map((r) => r.eventId));
    const manifestRes = await t.app.inject({
      method: 'GET',
      url: apiUrl(compliancePath(CompliancePaths.exportManifest, { id: exportId })),
      headers: authHeader(officer.accessToken),
    });
    expect(manifestRes.statusCode).toBe(200);
    const manifest = manifestRes.json<ExportManifest>();
    expect(manifest).toMatchObject({ exportId, rowCount, part2Notice: false, report: 'patient-access' });
    expect(manifest.checkpoint).not.toBeNull();
    expect(manifest.chainPosition.length).toBeGreaterThan(0);
    const file = join(dir, 'export.csv');
    const manifestFile = join(dir, 'export.manifest.json');
    writeFileSync(file, res.rawPayload);
    writeFileSync(manifestFile, manifestRes.body);
    const checkpoint = await t.app.inject({
      method: 'GET',
      url: apiUrl(CompliancePaths.integrityCheckpoint),
      headers: authHeader(officer.accessToken),
    });
    const checkpointFile = join(dir, 'checkpoint.json');
    writeFileSync(checkpointFile, checkpoint.body);
    const good = await verifyExportFile(file, manifestFile, checkpointFile);
    expect(good.checks.filter((c) => !c.ok)).toEqual([]);
    // Change one character of one row (a different IP): the hash no longer matches.
    writeFileSync(file, readFileSync(file, 'utf8').replace('127.0.0.1', '127.0.0.2'));
    const tampered = await verifyExportFile(file, manifestFile, checkpointFile);
    expect(tampered.ok).toBe(false);
    expect(tampered.checks.find((c) => c.check === 'SHA256')?.ok).toBe(false);
    // Drop a row and fix up the manifest's count: the signature gives it away.
    const body = readFileSync(manifestFile, 'utf8');
    writeFileSync(manifestFile, body.replace(`"rowCount":${rowCount}`, `"rowCount":${rowCount - 1}`));
    const forged = await verifyExportFile(file, manifestFile, checkpointFile);
    expect(forged.checks.find((c) => c.check === 'SIGNATURE')?.ok).toBe(false);
    // The same checks on the server, as the integrity page runs them.
    const server = await t.app.inject({
      method: 'POST',
      url: apiUrl(CompliancePaths.exportVerify),
      headers: authHeader(officer.accessToken),
      payload: { manifest, sha256: manifest.sha256, byteLength: manifest.byteLength, rowCount },
    });
    expect(server.json<ExportVerification>().ok).toBe(true);
    const serverTampered = await t.app.inject({
      method: 'POST',
      url: apiUrl(CompliancePaths.exportVerify),
      headers: authHeader(officer.accessToken),
      payload: { manifest, sha256: 'f'.repeat(64), byteLength: manifest.byteLength, rowCount },
    });
    expect(serverTampered.json<ExportVerification>().ok).toBe(false);
    const [audited] = (await t.app
      .get(DataSource)
      .query(`SELECT details FROM audit_event WHERE action = 'EXPORTED' AND resource_id = $1`, [exportId])) as {
      details: Record<string, unknown>;
    }[];
    expect(audited?.details).toMatchObject({
      report: 'patient-access',
      format: 'csv',
      filters: { patientId: chart.patientId },
    });
  });

  it('exports FHIR AuditEvent NDJSON with the 42 CFR §2.32 notice where Part 2 records appear', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: exportUrl('patient-access', `patientId=${part2Chart.patientId}&format=ndjson`),
      headers: authHeader(officer.accessToken),
    });
    expect(res.statusCode).toBe(200);
    const lines = res.body
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ resourceType: 'Parameters', parameter: [{ name: '42-cfr-part-2-notice' }] });
    expect(JSON.stringify(lines[0])).toContain('42 CFR part 2');
    expect(lines[1]).toMatchObject({
      resourceType: 'AuditEvent',
      subtype: [{ code: 'ACCESS_DENIED' }],
      outcome: '4',
      meta: { security: [{ code: '42CFRPart2' }] },
      entity: expect.arrayContaining([
        expect.objectContaining({ what: { reference: `Patient/${part2Chart.patientId}` } }),
      ]),
    });
    const manifest = (
      await t.app.inject({
        method: 'GET',
        url: apiUrl(compliancePath(CompliancePaths.exportManifest, { id: String(res.headers[EXPORT_ID_HEADER]) })),
        headers: authHeader(officer.accessToken),
      })
    ).json<ExportManifest>();
    expect(manifest).toMatchObject({ part2Notice: true, rowCount: 1, fileFormat: 'ndjson' });
  });

  it('throttles exports per user and audits the refusal', async () => {
    const heavy = await createUser(t.app, { role: 'COMPLIANCE' });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await t.app.inject({
        method: 'GET',
        url: exportUrl('denials', 'format=csv'),
        headers: authHeader(heavy.accessToken),
      });
      statuses.push(res.statusCode);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 429]);
    const [refused] = (await t.app
      .get(DataSource)
      .query(
        `SELECT outcome_reason FROM audit_event WHERE action = 'EXPORTED' AND actor_user_id = $1 AND outcome = 'denied'`,
        [heavy.user.id],
      )) as { outcome_reason: string }[];
    expect(refused?.outcome_reason).toBe('RATE_LIMITED');
  });

  it("does not hand one officer another officer's manifest", async () => {
    const other = await createUser(t.app, { role: 'COMPLIANCE' });
    const res = await t.app.inject({
      method: 'GET',
      url: exportUrl('denials', 'format=csv'),
      headers: authHeader(officer.accessToken),
    });
    const manifest = await t.app.inject({
      method: 'GET',
      url: apiUrl(compliancePath(CompliancePaths.exportManifest, { id: String(res.headers[EXPORT_ID_HEADER]) })),
      headers: authHeader(other.accessToken),
    });
    expect(manifest.statusCode).toBe(404);
  });
});
