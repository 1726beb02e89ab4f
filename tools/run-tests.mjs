#!/usr/bin/env node
// Runs every test tier in order and ends with one "N passed, N failed" line.
// Usage: node tools/run-tests.mjs [unit|api|security|e2e ...]   (default: all)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const resultsDir = join(root, 'tmp/test-results');
const jestBin = join(root, 'node_modules/jest/bin/jest.js');
const nxBin = join(root, 'node_modules/nx/dist/bin/nx.js');

const TIERS = {
  unit: { config: 'jest.config.ts', before: [] },
  api: { config: 'tests/api/jest.config.cts', before: [] },
  security: { config: 'tests/security/jest.config.cts', before: [], optional: true },
  e2e: { config: 'tests/e2e/jest.config.cts', before: [[nxBin, 'run-many', '-t', 'build', '-p', 'api', 'web']] },
};

const wanted = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(TIERS);
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

let passed = 0;
let failed = 0;
let failures = [];
for (const name of wanted) {
  const tier = TIERS[name];
  if (!tier) {
    console.error(`Unknown tier "${name}". Choose from: ${Object.keys(TIERS).join(', ')}`);
    process.exit(2);
  }
  if (tier.optional && !existsSync(join(root, tier.config))) continue;
  console.log(`\n=== ${name} tests ===`);
  for (const cmd of tier.before) {
    const r = spawnSync(process.execPath, cmd, { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) {
      failures.push(`${name}: build step failed`);
      failed += 1;
      continue;
    }
  }
  const out = join(resultsDir, `${name}.json`);
  const r = spawnSync(process.execPath, [jestBin, '-c', tier.config, '--ci', '--json', `--outputFile=${out}`], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '0' },
  });
  if (existsSync(out)) {
    const res = JSON.parse(readFileSync(out, 'utf8'));
    passed += res.numPassedTests;
    failed += res.numFailedTests;
    if (res.numRuntimeErrorTestSuites > 0) {
      failed += res.numRuntimeErrorTestSuites;
      failures.push(`${name}: ${res.numRuntimeErrorTestSuites} suite(s) failed to run`);
    }
    if (res.numFailedTests > 0) failures.push(`${name}: ${res.numFailedTests} test(s) failed`);
  } else {
    failed += 1;
    failures.push(`${name}: jest exited ${r.status} without results`);
  }
  if (r.status !== 0 && !failures.some((f) => f.startsWith(`${name}:`))) {
    failed += 1;
    failures.push(`${name}: jest exited ${r.status}`);
  }
}
console.log('');
for (const f of failures) console.log(`FAILED ${f}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
