import { seedDemoCodeSets } from '@chartdesk/api-codesets';
import { qualitySampleCommand } from '@chartdesk/api-quality';
import { QualityPaths, type ReviewListResponse, type SamplingRule } from '@chartdesk/contracts';
import { DataSource } from 'typeorm';
import { type TestUser, createTeam, createUser } from '../../support/auth';
import { type TestApp, createTestApp } from '../../support/test-app';
import { call, submittedChart } from './quality-fixtures';

const ALL: SamplingRule = {
  newCoderCharts: 0,
  newCoderRate: 1,
  rate: 1,
  minimumPerPeriod: 0,
  stratifyByEncounterType: false,
  passThreshold: 0.95,
};

describe('quality-sample command (for a scheduler)', () => {
  let t: TestApp;
  let supervisor: TestUser;
  let logs: string[];
  let spies: jest.SpyInstance[];

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoCodeSets(t.app.get(DataSource));
    const team = await createTeam(t.app);
    supervisor = await createUser(t.app, { role: 'SUPERVISOR', teamId: team });
    const coder = await createUser(t.app, { role: 'CODER', teamId: team, specialties: ['OUTPATIENT'] });
    await call(t.app, supervisor, 'PUT', QualityPaths.samplingRules, { rule: ALL });
    await submittedChart(t.app, supervisor, coder);
    await submittedChart(t.app, supervisor, coder);
  });
  beforeEach(() => {
    logs = [];
    spies = [
      jest.spyOn(console, 'log').mockImplementation((line: string) => void logs.push(line)),
      jest.spyOn(console, 'error').mockImplementation((line: string) => void logs.push(line)),
    ];
  });
  afterEach(() => spies.forEach((s) => s.mockRestore()));
  afterAll(async () => {
    await t?.close();
  });

  it('runs the sampling as the named supervisor and prints the verified draw', async () => {
    expect(await qualitySampleCommand(t.config, ['--supervisor', supervisor.user.username])).toBe(0);
    expect(logs[0]).toMatch(
      /^Sampling run [0-9a-f-]{36}: drew 2 of 2 submitted chart\(s\) \(seed [0-9a-f]{32}; selection verified\)\.$/,
    );
    const list = await call<ReviewListResponse>(t.app, supervisor, 'GET', QualityPaths.reviews);
    expect(list.body.reviews).toHaveLength(2);
    const [run] = (await t.app
      .get(DataSource)
      .query('SELECT created_by FROM quality_sample_run ORDER BY created_at DESC LIMIT 1')) as { created_by: string }[];
    expect(run?.created_by).toBe(supervisor.user.id);
  });

  it('refuses without a supervisor, with an unknown one, and with a bad period', async () => {
    expect(await qualitySampleCommand(t.config, [])).toBe(2);
    expect(await qualitySampleCommand(t.config, ['--supervisor', 'nobody-here'])).toBe(2);
    expect(logs).toContain('No active supervisor with a team is named "nobody-here".');
    const bad = [
      '--supervisor',
      supervisor.user.username,
      '--from',
      '2026-11-02T00:00:00Z',
      '--to',
      '2026-11-01T00:00:00Z',
    ];
    expect(await qualitySampleCommand(t.config, bad)).toBe(2);
    expect(logs).toContain('"from" must be before "to".');
  });
});
