import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CodePaths, type ImportSummary, apiUrl } from '@chartdesk/contracts';
import type { Browser, Page } from 'playwright-core';
import { type AppProcess, REPO_ROOT, startApp } from '../support/app-process';
import { saveScreenshot } from '../support/artifacts';
import { launchChromium } from '../support/chromium';
import { type TestDatabase, createTestDatabase } from '../support/test-database';
import { apiSignIn, axeViolations, signInAs } from './coder-journey-support';

const FIXTURES = join(REPO_ROOT, 'libs/api/codesets/src/lib/import/fixtures');

/** The admin places the CMS reference files in the import folder and imports them, as an operator would. */
async function importReference(app: AppProcess): Promise<void> {
  const dir = join(app.dataDir, 'imports');
  mkdirSync(dir, { recursive: true });
  const admin = await apiSignIn(app.baseUrl, 'admin');
  for (const [dataset, fileName] of [
    ['ICD10CM_TABULAR', 'icd10cm_tabular_2026.xml'],
    ['ICD10PCS_TABLES', 'icd10pcs_tables_2026.xml'],
  ]) {
    copyFileSync(join(FIXTURES, fileName), join(dir, fileName));
    const res = await fetch(`${app.baseUrl}${apiUrl(CodePaths.imports)}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${admin.accessToken}`,
        'content-type': 'application/json',
        origin: app.baseUrl,
      },
      body: JSON.stringify({ dataset, fileName }),
    });
    if (res.status !== 201) throw new Error(`import ${fileName}: ${res.status} ${await res.text()}`);
    expect(((await res.json()) as ImportSummary).outcome).toBe('imported');
  }
}

describe('code reference and PCS builder in the coder workspace (Chromium)', () => {
  let app: AppProcess;
  let browser: Browser;
  let page: Page;
  let db: TestDatabase | undefined;

  beforeAll(async () => {
    // On the PostgreSQL server where one answers (the embedded PGlite lacks the clinical search configuration
    // on main today); demo data seeded as in embedded mode.
    db = await createTestDatabase('chartdesk_e2e_reference');
    app = await startApp(db.embedded ? {} : { DATABASE_URL: db.url, MIGRATE_ON_START: 'true', SEED_DEMO_DATA: 'true' });
    browser = await launchChromium();
    await importReference(app);
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    page = await context.newPage();
    await signInAs(page, app.baseUrl, 'coder1');
    await page.goto(`${app.baseUrl}/work`);
    await page.getByTestId('next-chart').click();
    await page.waitForURL(/\/work\/charts\//);
    await page.getByTestId('code-search').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await db?.drop();
  });

  it('shows the Tabular notes of the search result under the arrow keys, with the codes they point to', async () => {
    await page.getByTestId('code-search').fill('E11.22');
    await page.getByTestId('code-results').waitFor();
    const panel = page.getByTestId('code-reference');
    await page.locator('[data-testid="code-reference"][data-code="E1122"]').waitFor();
    const hierarchy = (await page.getByTestId('reference-hierarchy').textContent()) ?? '';
    expect(hierarchy).toContain('Chapter 4');
    expect(hierarchy).toContain('E08-E13');
    expect(hierarchy).toContain('Type 2 diabetes mellitus with kidney complications');
    const text = (await panel.textContent()) ?? '';
    expect(text).toContain('Use additional code');
    expect(text).toContain('Chronic kidney disease, stage 1');
    expect(text).toContain('Excludes1');
    expect(text).toContain('type 1 diabetes mellitus (E10.-)');
    expect(await axeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'code-reference-1-search');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="diagnoses"] tr[data-code="E1122"]').waitFor();
  });

  it('shows 7th characters and placeholder X for an injury code', async () => {
    await page.getByTestId('code-search').fill('S72.001A');
    await page.locator('[data-testid="code-reference"][data-code="S72001A"]').waitFor();
    expect(await page.getByTestId('reference-seventh').textContent()).toContain(
      'initial encounter for closed fracture',
    );
    expect(await page.getByTestId('reference-guidance').textContent()).toContain('7th character A');
    await page.keyboard.press('Escape');
  });

  it('builds a PCS code from the tables with the keyboard and adds it to the procedures', async () => {
    await page.getByTestId('pcs-builder-toggle').click();
    const builder = page.getByTestId('pcs-builder');
    for (const [i, value] of ['0', 'F', 'T', '4', '4', 'Z', 'Z'].entries()) {
      // Wait for this character's step and for the builder's own focus move to its first
      // choice; a stale button of the step before (devices and qualifiers share a Z) would race it.
      await builder.getByText(`(character ${i + 1} of 7)`).waitFor();
      await page.waitForFunction(() => document.activeElement?.closest('[data-testid="pcs-choices"]') !== null);
      const choice = builder.locator(`[data-testid="pcs-choices"] button[data-value="${value}"]`);
      await choice.focus();
      await page.keyboard.press('Enter');
    }
    await builder.getByTestId('pcs-built').waitFor();
    expect(await builder.textContent()).toContain('Body Part: 4 Gallbladder');
    expect(await builder.getByTestId('pcs-built').textContent()).toContain(
      'Resection of Gallbladder, Percutaneous Endoscopic Approach',
    );
    expect(await axeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'code-reference-2-pcs-builder');
    await builder.getByTestId('pcs-add').click();
    await page.locator('[data-testid="procedures"] tr[data-code="0FT44ZZ"]').waitFor();
  });
});
