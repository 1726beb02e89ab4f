// Turns jest's --json report of one tier into counts and FAILED lines, and
// decides which skips CI must refuse. Kept apart from run-tests.mjs (which only
// spawns processes) so its rules can be tested on real jest output.
'use strict';

const { existsSync, readFileSync } = require('node:fs');
const { join, relative } = require('node:path');

/** Assertion statuses jest reports for a test that did not run. */
const NOT_RUN = new Set(['pending', 'skipped', 'todo', 'disabled']);

/** A suite built on describeWithFullCms proves something on the real CMS data: it may not skip in CI. */
const FULL_CMS_MARK = /\bdescribeWithFullCms\s*\(/;

/**
 * The protected suites listed in tests/protected-suites.json: `{ path, tier, proves }`.
 * A listed path that no longer exists is reported, so renaming a suite cannot drop its protection.
 */
function loadProtectedSuites(root, listFile = join(root, 'tests/protected-suites.json')) {
  const entries = JSON.parse(readFileSync(listFile, 'utf8'));
  if (!Array.isArray(entries)) throw new Error(`${listFile} must hold an array of { path, tier, proves }.`);
  return entries.map((e, i) => {
    if (typeof e?.path !== 'string' || typeof e?.tier !== 'string' || typeof e?.proves !== 'string') {
      throw new Error(`${listFile} entry ${i} needs string fields path, tier and proves.`);
    }
    return { path: e.path, tier: e.tier, proves: e.proves };
  });
}

/** Why a test file is protected, or null. */
function protectionOf(relPath, source, listed) {
  const entry = listed.find((e) => e.path === relPath);
  if (entry) return entry.proves;
  if (FULL_CMS_MARK.test(source)) return 'uses describeWithFullCms (proves its claims on the full CMS import)';
  return null;
}

function readSource(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/**
 * Counts one tier. `report` is jest's parsed JSON (or null when jest wrote
 * none), `exitStatus` jest's exit code. Protected skips are failures when
 * `ci` is true and a note otherwise.
 */
function summarizeTier(tier, report, { root, exitStatus, ci, protectedSuites }) {
  const out = { passed: 0, failed: 0, skipped: 0, failures: [], notes: [] };
  const fail = (count, line) => {
    out.failed += count;
    out.failures.push(`${tier}: ${line}`);
  };
  if (!report || !Array.isArray(report.testResults)) {
    fail(1, `jest exited ${exitStatus} without results`);
    return out;
  }
  const ran = new Set();
  for (const file of report.testResults) {
    const rel = relative(root, file.name);
    ran.add(rel);
    const statuses = (file.assertionResults ?? []).map((a) => a.status);
    const passed = statuses.filter((s) => s === 'passed').length;
    const failedTests = statuses.filter((s) => s === 'failed').length;
    const notRun = statuses.filter((s) => NOT_RUN.has(s)).length;
    out.passed += passed;
    if (failedTests > 0) fail(failedTests, `${rel}: ${failedTests} test(s) failed`);
    // A suite can fail with no failing test: it did not compile, threw while loading, or a hook failed.
    if (file.status === 'failed' && failedTests === 0) fail(1, `${rel}: suite failed to run (or failed in a hook)`);
    if (notRun === 0) continue;
    const proves = protectionOf(rel, readSource(file.name), protectedSuites);
    if (proves && ci) {
      fail(notRun, `${rel}: protected suite skipped ${notRun} test(s) under CI=true (${proves})`);
    } else {
      out.skipped += notRun;
      if (proves) out.notes.push(`${tier}: ${rel}: protected suite skipped ${notRun} test(s); CI=true fails it`);
    }
  }
  for (const entry of protectedSuites.filter((e) => e.tier === tier)) {
    if (!existsSync(join(root, entry.path))) {
      fail(1, `protected suite ${entry.path} does not exist (update tests/protected-suites.json)`);
    } else if (ci && !ran.has(entry.path)) {
      fail(1, `protected suite ${entry.path} did not run (${entry.proves})`);
    }
  }
  if (report.wasInterrupted) fail(1, 'the run was interrupted');
  if (exitStatus !== 0 && out.failures.length === 0) fail(1, `jest exited ${exitStatus}`);
  return out;
}

/**
 * The lint outcome .ci/run records before `npm test` (tmp/test-results/lint.json,
 * `{ "exitStatus": n }`), so a lint failure shows in the one summary line.
 */
function summarizeLint(record) {
  const out = { passed: 0, failed: 0, skipped: 0, failures: [], notes: [] };
  if (record === null) return out;
  if (typeof record?.exitStatus !== 'number') {
    out.failed = 1;
    out.failures.push('lint: unreadable lint record');
  } else if (record.exitStatus !== 0) {
    out.failed = 1;
    out.failures.push(`lint: npm run lint exited ${record.exitStatus}`);
  } else {
    out.notes.push('lint: passed');
  }
  return out;
}

function summaryLine({ passed, failed, skipped }) {
  return `${passed} passed, ${failed} failed, ${skipped} skipped`;
}

module.exports = { loadProtectedSuites, summarizeTier, summarizeLint, summaryLine, protectionOf };
