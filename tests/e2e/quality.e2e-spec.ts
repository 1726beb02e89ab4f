import AxeBuilder from '@axe-core/playwright';
import { DEMO_PASSWORD, demoTotpSecret } from '@chartdesk/api-identity';
import type { Browser, Page } from 'playwright-core';
import { type AppProcess, startApp } from '../support/app-process';
import { saveScreenshot } from '../support/artifacts';
import { launchChromium } from '../support/chromium';
import { freshTotpCodeRealTime } from '../support/totp';

async function expectAxeClean(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  expect(
    result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
  ).toEqual([]);
}

async function signIn(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Code').fill(await freshTotpCodeRealTime(demoTotpSecret(username)));
  await page.getByRole('button', { name: 'Verify' }).click();
  await page.getByTestId('home-title').waitFor();
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
}

/**
 * The audit journey on the demo data: supervisor1 reviews a chart the demo
 * seed drew from coder1, coder1 rebuts a finding, supervisor1 overturns it and
 * the score updates, the review closes and coder1's scorecard changes.
 */
describe('quality audit journey (Chromium)', () => {
  let app: AppProcess;
  let browser: Browser;
  let page: Page;
  let worksheetUrl = '';

  beforeAll(async () => {
    app = await startApp();
    browser = await launchChromium();
    page = await (await browser.newContext()).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('the supervisor finds the sampled charts of the demo coders and records a correction', async () => {
    await signIn(page, app.baseUrl, 'supervisor1');
    await page.goto(`${app.baseUrl}/quality`);
    await page.getByRole('heading', { name: 'Quality audit' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: 'Cory Coder' }).filter({ hasText: 'IN_REVIEW' }).first();
    await row.waitFor();
    await expectAxeClean(page);
    await saveScreenshot(page, 'quality-reviews');
    await row.getByRole('link').click();
    await page.getByTestId('review-status').waitFor();
    worksheetUrl = page.url();
    expect(await page.getByTestId('review-status').textContent()).toBe('IN_REVIEW');
    // The documentation, read through the records API under the same policy, watermarked.
    const docs = page.getByRole('region', { name: 'Documentation' });
    await docs.getByRole('button').first().click();
    await docs.locator('article pre').waitFor();
    expect(await docs.locator('.watermark').textContent()).toContain('supervisor1');
    // The coder left out N17.9: the auditor adds it (an ADDED finding the coder will rebut).
    await page.getByTestId('add-diagnosis').click();
    const codes = page.locator('[data-testid^="corrected-code-"]');
    await codes.last().fill('N17.9');
    await page.getByTestId('save-correction').click();
    await page.getByTestId('difference-ADDED').waitFor();
    await expectAxeClean(page);
    await saveScreenshot(page, 'quality-worksheet-differences');
    await page.getByTestId('send-findings').click();
    await page.getByTestId('finding-ADDED').waitFor();
    expect(await page.getByTestId('review-status').textContent()).toBe('AWAITING_CODER');
    await signOut(page);
  });

  it('the coder sees the findings and rebuts one with a comment', async () => {
    await signIn(page, app.baseUrl, 'coder1');
    await page.goto(`${app.baseUrl}/my-quality`);
    await page.getByTestId('my-scorecard').waitFor();
    expect(await page.getByTestId('reviews-closed').textContent()).toBe('0');
    await expectAxeClean(page);
    await page
      .getByRole('link', { name: /^Chart / })
      .first()
      .click();
    await page.getByTestId('my-finding-ADDED').waitFor();
    // Acknowledge every other finding. Each answered row re-renders without its buttons, so
    // query afresh after each click instead of holding handles to a list that changes.
    const others = page.locator('[data-testid^="acknowledge-"]:not([data-testid="acknowledge-ADDED"])');
    for (let left = await others.count(); left > 0; left = await others.count()) {
      await others.first().click();
      const deadline = Date.now() + 10_000;
      while ((await others.count()) >= left && Date.now() < deadline) await page.waitForTimeout(100);
      expect(await others.count()).toBeLessThan(left);
    }
    await page
      .getByTestId('rebut-comment-ADDED')
      .fill('The creatinine rise was attributed to contrast and resolved; no AKI documented.');
    await page.getByTestId('rebut-ADDED').click();
    await page.getByTestId('my-finding-ADDED').getByText('REBUTTED').waitFor();
    expect(await page.getByTestId('my-review-status').textContent()).toBe('AWAITING_SUPERVISOR');
    await expectAxeClean(page);
    await saveScreenshot(page, 'quality-coder-rebuttal');
    await signOut(page);
  });

  it('the supervisor overturns the rebutted finding, the score updates, and the review closes', async () => {
    await signIn(page, app.baseUrl, 'supervisor1');
    await page.goto(worksheetUrl);
    await page.getByTestId('finding-ADDED').waitFor();
    const before = (await page.getByTestId('review-score').textContent()) ?? '';
    await page.getByTestId('decision-comment-ADDED').fill('Agreed: not documented by the provider.');
    await page.getByTestId('overturn-ADDED').click();
    await page.getByTestId('finding-ADDED').getByText('OVERTURNED').waitFor();
    const after = (await page.getByTestId('review-score').textContent()) ?? '';
    expect(after).not.toBe(before);
    // Errors counted over diagnoses and procedures: the overturned finding stops counting wherever it sits.
    const errors = (text: string) =>
      [...text.matchAll(/\((\d+) errors? in/g)].reduce((sum, m) => sum + Number(m[1]), 0);
    expect(errors(after)).toBe(errors(before) - 1);
    await expectAxeClean(page);
    await saveScreenshot(page, 'quality-worksheet-overturned');
    await page.getByTestId('close-complete').click();
    await page.getByText('CLOSED', { exact: true }).waitFor();
    await page.goto(`${app.baseUrl}/quality/dashboard`);
    await page.getByTestId('scorecards').getByText('Cory Coder').waitFor();
    await expectAxeClean(page);
    await saveScreenshot(page, 'quality-dashboard');
    await signOut(page);
  });

  it("the coder's scorecard now counts the review", async () => {
    await signIn(page, app.baseUrl, 'coder1');
    await page.goto(`${app.baseUrl}/my-quality`);
    await page.getByTestId('my-scorecard').waitFor();
    expect(await page.getByTestId('reviews-closed').textContent()).toBe('1');
    expect(await page.getByTestId('dx-accuracy').textContent()).toMatch(/^\d+\.\d %$/);
    await saveScreenshot(page, 'quality-coder-scorecard');
    await signOut(page);
  });
});
