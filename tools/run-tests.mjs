#!/usr/bin/env node
// Runs every test tier in order and ends with one "N passed, N failed, N skipped" line.
// Usage: node tools/run-tests.mjs [unit|api|security|e2e ...]   (default: all)
// With CI=true a skipped test in a protected suite (tests/protected-suites.json,
// or any suite using describeWithFullCms) is a failure. A lint outcome recorded
// by .ci/run in tmp/test-results/lint.json is counted too.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import summary from './test-runner/summary.cjs';

const { loadProtectedSuites, summarizeLint, summarizeTier, summaryLine } = summary;

const root = new URL('..', import.meta.url).pathname;
const resultsDir = join(root, 'tmp/test-results');
const lintRecord = join(resultsDir, 'lint.json');
const jestBin = join(root, 'node_modules/jest/bin/jest.js');
const nxBin = join(root, 'node_modules/nx/dist/bin/nx.js');
const ci = process.env.CI === 'true';

const TIERS = {
  unit: { config: 'jest.config.ts', before: [] },
  api: { config: 'tests/api/jest.config.cts', before: [] },
  security: { config: 'tests/security/jest.config.cts', before: [], optional: true },
  e2e: { config: 'tests/e2e/jest.config.cts', before: [[nxBin, 'run-many', '-t', 'build', '-p', 'api', 'web']] },
};

const wanted = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(TIERS);
for (const name of wanted) {
  if (!TIERS[name]) {
    console.error(`Unknown tier "${name}". Choose from: ${Object.keys(TIERS).join(', ')}`);
    process.exit(2);
  }
}

// Read (and so consume) the lint record before the results folder is cleared:
// it belongs to this run only, never to a later one.
const totals = { passed: 0, failed: 0, skipped: 0, failures: [], notes: [] };
// An unreadable record counts as a lint failure, never as no lint run.
add(summarizeLint(existsSync(lintRecord) ? (readJson(lintRecord) ?? {}) : null));
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });
const protectedSuites = loadProtectedSuites(root);

for (const name of wanted) {
  const tier = TIERS[name];
  if (tier.optional && !existsSync(join(root, tier.config))) continue;
  console.log(`\n=== ${name} tests ===`);
  const buildFailed = tier.before.some(
    (cmd) => spawnSync(process.execPath, cmd, { cwd: root, stdio: 'inherit' }).status !== 0,
  );
  if (buildFailed) {
    // Nothing to test against: the tier's tests would only fail for the same reason, or test a stale build.
    add({ passed: 0, failed: 1, skipped: 0, failures: [`${name}: build step failed, tier not run`], notes: [] });
    continue;
  }
  const out = join(resultsDir, `${name}.json`);
  const r = spawnSync(process.execPath, [jestBin, '-c', tier.config, '--ci', '--json', `--outputFile=${out}`], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '0' },
  });
  const report = existsSync(out) ? readJson(out) : null;
  add(summarizeTier(name, report, { root, exitStatus: r.status ?? 1, ci, protectedSuites }));
}

console.log('');
for (const n of totals.notes) console.log(`NOTE ${n}`);
for (const f of totals.failures) console.log(`FAILED ${f}`);
console.log(summaryLine(totals));
process.exit(totals.failed > 0 ? 1 : 0);

function add(part) {
  totals.passed += part.passed;
  totals.failed += part.failed;
  totals.skipped += part.skipped;
  totals.failures.push(...part.failures);
  totals.notes.push(...part.notes);
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}
