import { gzipSync } from 'node:zlib';
import { CodePaths, apiUrl } from '@chartdesk/contracts';
import type { Browser, Page, Response } from 'playwright-core';
import { type AppProcess, startApp } from '../../support/app-process';
import { launchChromium } from '../../support/chromium';
import { apiSignIn, signInAs } from '../../e2e/coder-journey-support';
import { progress, reportBench } from '../support/report';
import { importAndAssign, percentile, round } from './workspace-fixtures';

const OPEN_RUNS = Number(process.env['CODER_WORKSPACE_OPEN_RUNS'] ?? 5);
const QUERIES = [
  'pneumonia',
  'J18.9',
  'diabetes',
  'hypertension',
  'E11.9',
  'fracture',
  'I10',
  'sepsis',
  'urinary',
  'chest pain',
];
/** A fast typist: 100 ms a key (about 120 words a minute). */
const KEY_INTERVAL_MS = 100;
const BUDGET = { initialJsGzipKb: 300, open100DocsMs: 1500, typeaheadMs: 150 };

/** All JavaScript a fresh page load of `url` fetches, gzipped as a server would send it. */
async function jsGzipBytes(
  page: Page,
  url: string,
  ready: string,
): Promise<{ gzip: number; raw: number; files: number }> {
  const bodies: Promise<Buffer>[] = [];
  const collect = (res: Response) => {
    if (res.url().endsWith('.js')) bodies.push(res.body());
  };
  page.on('response', collect);
  await page.goto(url);
  await page.locator(ready).first().waitFor();
  page.off('response', collect);
  const all = await Promise.all(bodies);
  progress(`${url}: ${all.length} JS files, ${all.map((b) => b.length).join(' + ')} bytes`);
  return {
    gzip: all.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0),
    raw: all.reduce((n, b) => n + b.length, 0),
    files: all.length,
  };
}

/** Navigation inside the running app, as a click on a link does (the session stays in memory). */
async function spaNavigate(page: Page, path: string): Promise<void> {
  await page.evaluate((to) => {
    history.pushState({}, '', to);
    dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

/** From navigation to the document shown and the code search usable: the coder can start working. */
async function timeToInteractive(page: Page, encounterId: string): Promise<number> {
  await spaNavigate(page, '/work');
  await page.getByTestId('queue-table').waitFor();
  const started = Date.now();
  await spaNavigate(page, `/work/charts/${encounterId}`);
  await page.getByTestId('document-text').waitFor();
  await page.getByTestId('code-search').waitFor({ state: 'visible' });
  await page.waitForFunction(
    () => !(document.querySelector('[data-testid="code-search"]') as HTMLInputElement).disabled,
  );
  return Date.now() - started;
}

/** Last keystroke to the results for the whole query on screen, timed inside the page (frame by frame). */
async function typeaheadLatency(page: Page, query: string): Promise<number> {
  await page.getByTestId('code-search').fill('');
  await page.evaluate(() => {
    const w = window as unknown as { __lastKey: number; __shown: number; __watching?: boolean };
    w.__lastKey = 0;
    w.__shown = 0;
    const input = document.querySelector('[data-testid="code-search"]') as HTMLInputElement;
    input.onkeydown = () => {
      w.__lastKey = performance.now();
      w.__shown = 0;
    };
    if (w.__watching) return;
    w.__watching = true;
    const check = () => {
      const box = document.querySelector('[data-testid="code-search"]') as HTMLInputElement | null;
      const list = document.querySelector('[data-testid="code-results"]');
      // only the answer to the final query counts, not a late list for a prefix typed earlier
      if (w.__lastKey && !w.__shown && box && list?.getAttribute('data-query') === box.value.trim()) {
        if (list.querySelector('[role="option"]')) w.__shown = performance.now();
      }
      requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
  await page.keyboard.type(query, { delay: KEY_INTERVAL_MS });
  await page.waitForFunction(() => (window as unknown as { __shown: number }).__shown > 0);
  const latency = await page.evaluate(() => {
    const w = window as unknown as { __lastKey: number; __shown: number };
    return w.__shown - w.__lastKey;
  });
  await page.keyboard.press('Escape');
  return latency;
}

async function bareSearch(baseUrl: string, token: string, query: string, dos: string): Promise<number> {
  const started = performance.now();
  const res = await fetch(
    `${baseUrl}${apiUrl(CodePaths.search)}?${new URLSearchParams({ q: query, dos, limit: '12' })}`,
    {
      headers: { authorization: `Bearer ${token}` },
    },
  );
  await res.arrayBuffer();
  return performance.now() - started;
}

describe('coder workspace performance (embedded database, headless Chromium)', () => {
  let app: AppProcess;
  let browser: Browser;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('measures initial JS, opening a 100-document chart and typeahead latency', async () => {
    const admin = await apiSignIn(app.baseUrl, 'admin');
    const supervisor = await apiSignIn(app.baseUrl, 'supervisor1');
    const coder = await apiSignIn(app.baseUrl, 'coder1');
    const tokens = { admin: admin.accessToken, supervisor: supervisor.accessToken };
    progress('importing a 100-document stay and a 1-document stay');
    const big = await importAndAssign(app.baseUrl, tokens, coder.user.id, 100);
    const small = await importAndAssign(app.baseUrl, tokens, coder.user.id, 1);

    // JS: the sign-in page alone (baseline) against a fresh load of the workspace
    const anonymous = await (await browser.newContext()).newPage();
    const shellJs = await jsGzipBytes(anonymous, `${app.baseUrl}/sign-in`, 'input[name="username"]');
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await signInAs(page, app.baseUrl, 'coder1');
    const reload = await context.newPage();
    const workspaceJs = await jsGzipBytes(
      reload,
      `${app.baseUrl}/work/charts/${small}`,
      '[data-testid="document-text"]',
    );
    await reload.goto(`${app.baseUrl}/work`);
    await reload.close();

    progress('opening the charts');
    const bigMs: number[] = [];
    const smallMs: number[] = [];
    for (let i = 0; i < OPEN_RUNS; i++) {
      smallMs.push(await timeToInteractive(page, small));
      bigMs.push(await timeToInteractive(page, big));
    }

    progress('typing in the code search');
    await timeToInteractive(page, big);
    await typeaheadLatency(page, 'warm up');
    const typed: number[] = [];
    const bare: number[] = [];
    for (const q of [...QUERIES, ...QUERIES]) {
      typed.push(await typeaheadLatency(page, q));
      bare.push(await bareSearch(app.baseUrl, coder.accessToken, q, '2026-02-06'));
    }
    await spaNavigate(page, '/work');

    const figures = {
      initialJs: {
        workspaceGzipKb: round(workspaceJs.gzip / 1024),
        workspaceRawKb: round(workspaceJs.raw / 1024),
        files: workspaceJs.files,
        baselineSignInGzipKb: round(shellJs.gzip / 1024),
        ratioToSignIn: round(workspaceJs.gzip / shellJs.gzip, 2),
        budgetKb: BUDGET.initialJsGzipKb,
      },
      open100Documents: {
        medianMs: percentile(bigMs, 50),
        maxMs: Math.max(...bigMs),
        baselineOneDocumentMedianMs: percentile(smallMs, 50),
        ratioToOneDocument: round(percentile(bigMs, 50) / percentile(smallMs, 50), 2),
        runs: OPEN_RUNS,
        budgetMs: BUDGET.open100DocsMs,
      },
      typeahead: {
        p50Ms: round(percentile(typed, 50)),
        p95Ms: round(percentile(typed, 95)),
        bareApiP50Ms: round(percentile(bare, 50)),
        bareApiP95Ms: round(percentile(bare, 95)),
        ratioToBareApiP50: round(percentile(typed, 50) / percentile(bare, 50), 2),
        samples: typed.length,
        keyIntervalMs: KEY_INTERVAL_MS,
        budgetMs: BUDGET.typeaheadMs,
      },
    };
    reportBench('coder-workspace', figures);
    expect(figures.initialJs.workspaceGzipKb).toBeLessThanOrEqual(BUDGET.initialJsGzipKb);
    expect(figures.open100Documents.medianMs).toBeLessThanOrEqual(BUDGET.open100DocsMs);
    expect(figures.typeahead.p95Ms).toBeLessThanOrEqual(BUDGET.typeaheadMs);
  });
});
