import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { API_MAIN, type AppProcess, REPO_ROOT, startApp } from '../support/app-process';
import { saveScreenshot } from '../support/artifacts';
import { launchChromium } from '../support/chromium';
import { PgFaultProxy } from '../support/pg-fault-proxy';
import { type ServerRoles, createServerRoles } from '../support/server-roles';
import { freshTotpCodeRealTime } from '../support/totp';

const run = promisify(execFile);

/**
 * A fresh server-mode installation as an operator brings it up: migrations as
 * the owner, the first administrator from the shell, the API as the app role
 * (through a TCP proxy this test controls). The admin signs in in Chromium,
 * then the database goes away and comes back without the admin being signed out.
 */
describe('server mode first day and a database outage (Chromium)', () => {
  let roles: ServerRoles;
  let proxy: Awaited<ReturnType<typeof PgFaultProxy.start>>;
  let app: AppProcess;
  let browser: Browser;
  let page: Page;
  let temporaryPassword = '';

  beforeAll(async () => {
    roles = await createServerRoles('cd_e2e_ops');
    const env = {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: roles.appUrl,
      DATABASE_MIGRATION_URL: roles.ownerUrl,
    };
    await run(process.execPath, [API_MAIN, 'migrate'], { cwd: REPO_ROOT, env });
    const made = await run(process.execPath, [API_MAIN, 'create-admin', 'opsadmin', '--display-name', 'Ops Admin'], {
      cwd: REPO_ROOT,
      env,
    });
    temporaryPassword = /One-time password: (\S+)/.exec(made.stdout)?.[1] ?? '';
    proxy = await PgFaultProxy.start(roles.appUrl);
    app = await startApp({
      DATABASE_URL: proxy.url,
      DATABASE_MIGRATION_URL: roles.ownerUrl,
      MIGRATE_ON_START: 'false',
      DB_STATEMENT_TIMEOUT_MS: '4000',
      DB_LOCK_TIMEOUT_MS: '2000',
    });
    browser = await launchChromium();
    page = await (await browser.newContext()).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await proxy?.restore();
    await app?.stop();
    await proxy?.close();
    await roles?.drop();
  });

  it('the first administrator, made by create-admin, signs in, replaces the one-time password and enrols TOTP', async () => {
    expect(temporaryPassword).toMatch(/^[a-z2-9-]{23}$/);
    await page.goto(app.baseUrl + '/');
    await page.getByLabel('Username').fill('opsadmin');
    await page.getByLabel('Password').fill(temporaryPassword);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Choose your password' }).waitFor();
    await page.getByLabel('New password', { exact: true }).fill('quiet harbour lamps at dawn');
    await page.getByLabel('Repeat new password').fill('quiet harbour lamps at dawn');
    await page.getByRole('button', { name: 'Save password' }).click();
    await page.getByTestId('manual-key').waitFor();
    const key = (await page.getByTestId('manual-key').textContent())?.trim() ?? '';
    await page.getByLabel('Code from the app').fill(await freshTotpCodeRealTime(key));
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByRole('button', { name: 'I have saved them' }).click();
    await page.getByTestId('home-title').waitFor();
    expect(await page.getByTestId('home-title').textContent()).toBe('Administrator home');
  });

  it('keeps the admin signed in through a database outage, shows "reconnecting", and resumes by itself', async () => {
    await proxy.kill();
    await page.getByRole('link', { name: 'Users' }).first().click();
    await page.getByTestId('connection-lost').waitFor({ timeout: 10_000 });
    await saveScreenshot(page, 'operations-reconnecting');
    expect(await page.getByTestId('nav-user').textContent()).toBe('opsadmin');
    await new Promise((r) => setTimeout(r, 3000));
    expect(page.url()).not.toContain('/sign-in');
    await proxy.restore();
    await page.getByTestId('connection-lost').waitFor({ state: 'detached', timeout: 20_000 });
    await page.getByTestId('users-table').getByText('opsadmin').waitFor({ timeout: 20_000 });
    expect(page.url()).not.toContain('/sign-in');
    expect(await page.getByTestId('nav-user').textContent()).toBe('opsadmin');
  });
});
