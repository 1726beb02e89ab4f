import AxeBuilder from '@axe-core/playwright';
import { demoTotpSecret, DEMO_PASSWORD } from '@chartdesk/api-identity';
import { DEMO_CHART_COUNT, DemoChartGenerator } from '@chartdesk/api-records';
import {
  AuthPaths,
  type LoginComplete,
  type LoginStepResponse,
  type ReportPage,
  CompliancePaths,
  apiUrl,
  compliancePath,
} from '@chartdesk/contracts';
import type { Page } from 'playwright-core';
import { freshTotpCodeRealTime } from '../support/totp';

/** A TOTP code not used before for this demo user (the app runs in its own process, on the real clock). */
export function freshCode(username: string): Promise<string> {
  return freshTotpCodeRealTime(demoTotpSecret(username));
}

/** Password, then TOTP, through the real sign-in page. */
export async function signInAs(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Code').fill(await freshCode(username));
  await page.getByRole('button', { name: 'Verify' }).click();
  await page.waitForURL(/\/home$/);
}

/** The same sign-in over HTTP, for reading the audit trail as compliance. */
export async function apiSignIn(baseUrl: string, username: string): Promise<LoginComplete> {
  const first = await fetch(`${baseUrl}${apiUrl(AuthPaths.login)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  const pending = (await first.json()) as LoginStepResponse & { challengeToken: string };
  const second = await fetch(`${baseUrl}${apiUrl(AuthPaths.mfaVerify)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ challengeToken: pending.challengeToken, code: await freshCode(username) }),
  });
  return (await second.json()) as LoginComplete;
}

export async function report(
  baseUrl: string,
  token: string,
  name: 'user-activity' | 'denials',
  userId: string,
): Promise<ReportPage> {
  const from = new Date(Date.now() - 3_600_000).toISOString();
  const to = new Date(Date.now() + 3_600_000).toISOString();
  const qs = new URLSearchParams({ from, to, userId, limit: '500', direction: 'asc' });
  const res = await fetch(`${baseUrl}${apiUrl(compliancePath(CompliancePaths.report, { report: name }))}?${qs}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (res.status !== 200) throw new Error(`report ${name}: ${res.status} ${await res.text()}`);
  return (await res.json()) as ReportPage;
}

/** The last line of the verification stream: `{ type: 'result', ok }`. */
export async function verifyChains(baseUrl: string, token: string): Promise<{ ok: boolean }> {
  const res = await fetch(`${baseUrl}${apiUrl(CompliancePaths.integrityVerify)}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  });
  const lines = (await res.text()).trim().split('\n');
  return JSON.parse(lines[lines.length - 1] ?? '{}') as { ok: boolean };
}

/** The demo seed's charts, regenerated (it is deterministic): encounter number → scenario and answer key. */
export function demoCharts() {
  return [...new DemoChartGenerator().charts(DEMO_CHART_COUNT)].map((c) => ({
    encounterNumber: c.encounter.encounterNumber,
    scenario: c.scenario,
    answer: c.answer,
  }));
}

export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}
