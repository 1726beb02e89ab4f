import type { Browser, Page } from 'playwright-core';
import { type AppProcess, startApp } from '../support/app-process';
import { saveScreenshot } from '../support/artifacts';
import { launchChromium } from '../support/chromium';
import { axeViolations, signInAs } from './coder-journey-support';

describe('provider query round trip and auto-distribution on the board (Chromium)', () => {
  let app: AppProcess;
  let browser: Browser;
  let chartUrl = '';
  let chartPath = '';

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    return context.newPage();
  }

  beforeAll(async () => {
    app = await startApp();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('the coder queries the attending with quoted indicators; the chart goes on hold', async () => {
    const page = await newPage();
    await signInAs(page, app.baseUrl, 'coder1');
    await page.goto(`${app.baseUrl}/work`);
    await page.getByTestId('next-chart').click();
    await page.waitForURL(/\/work\/charts\//);
    chartUrl = page.url();
    chartPath = new URL(chartUrl).pathname;
    await page.getByTestId('document-text').waitFor();
    const title = (await page.locator('[data-testid="document-view"] h2').textContent())?.trim() ?? '';
    const text = (await page.getByTestId('document-text').textContent()) ?? '';
    const quote = text.trim().split('\n')[0]?.slice(0, 40).trim() ?? '';
    expect(quote.length).toBeGreaterThan(3);

    await page.keyboard.press('?');
    await page.getByTestId('shortcut-help').waitFor();
    expect(await page.getByTestId('shortcut-help').textContent()).toContain('Alt+Q');
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');

    await page.keyboard.press('Alt+q');
    const form = page.getByTestId('query-form');
    await form.waitFor();
    await form.getByLabel('Document').selectOption({ label: title });
    await form.getByLabel('Quote').fill(quote);
    await form
      .getByLabel('Question')
      .fill('Based on the indicators above, can the clinical significance of this finding be clarified?');
    await form
      .getByLabel('Options (one per line)')
      .fill('Clinically significant, under treatment\nIncidental, not clinically significant');
    expect(await axeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'query-1-form');
    await form.getByRole('button', { name: /Send query/ }).click();
    await page.waitForURL(/\/work$/);
    await page.getByTestId('queue-table').waitFor();
    const row = page.locator(`[data-testid="queue-table"] tr[data-encounter="${chartPath.split('/').pop()}"]`);
    expect(await row.textContent()).toContain('ON_HOLD');
    await page.context().close();
  });

  it('the supervisor records the provider answer and auto-distributes the pool', async () => {
    const page = await newPage();
    await signInAs(page, app.baseUrl, 'supervisor1');
    await page.goto(`${app.baseUrl}/board`);
    const queries = page.getByTestId('open-queries');
    await queries.getByText('Based on the indicators above').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'query-2-board-open-query');
    await queries.getByLabel("Provider's answer").first().selectOption('Clinically significant, under treatment');
    await queries.getByRole('button', { name: 'Record answer' }).first().click();
    await queries.getByText('No open queries.').waitFor();

    const poolBefore = await page.locator('[data-testid="pool-table"] tbody tr[data-encounter]').count();
    await page.keyboard.press('Alt+d');
    await page
      .getByTestId('board-message')
      .filter({ hasText: /Distributed \d+ chart/ })
      .waitFor();
    const poolAfter = await page.locator('[data-testid="pool-table"] tbody tr[data-encounter]').count();
    expect(poolAfter).toBeLessThan(poolBefore);
    expect(await axeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'query-3-board-distributed');
    await page.context().close();
  });

  it('the coder finds the chart back in progress with the answer beside it', async () => {
    const page = await newPage();
    await signInAs(page, app.baseUrl, 'coder1');
    await page.goto(chartUrl);
    await page.getByTestId('chart-status').filter({ hasText: 'IN_PROGRESS' }).waitFor();
    expect(await page.locator('.query').first().textContent()).toContain('Clinically significant, under treatment');
    await saveScreenshot(page, 'query-4-answered');
    await page.context().close();
  });
});
