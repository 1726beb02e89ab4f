import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from './app-process';

export const ARTIFACTS_DIR = join(REPO_ROOT, 'tmp/e2e-artifacts');

/** Screenshots are kept as test artifacts under tmp/e2e-artifacts. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
