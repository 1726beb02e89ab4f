import type { Browser, Page } from 'playwright-core';
import { type AppProcess, startApp } from '../support/app-process';
import { saveScreenshot } from '../support/artifacts';
import { launchChromium } from '../support/chromium';
import { apiSignIn, axeViolations, demoCharts, report, signInAs, verifyChains } from './coder-journey-support';

/** ICD-10-CM as coders type it: with the dot after the category. */
const dotted = (code: string) => (code.length > 3 ? `${code.slice(0, 3)}.${code.slice(3)}` : code);

describe('coder journey: assign, Next chart, code, submit (Chromium)', () => {
  let app: AppProcess;
  let browser: Browser;
  const pneumonia = demoCharts().filter((c) => c.scenario === 'inpatient-pneumonia');
  const answer = pneumonia[0]?.answer ?? { icd10cm: [], icd10pcs: [], procedures: [], hcpcs: [] };
  let assigned: string[] = [];
  let opened = '';
  let openedUrl = '';

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

  it('the supervisor signs in with password and TOTP and assigns two charts', async () => {
    const page = await newPage();
    await signInAs(page, app.baseUrl, 'supervisor1');
    await page.goto(`${app.baseUrl}/board`);
    await page.getByTestId('pool-table').waitFor();
    await page.getByLabel('Type').selectOption('INPATIENT');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid="pool-table"] tbody tr td:nth-child(4)')].every(
        (td) => td.textContent?.trim() === 'INPATIENT',
      ),
    );
    const poolNumbers = await page.locator('[data-testid="pool-table"] tbody tr td:nth-child(2)').allTextContents();
    assigned = pneumonia
      .map((c) => c.encounterNumber)
      .filter((n) => poolNumbers.includes(n))
      .slice(0, 2);
    expect(assigned).toHaveLength(2);
    for (const n of assigned) await page.getByLabel(`Select ${n}`).check();
    const cory = await page
      .locator('[data-testid="assign-coder"] option', { hasText: 'Cory Coder' })
      .getAttribute('value');
    await page.getByTestId('assign-coder').selectOption(cory ?? '');
    await page.getByLabel('Priority').selectOption({ label: 'Stat' });
    await page.getByTestId('assign').click();
    await page.getByTestId('board-message').filter({ hasText: 'Assigned 2 chart(s).' }).waitFor();
    const teamWork = await page.getByTestId('team-work').textContent();
    for (const n of assigned) expect(teamWork).toContain(n);
    await saveScreenshot(page, 'journey-1-board-assigned');
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('the coder signs in, presses Next chart, reads a document and searches the chart', async () => {
    const page = await newPage();
    await signInAs(page, app.baseUrl, 'coder1');
    await page.goto(`${app.baseUrl}/work`);
    await page.getByTestId('queue-table').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'journey-2-queue');
    await page.keyboard.press('n');
    await page.waitForURL(/\/work\/charts\//);
    openedUrl = page.url();
    opened = openedUrl.split('/').pop() ?? '';
    await page.getByTestId('document-text').waitFor();
    const header = await page.locator('h1').first().textContent();
    expect(assigned.some((n) => header?.includes(n))).toBe(true);
    await page.getByRole('button', { name: /Discharge summary/i }).click();
    await page
      .getByTestId('document-text')
      .filter({ hasText: /pneumonia/i })
      .waitFor();
    await page.keyboard.press('Alt+f');
    await page.keyboard.type('pneumonia');
    await page
      .getByTestId('doc-search-status')
      .filter({ hasText: /[1-9]\d* match/ })
      .waitFor();
    expect(await page.locator('[data-testid="document-text"] mark').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('watermark').getAttribute('data-text')).toContain('coder1');
    expect(await axeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'journey-3-workspace-document');

    // codes from the answer key, through the typeahead with the keyboard
    for (const dx of answer.icd10cm) {
      await page.keyboard.press('Alt+c');
      await page.keyboard.type(dotted(dx.code));
      await page.getByTestId('code-results').getByRole('option').first().waitFor();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('Enter');
      await page.locator(`[data-testid="diagnoses"] tr[data-code="${dx.code}"]`).waitFor();
    }
    // the edit error: inpatient diagnoses without a POA indicator
    const errors = page.locator('[data-testid="edit-findings"] li[data-severity="ERROR"][data-rule="POA_MISSING"]');
    // once the edit data for the last code has arrived, only the non-exempt codes are flagged
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="edit-findings"] li[data-rule="POA_MISSING"]').length === n,
      answer.icd10cm.filter((d) => d.poa).length,
    );
    expect(await page.getByTestId('submit').isDisabled()).toBe(true);
    await saveScreenshot(page, 'journey-4-edit-error');
    for (const dx of answer.icd10cm) {
      if (dx.poa) await page.getByLabel(`POA for ${dotted(dx.code)}`).selectOption(dx.poa);
    }
    await errors.first().waitFor({ state: 'detached' });
    // a warning: a POA value on a POA-exempt code; the coder reviews and acknowledges it
    const exempt = answer.icd10cm.find((d) => !d.poa)?.code ?? 'missing from the answer key';
    await page.getByLabel(`POA for ${dotted(exempt)}`).selectOption('Y');
    const warning = page.locator('[data-testid="edit-findings"] li[data-severity="WARNING"]');
    await warning.first().waitFor();
    expect(await page.getByTestId('submit').isDisabled()).toBe(true);
    await warning.first().getByLabel('I have reviewed this warning').check();
    expect(await axeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'journey-5-warning-acknowledged');
    await page.keyboard.press('Alt+s');
    await page.getByTestId('workspace-message').filter({ hasText: 'Saved as version 1.' }).waitFor();
    await page.getByTestId('submit').click();
    await page.waitForURL(/\/work$/);
    await page.getByTestId('queue-table').waitFor();
    expect(await page.locator(`[data-testid="queue-table"] tr[data-encounter="${opened}"]`).count()).toBe(0);
    await saveScreenshot(page, 'journey-6-queue-after-submit');
    await page.context().close();
  });

  it('a second coder gets a 404 page for that chart, and the attempt is audited', async () => {
    const page = await newPage();
    await signInAs(page, app.baseUrl, 'coder2');
    await page.goto(openedUrl);
    await page.getByTestId('workspace-error').waitFor();
    expect(await page.locator('h1').first().textContent()).toContain('Chart not found');
    expect(await page.getByTestId('workspace-error').textContent()).not.toMatch(/pneumonia/i);
    expect(await axeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'journey-7-second-coder-404');
    await page.context().close();
  });

  it('the audit trail holds every step, and its chains verify', async () => {
    const token = (await apiSignIn(app.baseUrl, 'compliance')).accessToken;
    const me = async (username: string) => (await apiSignIn(app.baseUrl, username)).user.id;
    const coder1 = await me('coder1');
    const supervisor1 = await me('supervisor1');
    const coder2 = await me('coder2');
    const onChart = (rows: { resourceId: string | null; action: string }[]) =>
      rows.filter((r) => r.resourceId === opened).map((r) => r.action);

    const supervisorSteps = onChart((await report(app.baseUrl, token, 'user-activity', supervisor1)).rows);
    expect(supervisorSteps).toEqual(['STATUS_CHANGED', 'ASSIGNED']);
    const coderSteps = onChart((await report(app.baseUrl, token, 'user-activity', coder1)).rows);
    expect(coderSteps).toEqual(
      expect.arrayContaining(['STATUS_CHANGED', 'CHART_VIEWED', 'CODES_SAVED', 'CODES_SUBMITTED']),
    );
    expect(coderSteps.filter((a) => a === 'STATUS_CHANGED')).toHaveLength(2);
    const documentsRead = (await report(app.baseUrl, token, 'user-activity', coder1)).rows.filter(
      (r) => r.action === 'DOCUMENT_VIEWED',
    );
    expect(documentsRead.length).toBeGreaterThan(0);
    const denials = (await report(app.baseUrl, token, 'denials', coder2)).rows.filter((r) => r.resourceId === opened);
    expect(denials.map((d) => d.action)).toContain('ACCESS_DENIED');
    expect(await verifyChains(app.baseUrl, token)).toMatchObject({ ok: true });
  });
  it('the supervisor returns the submitted chart with a reason, and the coder reopens it in progress', async () => {
    const page = await newPage();
    await signInAs(page, app.baseUrl, 'supervisor1');
    await page.goto(`${app.baseUrl}/board`);
    const row = page.locator(`[data-testid="team-work"] tr[data-encounter="${opened}"]`);
    await row.filter({ hasText: 'SUBMITTED' }).waitFor();
    await row.getByRole('button', { name: 'Return…' }).click();
    const reason = 'Please recheck the POA indicator on the history of nicotine dependence.';
    await page.getByLabel(/going back to/).fill(reason);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Return to coder' }).click();
    await row.filter({ hasText: 'RETURNED' }).waitFor();
    await page.context().close();

    const coder = await newPage();
    await signInAs(coder, app.baseUrl, 'coder1');
    await coder.goto(openedUrl);
    await coder.getByTestId('chart-status').filter({ hasText: 'IN_PROGRESS' }).waitFor();
    expect(await coder.locator('.returned').textContent()).toContain(reason);
    await saveScreenshot(coder, 'journey-8-returned');
    await coder.context().close();
  });
});
