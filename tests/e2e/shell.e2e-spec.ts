import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { type AppProcess, startApp } from '../support/app-process';
import { launchChromium } from '../support/chromium';
import { saveScreenshot } from '../support/artifacts';

describe('web shell (Chromium)', () => {
  let app: AppProcess;
  let browser: Browser;
  let page: Page;
  const cspViolations: string[] = [];

  beforeAll(async () => {
    app = await startApp();
    browser = await launchChromium();
    const context = await browser.newContext();
    page = await context.newPage();
    page.on('console', (msg) => {
      if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) cspViolations.push(msg.text());
    });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('renders the shell and reports the embedded database as ready', async () => {
    await page.goto(app.baseUrl + '/');
    await page.getByTestId('status').waitFor();
    expect(await page.getByTestId('status').textContent()).toContain('ready');
    expect(await page.getByTestId('database').textContent()).toContain('embedded');
    expect(await page.locator('cd-shell-layout .brand').textContent()).toBe('ChartDesk');
    await saveScreenshot(page, 'shell-status');
  });

  it('passes an axe scan with no violations', async () => {
    const result = await new AxeBuilder({ page }).analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });

  it('runs under the strict CSP without a violation', () => {
    expect(cspViolations).toEqual([]);
  });

  it('serves the SPA for a deep link and a JSON 404 under /api', async () => {
    const deep = await fetch(app.baseUrl + '/some/client/route');
    expect(deep.status).toBe(200);
    expect(deep.headers.get('content-type')).toContain('text/html');
    const html = await deep.text();
    expect(html).not.toContain('__CSP_NONCE__');
    const nonce = /ngCspNonce="([^"]+)"/i.exec(html)?.[1];
    expect(deep.headers.get('content-security-policy')).toContain(`'nonce-${nonce}'`);
    const api = await fetch(app.baseUrl + '/api/no/such/route');
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ statusCode: 404, error: 'Not Found' });
  });
});
