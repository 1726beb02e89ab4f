import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../support/app-process';

export const BENCH_RESULTS_DIR = join(REPO_ROOT, 'tmp/bench-results');

/**
 * Prints one benchmark's figures as JSON and keeps them in tmp/bench-results.
 * Figures are ratios against a baseline measured in the same run: absolute
 * times on a shared 2-core machine are noise.
 */
export function reportBench(name: string, figures: Record<string, unknown>): void {
  const result = { bench: name, at: new Date().toISOString(), ...figures };
  mkdirSync(BENCH_RESULTS_DIR, { recursive: true });
  writeFileSync(join(BENCH_RESULTS_DIR, `${name}.json`), JSON.stringify(result, null, 2));
  process.stdout.write(`\nBENCH ${JSON.stringify(result)}\n`);
}

/** Progress for long benchmark phases, on stderr so the JSON stays clean. */
export function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}
