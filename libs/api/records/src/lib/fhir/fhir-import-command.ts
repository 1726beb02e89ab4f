import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { AuditService } from '@chartdesk/api-audit';
import { dataSourceOptions, openDatabase } from '@chartdesk/api-database';
import { type AppConfig, parseCommandArgs } from '@chartdesk/api-platform';
import { SingleBar } from 'cli-progress';
import { DataSource } from 'typeorm';
import { FieldCipher } from '../crypto/field-cipher';
import { loadRecordsKey } from '../crypto/records-key';
import { type BundleSource, DEFAULT_IMPORT_FACILITY, FhirImporter } from './fhir-importer';

/** Every .json (one Bundle, or {bundles}) and .ndjson (one Bundle per line) file named or inside a named folder. */
export function readBundleFiles(paths: readonly string[]): BundleSource[] {
  const files = paths.flatMap((p) =>
    statSync(p).isDirectory()
      ? readdirSync(p)
          .filter((f) => ['.json', '.ndjson'].includes(extname(f)))
          .sort()
          .map((f) => join(p, f))
      : [p],
  );
  return files.flatMap((file): BundleSource[] => {
    const name = basename(file);
    const content = readFileSync(file, 'utf8');
    const parse = (text: string, source: string): BundleSource => {
      try {
        return { source, bundle: JSON.parse(text) as unknown };
      } catch {
        return { source, bundle: null };
      }
    };
    if (extname(file) === '.ndjson') {
      return content
        .split('\n')
        .map((line, i) => ({ line, i }))
        .filter(({ line }) => line.trim() !== '')
        .map(({ line, i }) => parse(line, `${name}:${i + 1}`));
    }
    const one = parse(content, name);
    const many = (one.bundle as { bundles?: unknown })?.bundles;
    return Array.isArray(many) ? many.map((bundle: unknown, i) => ({ source: `${name}#${i}`, bundle })) : [one];
  });
}

/**
 * `node dist/apps/api/main.js import-fhir <file|folder>... [--facility CODE]`:
 * imports bundles one by one with a progress bar, then prints a summary with
 * each failed bundle's errors (which name resources, never patient values).
 */
export async function importFhirCommand(config: AppConfig, args: readonly string[]): Promise<number> {
  const parsed = parseCommandArgs(args, {
    options: { facility: { type: 'string' } },
    positionals: { min: 1, max: Infinity },
    usage: 'Usage: import-fhir <file.json|file.ndjson|folder>... [--facility CODE]',
  });
  if (!parsed) return 2;
  const facility = parsed.values.facility ?? DEFAULT_IMPORT_FACILITY;
  const paths = parsed.positionals;
  const bundles = readBundleFiles(paths);
  const db = await openDatabase(config);
  const dataSource = new DataSource(dataSourceOptions(db.target, 2, [], []));
  try {
    await dataSource.initialize();
    const importer = new FhirImporter(
      dataSource,
      new AuditService(dataSource),
      new FieldCipher(loadRecordsKey(config)),
    );
    const bar = new SingleBar({
      format: 'FHIR import [{bar}] {value}/{total} bundles | {failed} failed',
      stream: process.stderr,
    });
    let failed = 0;
    bar.start(bundles.length, 0, { failed });
    const summary = await importer.importBundles(bundles, { actor: null, facility }, (done, result) => {
      if (!result.ok) failed++;
      bar.update(done, { failed });
    });
    bar.stop();
    const created = summary.results.reduce((n, r) => n + (r.created ?? 0), 0);
    const updated = summary.results.reduce((n, r) => n + (r.updated ?? 0), 0);
    const conflicts = summary.results.reduce((n, r) => n + (r.conflicts ?? 0), 0);
    const skipped = summary.results.reduce((n, r) => n + r.skipped, 0);
    console.log(
      `Imported ${summary.imported} of ${summary.bundles} bundle(s): ${created} created, ${updated} updated, ` +
        `${conflicts} patient(s) with changed demographics held for review (not applied), ` +
        `${skipped} unsupported resource(s) skipped, ${summary.failed} bundle(s) failed.`,
    );
    for (const r of summary.results.filter((x) => !x.ok)) console.log(`  ${r.source}:\n    ${r.errors.join('\n    ')}`);
    return summary.failed > 0 ? 1 : 0;
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await db.close();
  }
}

export const RECORDS_COMMANDS = { 'import-fhir': importFhirCommand } as const;
