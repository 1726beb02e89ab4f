// The runner's counting rules, checked on what jest really writes with --json:
// the fixtures are run by a real jest in beforeAll.
'use strict';

const { spawnSync } = require('node:child_process');
const { mkdtempSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { loadProtectedSuites, summarizeLint, summarizeTier, summaryLine } = require('./summary.cjs');

const root = join(__dirname, '../..');
const fixture = (name) => `tools/test-runner/fixtures/${name}.fixture.cjs`;
const listed = [{ path: fixture('protected-skip'), tier: 'fx', proves: 'a security property' }];

describe('test runner summary', () => {
  let dir;
  let report;
  let exitStatus;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'runner-spec-'));
    const out = join(dir, 'fx.json');
    const jest = join(root, 'node_modules/jest/bin/jest.js');
    const config = join(__dirname, 'fixtures/fixtures.jest.cjs');
    const r = spawnSync(process.execPath, [jest, '-c', config, '--ci', '--json', `--outputFile=${out}`], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, CI: 'false' },
    });
    exitStatus = r.status;
    report = JSON.parse(readFileSync(out, 'utf8'));
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const summarize = (ci, protectedSuites = listed) =>
    summarizeTier('fx', report, { root, exitStatus, ci, protectedSuites });

  it('counts passed, failed and skipped tests, and suites that failed without a failing test', () => {
    const s = summarize(false);
    // passing 2 + failing 1 + hook-fails 1; failing 1 test + broken suite + hook-fails suite; 1 + 2 + 1 skipped.
    expect(s).toMatchObject({ passed: 4, failed: 3, skipped: 4 });
    expect(s.failures.sort()).toEqual(
      [
        `fx: ${fixture('failing')}: 1 test(s) failed`,
        `fx: ${fixture('broken')}: suite failed to run (or failed in a hook)`,
        `fx: ${fixture('hook-fails')}: suite failed to run (or failed in a hook)`,
      ].sort(),
    );
  });

  it('without CI, a protected skip is counted as skipped and noted', () => {
    const s = summarize(false);
    expect(s.failures.some((f) => f.includes('protected'))).toBe(false);
    expect(s.notes).toEqual(
      expect.arrayContaining([
        `fx: ${fixture('protected-skip')}: protected suite skipped 2 test(s); CI=true fails it`,
        `fx: ${fixture('full-cms')}: protected suite skipped 1 test(s); CI=true fails it`,
      ]),
    );
  });

  it('with CI=true, a skip in a listed suite or a describeWithFullCms suite is a named failure', () => {
    const s = summarize(true);
    expect(s).toMatchObject({ passed: 4, failed: 3 + 2 + 1, skipped: 1 });
    expect(s.failures).toEqual(
      expect.arrayContaining([
        `fx: ${fixture('protected-skip')}: protected suite skipped 2 test(s) under CI=true (a security property)`,
        expect.stringMatching(
          new RegExp(
            `^fx: ${fixture('full-cms')}: protected suite skipped 1 test\\(s\\) under CI=true \\(uses describeWithFullCms`,
          ),
        ),
      ]),
    );
    // The unprotected it.skip stays a skip.
    expect(s.failures.some((f) => f.includes('passing'))).toBe(false);
  });

  it('fails a listed protected suite that is missing, always, or did not run, under CI', () => {
    const gone = { path: 'tests/no-such.int-spec.ts', tier: 'fx', proves: 'x' };
    const unrun = { path: 'tests/protected-suites.json', tier: 'fx', proves: 'y' };
    expect(summarize(false, [gone, unrun]).failures).toContain(
      'fx: protected suite tests/no-such.int-spec.ts does not exist (update tests/protected-suites.json)',
    );
    expect(summarize(false, [unrun]).failures.some((f) => f.includes('did not run'))).toBe(false);
    expect(summarize(true, [unrun]).failures).toContain(
      'fx: protected suite tests/protected-suites.json did not run (y)',
    );
  });

  it('counts a tier without a report, or whose jest failed with nothing else to show, as failed', () => {
    expect(summarizeTier('api', null, { root, exitStatus: 1, ci: false, protectedSuites: [] })).toMatchObject({
      failed: 1,
      failures: ['api: jest exited 1 without results'],
    });
    const empty = { testResults: [] };
    expect(summarizeTier('api', empty, { root, exitStatus: 1, ci: false, protectedSuites: [] }).failures).toEqual([
      'api: jest exited 1',
    ]);
    expect(summarizeTier('api', empty, { root, exitStatus: 0, ci: false, protectedSuites: [] }).failed).toBe(0);
  });

  it('puts a recorded lint failure into the summary line', () => {
    expect(summarizeLint(null)).toMatchObject({ failed: 0, failures: [] });
    expect(summarizeLint({ exitStatus: 0 })).toMatchObject({ failed: 0, notes: ['lint: passed'] });
    expect(summarizeLint({ exitStatus: 1 })).toMatchObject({ failed: 1, failures: ['lint: npm run lint exited 1'] });
    expect(summarizeLint({})).toMatchObject({ failed: 1, failures: ['lint: unreadable lint record'] });
    expect(summaryLine({ passed: 3, failed: 1, skipped: 2 })).toBe('3 passed, 1 failed, 2 skipped');
  });

  it('reads the committed protected list, every entry naming an existing suite', () => {
    const suites = loadProtectedSuites(root);
    expect(suites.length).toBeGreaterThanOrEqual(8);
    for (const s of suites) expect(() => readFileSync(join(root, s.path))).not.toThrow();
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify([{ path: 'x' }]));
    expect(() => loadProtectedSuites(root, bad)).toThrow(/entry 0 needs string fields/);
  });
});
