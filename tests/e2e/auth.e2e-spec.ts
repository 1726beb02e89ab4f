import AxeBuilder from '@axe-core/playwright';
import { DEMO_PASSWORD, demoTotpSecret } from '@chartdesk/api-identity';
import type { Browser, BrowserContext, Page } from 'playwright-core';
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

async function signIn(page: Page, baseUrl: string, username: string, password: string, secret: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Code').fill(await freshTotpCodeRealTime(secret));
  await page.getByRole('button', { name: 'Verify' }).click();
}

describe('sign-in, role homes, administration and idle sign-out (Chromium)', () => {
  let app: AppProcess;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const cspViolations: string[] = [];

  beforeAll(async () => {
    app = await startApp();
    browser = await launchChromium();
    context = await browser.newContext();
    page = await context.newPage();
    page.on('console', (msg) => {
      if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) cspViolations.push(msg.text());
    });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('prints the demo accounts at startup', () => {
    expect(app.output()).toContain(demoTotpSecret('coder1'));
    expect(app.output()).toContain(DEMO_PASSWORD);
  });

  it('shows an accessible sign-in page', async () => {
    await page.goto(app.baseUrl + '/');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(page.url()).toBe(`${app.baseUrl}/sign-in`);
    await expectAxeClean(page);
    await saveScreenshot(page, 'auth-sign-in');
  });

  const homes = [
    ['coder1', 'Coder home'],
    ['supervisor1', 'Supervisor home'],
    ['compliance', 'Compliance home'],
    ['admin', 'Administrator home'],
  ] as const;
  for (const [username, title] of homes) {
    it(`signs ${username} in with password and TOTP and lands on the role's home`, async () => {
      await signIn(page, app.baseUrl, username, DEMO_PASSWORD, demoTotpSecret(username));
      await page.getByTestId('home-title').waitFor();
      expect(await page.getByTestId('home-title').textContent()).toBe(title);
      const nav = await page.getByRole('navigation', { name: 'Main' }).textContent();
      if (username === 'admin') expect(nav).toContain('Users');
      else expect(nav).not.toContain('Users');
      await expectAxeClean(page);
      await saveScreenshot(page, `auth-home-${username}`);
      // Nothing about the user is kept in web storage.
      expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    });
  }

  it('keeps the session across a reload through the refresh cookie, not storage', async () => {
    await signIn(page, app.baseUrl, 'coder3', DEMO_PASSWORD, demoTotpSecret('coder3'));
    await page.getByTestId('home-title').waitFor();
    await page.reload();
    await page.getByTestId('home-title').waitFor();
    expect(await page.getByTestId('nav-user').textContent()).toBe('coder3');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.goto(`${app.baseUrl}/home`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  });

  it('lets an admin create a coder, who signs in, replaces the temporary password and enrols MFA', async () => {
    await signIn(page, app.baseUrl, 'admin', DEMO_PASSWORD, demoTotpSecret('admin'));
    await page.getByTestId('home-title').waitFor();
    await page.getByRole('link', { name: 'Users' }).first().click();
    await page.getByTestId('users-table').waitFor();
    await expectAxeClean(page);
    await saveScreenshot(page, 'admin-users');
    await page.getByRole('link', { name: 'New user' }).click();
    await page.getByLabel('Username').fill('new.coder');
    await page.getByLabel('Display name').fill('Nova Newcomer');
    await page.getByLabel('Email').fill('nova@example.test');
    await page.getByLabel('Team').selectOption({ label: 'Inpatient team A' });
    await page.getByLabel('INPATIENT').check();
    await expectAxeClean(page);
    await page.getByRole('button', { name: 'Create user' }).click();
    const temp = (await page.getByTestId('temporary-password').textContent())?.trim() ?? '';
    expect(temp).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
    await expectAxeClean(page);
    await saveScreenshot(page, 'admin-user-created');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();

    // Separation of duties: the account stays pending until a second administrator approves it.
    await signIn(page, app.baseUrl, 'admin2', DEMO_PASSWORD, demoTotpSecret('admin2'));
    await page.getByTestId('home-title').waitFor();
    await page.getByRole('link', { name: 'Users' }).first().click();
    await page.getByRole('link', { name: 'new.coder' }).click();
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.getByText('Change approved; the account may sign in.').waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();

    await page.getByLabel('Username').fill('new.coder');
    await page.getByLabel('Password').fill(temp);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Choose your password' }).waitFor();
    await page.getByLabel('New password', { exact: true }).fill('passwordpassword');
    await page.getByLabel('Repeat new password').fill('passwordpassword');
    await page.getByRole('button', { name: 'Save password' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toMatch(/common or breached/);
    await expectAxeClean(page);
    await page.getByLabel('New password', { exact: true }).fill('seven purple otters swim north');
    await page.getByLabel('Repeat new password').fill('seven purple otters swim north');
    await page.getByRole('button', { name: 'Save password' }).click();

    await page.getByTestId('manual-key').waitFor();
    const key = (await page.getByTestId('manual-key').textContent())?.trim() ?? '';
    expect(await page.getByRole('img', { name: /QR code/ }).getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    await expectAxeClean(page);
    await saveScreenshot(page, 'auth-enrol');
    await page.getByLabel('Code from the app').fill(await freshTotpCodeRealTime(key));
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByTestId('recovery-codes').waitFor();
    expect(await page.getByTestId('recovery-codes').locator('li').count()).toBe(10);
    await expectAxeClean(page);
    await page.getByRole('button', { name: 'I have saved them' }).click();
    await page.getByTestId('home-title').waitFor();
    expect(await page.getByTestId('home-title').textContent()).toBe('Coder home');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  });

  it('ran every page under the strict CSP without a violation', () => {
    expect(cspViolations).toEqual([]);
  });
});

describe('idle sign-out with a shortened limit (Chromium)', () => {
  let app: AppProcess;
  let browser: Browser;

  beforeAll(async () => {
    app = await startApp({ SESSION_IDLE_SECONDS: '24' });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('warns before the limit and signs the user out when it is reached', async () => {
    const page = await (await browser.newContext()).newPage();
    await signIn(page, app.baseUrl, 'coder4', DEMO_PASSWORD, demoTotpSecret('coder4'));
    await page.getByTestId('home-title').waitFor();
    // No input from here on: the warning shows 6 s before the 24 s limit, then the sign-out.
    await page.getByTestId('idle-warning').waitFor({ timeout: 30_000 });
    await expectAxeClean(page);
    await saveScreenshot(page, 'auth-idle-warning');
    await page.getByTestId('ended-idle').waitFor({ timeout: 30_000 });
    expect(page.url()).toBe(`${app.baseUrl}/sign-in`);
    // The server agrees: the old session cannot be refreshed.
    await page.goto(`${app.baseUrl}/home`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  });
});
