import { spawnSync } from 'node:child_process';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { DEMO_PASSWORD, demoTotpSecret } from '@chartdesk/api-identity';
import {
  AuthPaths,
  CompliancePaths,
  type LoginComplete,
  type LoginStepResponse,
  type ReviewItemPage,
  apiUrl,
} from '@chartdesk/contracts';
import type { Browser, Download, Page } from 'playwright-core';
import { API_MAIN, type AppProcess, REPO_ROOT, startApp } from '../support/app-process';
import { saveScreenshot } from '../support/artifacts';
import { launchChromium } from '../support/chromium';
import { freshTotpCodeRealTime } from '../support/totp';

const OFFICER = 'compliance';

/** A TOTP code of the demo officer not used yet (the app runs in its own process, on the real clock). */
function freshCode(): Promise<string> {
  return freshTotpCodeRealTime(demoTotpSecret(OFFICER));
}

async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
}

/**
 * A compliance officer's morning on the demo: sign in with password and TOTP,
 * answer "who looked at my record?", work one anomaly to closure, export the
 * answer and verify it — in the browser and offline with the CLI.
 */
describe('compliance journey (Chromium)', () => {
  let app: AppProcess;
  let browser: Browser;
  let page: Page;
  const downloads: Download[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'chartdesk-compliance-e2e-'));

  beforeAll(async () => {
    app = await startApp({ SEED_DEMO_DATA: 'true' });
    browser = await launchChromium();
    const context = await browser.newContext({ acceptDownloads: true });
    page = await context.newPage();
    page.on('download', (d) => downloads.push(d));
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('signs in with password and TOTP and sees the flagged history on the dashboard', async () => {
    await page.goto(`${app.baseUrl}/sign-in`);
    await page.getByLabel('Username').fill(OFFICER);
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('Code').fill(await freshCode());
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.waitForURL(/\/home$/);
    await page.goto(`${app.baseUrl}/compliance/dashboard`);
    await page.getByTestId('count-OPEN').waitFor();
    expect(Number(await page.getByTestId('count-OPEN').textContent())).toBeGreaterThanOrEqual(4);
    await page.locator('figcaption', { hasText: 'Chart accesses per day' }).waitFor();
    await saveScreenshot(page, 'compliance-dashboard');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('answers a patient access request by MRN, and exports the answer', async () => {
    // The patient: the one in the VIP/employee review item the demo history planted.
    const signIn = await fetch(`${app.baseUrl}${apiUrl(AuthPaths.login)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: OFFICER, password: DEMO_PASSWORD }),
    });
    const pending = (await signIn.json()) as LoginStepResponse & { challengeToken: string };
    const done = (await (
      await fetch(`${app.baseUrl}${apiUrl(AuthPaths.mfaVerify)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ challengeToken: pending.challengeToken, code: await freshCode() }),
      })
    ).json()) as LoginComplete;
    const queue = (await (
      await fetch(`${app.baseUrl}${apiUrl(CompliancePaths.reviewItems)}?rule=VIP_OR_EMPLOYEE`, {
        headers: { authorization: `Bearer ${done.accessToken}` },
      })
    ).json()) as ReviewItemPage;
    const mrn = queue.items[0]?.patient?.mrn ?? '';
    expect(mrn).not.toBe('');

    await page.getByRole('link', { name: 'Access reports' }).click();
    await page.getByTestId('patient-query').fill(mrn);
    await page.getByRole('button', { name: 'Find patient' }).click();
    await page.getByRole('list', { name: 'Matching patients' }).getByRole('button').first().click();
    await page.getByText(`(MRN ${mrn})`).waitFor();
    await page.getByTestId('run-report').click();
    const table = page.getByTestId('report-table');
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBeGreaterThanOrEqual(1);
    expect(await table.textContent()).toContain(mrn);
    // Sort by "Who" on the page, with the keyboard.
    await page.getByRole('button', { name: 'Who' }).focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('th[aria-sort="ascending"]').textContent()).toContain('Who');
    expect(await axeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'compliance-patient-access');

    await page.getByTestId('export-csv').click();
    await page.getByTestId('export-status').waitFor();
    for (let i = 0; i < 50 && downloads.length < 2; i++) await page.waitForTimeout(100);
    expect(downloads.map((d) => d.suggestedFilename())).toEqual([
      expect.stringMatching(/^chartdesk-patient-access-.*\.csv$/),
      expect.stringMatching(/\.csv\.manifest\.json$/),
    ]);
    await downloads[0]?.saveAs(join(dir, 'export.csv'));
    await downloads[1]?.saveAs(join(dir, 'export.csv.manifest.json'));
  });

  it('works one anomaly item to closure', async () => {
    await page.getByRole('link', { name: 'Review queue' }).click();
    const table = page.getByTestId('review-table');
    await table.waitFor();
    await table.getByRole('link').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await table.locator('tr', { hasText: 'VIP_OR_EMPLOYEE' }).first().getByRole('link').click();
    await page.getByTestId('item-status').waitFor();
    expect(await page.getByTestId('item-status').textContent()).toContain('OPEN');
    await page.getByTestId('to-IN_REVIEW').click();
    await page.getByTestId('item-status').filter({ hasText: 'IN_REVIEW' }).waitFor();
    await page
      .getByTestId('note-text')
      .fill('Spoke with the coder and the supervisor; the chart was reassigned by mistake.');
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.getByText('reassigned by mistake').waitFor();
    await page.getByTestId('disposition').fill('Justified: opened under a mistaken team assignment, no disclosure.');
    await page.getByTestId('to-CLOSED_JUSTIFIED').click();
    await page.getByTestId('item-status').filter({ hasText: 'CLOSED_JUSTIFIED' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'compliance-item-closed');
  });

  it('verifies the chain with progress, and the export against its manifest in the browser and offline', async () => {
    await page.getByRole('link', { name: 'Integrity' }).click();
    await page.getByTestId('verify-chain').click();
    await page.getByTestId('verify-result').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('verify-result').textContent()).toContain('Intact');
    await page.getByTestId('export-file').setInputFiles(join(dir, 'export.csv'));
    await page.getByTestId('manifest-file').setInputFiles(join(dir, 'export.csv.manifest.json'));
    await page.getByTestId('verify-export').click();
    await page.getByTestId('export-result').waitFor();
    expect(await page.getByTestId('export-result').textContent()).toContain('matches its signed manifest');
    expect(await axeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'compliance-integrity');

    // Offline: the CLI, no database, trusting the audit key's public half (what compliance keeps apart).
    const key = createPrivateKey(readFileSync(join(app.dataDir, 'audit-signing-key.pem'), 'utf8'));
    writeFileSync(join(dir, 'audit-public.pem'), createPublicKey(key).export({ type: 'spki', format: 'pem' }));
    const cli = (file: string) =>
      spawnSync(
        process.execPath,
        [
          API_MAIN,
          'verify-export',
          file,
          join(dir, 'export.csv.manifest.json'),
          '--key',
          join(dir, 'audit-public.pem'),
        ],
        {
          cwd: REPO_ROOT,
          env: { ...process.env, NODE_ENV: 'test', CHARTDESK_DATA_DIR: dir, DATABASE_URL: '' },
          encoding: 'utf8',
        },
      );
    const good = cli(join(dir, 'export.csv'));
    expect(good.stdout).toContain('The export matches its signed manifest.');
    expect(good.status).toBe(0);
    writeFileSync(
      join(dir, 'tampered.csv'),
      readFileSync(join(dir, 'export.csv'), 'utf8').replace(/\n[^\n]+\n$/, '\n'),
    );
    const bad = cli(join(dir, 'tampered.csv'));
    expect(bad.stdout).toContain('does NOT verify');
    expect(bad.status).toBe(1);
  });
});
