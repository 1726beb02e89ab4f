import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { AuditService, ensureAuditSchema } from '@chartdesk/api-audit';
import { dataSourceOptions, openDatabase } from '@chartdesk/api-database';
import { type AppConfig, DomainError } from '@chartdesk/api-platform';
import {
  CODE_SYSTEMS,
  type CodeSystem,
  EDIT_PROVIDER_TYPES,
  IMPORTABLE_EDIT_DATA_KINDS,
  type ImportableEditDataKind,
  type ImportSummary,
} from '@chartdesk/contracts';
import { Presets, SingleBar } from 'cli-progress';
import { DataSource } from 'typeorm';
import { importCodeSetFile, type ImportRequester } from '../import/code-set.importer';
import { importEditDataFile } from '../import/edit-data.importer';
import type { ProviderType } from '../import/edit-data.writer';
import type { ProgressListener } from '../import/import-types';
import { REFERENCE_COMMANDS } from './reference-commands';

type Command = (config: AppConfig, args: readonly string[]) => Promise<number>;

const REQUESTER: ImportRequester = { actor: null, via: 'cli' };

type Options = NonNullable<ParseArgsConfig['options']>;

/** `node:util` parseArgs, strict: an unknown or valueless option is a usage error (undefined), not a guess. */
export function parseCommandArgs(
  args: readonly string[],
  options: Options,
): { values: Record<string, string | undefined>; positionals: string[] } | undefined {
  try {
    const parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
    return { values: parsed.values as Record<string, string | undefined>, positionals: parsed.positionals };
  } catch {
    return undefined;
  }
}

const RELEASE_OPTIONS: Options = { release: { type: 'string' }, effective: { type: 'string' } };
const EDIT_OPTIONS: Options = { ...RELEASE_OPTIONS, provider: { type: 'string' }, name: { type: 'string' } };

/** Opens the database the app would use, with the audit trail ready for the import's events. */
export async function withImportDatabase(
  config: AppConfig,
  work: (audit: AuditService) => Promise<void>,
): Promise<void> {
  const db = await openDatabase(config);
  const dataSource = new DataSource(dataSourceOptions(db.target, 2, [], []));
  try {
    await dataSource.initialize();
    await ensureAuditSchema(dataSource, config.auditChainStreams);
    await work(new AuditService(dataSource));
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await db.close();
  }
}

/** A progress bar on stderr, so the summary on stdout stays clean. */
async function withProgress<T>(label: string, run: (onProgress: ProgressListener) => Promise<T>): Promise<T> {
  const bar = new SingleBar(
    { format: `${label} [{bar}] {percentage}% | {value}/{total} rows`, stream: process.stderr },
    Presets.shades_classic,
  );
  let started = false;
  try {
    return await run((done, total) => {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.update(done);
    });
  } finally {
    if (started) bar.stop();
  }
}

function printSummary(summary: ImportSummary): void {
  const lines = [
    `${summary.label}: ${summary.outcome === 'unchanged' ? 'already imported, nothing changed' : `imported ${summary.rowsImported} rows`}` +
      ` (read ${summary.rowsRead}${summary.billable !== undefined ? `, ${summary.billable} billable` : ''}), effective from ${summary.effectiveFrom}`,
    ...(summary.supersededRelease ? [`  ${summary.supersededRelease} now ends the day before.`] : []),
    ...(summary.problemCount > 0 ? [`  ${summary.problemCount} malformed line(s) skipped:`] : []),
    ...summary.problems.slice(0, 20).map((p) => `    line ${p.line}: ${p.message}`),
    ...(summary.problemCount > 20 ? [`    … and ${summary.problemCount - 20} more`] : []),
  ];
  console.log(lines.join('\n'));
}

export async function reportErrors(run: () => Promise<void>): Promise<number> {
  try {
    await run();
    return 0;
  } catch (error) {
    if (error instanceof DomainError) {
      console.error(error.userMessage);
      return 1;
    }
    throw error;
  }
}

/** `import-codes <ICD10CM|ICD10PCS|HCPCS|CPT> <file> [--release R] [--effective YYYY-MM-DD]` */
export const importCodesCommand: Command = async (config, args) => {
  const parsed = parseCommandArgs(args, RELEASE_OPTIONS);
  const [system, file] = parsed?.positionals ?? [];
  if (!parsed || !(CODE_SYSTEMS as readonly string[]).includes(system ?? '') || !file) {
    console.error(
      `Usage: import-codes <${CODE_SYSTEMS.join('|')}> <file or CMS zip> [--release R] [--effective YYYY-MM-DD]`,
    );
    return 2;
  }
  return reportErrors(() =>
    withImportDatabase(config, async (audit) => {
      const summary = await withProgress(system as string, (onProgress) =>
        importCodeSetFile(
          audit,
          {
            system: system as CodeSystem,
            path: resolve(file),
            release: parsed.values['release'],
            effectiveFrom: parsed.values['effective'],
          },
          REQUESTER,
          onProgress,
        ),
      );
      printSummary(summary);
    }),
  );
};

/** `import-edits <kind> <file> --release R --effective YYYY-MM-DD [--provider P] [--name N]` */
export const importEditsCommand: Command = async (config, args) => {
  const parsed = parseCommandArgs(args, EDIT_OPTIONS);
  const [kind, file] = parsed?.positionals ?? [];
  const release = parsed?.values['release'];
  const effectiveFrom = parsed?.values['effective'];
  const provider = parsed?.values['provider']?.toUpperCase();
  if (
    !(IMPORTABLE_EDIT_DATA_KINDS as readonly string[]).includes(kind ?? '') ||
    !file ||
    !release ||
    !effectiveFrom ||
    (provider !== undefined && !(EDIT_PROVIDER_TYPES as readonly string[]).includes(provider))
  ) {
    console.error(
      `Usage: import-edits <${IMPORTABLE_EDIT_DATA_KINDS.join('|')}> <file or zip> --release R --effective YYYY-MM-DD [--provider ${EDIT_PROVIDER_TYPES.join('|')}] [--name "Source name"]`,
    );
    return 2;
  }
  return reportErrors(() =>
    withImportDatabase(config, async (audit) => {
      const summary = await withProgress(kind as string, (onProgress) =>
        importEditDataFile(
          audit,
          {
            kind: kind as ImportableEditDataKind,
            path: resolve(file),
            release,
            effectiveFrom,
            providerType: provider as ProviderType | undefined,
            sourceName: parsed?.values['name'],
          },
          REQUESTER,
          onProgress,
        ),
      );
      printSummary(summary);
    }),
  );
};

/** The CMS downloads a directory may hold, by the names CMS gives them. */
export function findCmsFiles(dir: string): { system: CodeSystem; path: string }[] {
  const names = readdirSync(dir).sort();
  const pick = (pattern: RegExp): string | undefined => names.filter((n) => pattern.test(n)).pop();
  const found: { system: CodeSystem; path: string }[] = [];
  const cm = pick(/^(cms_\d{4}_dx\.zip|icd10cm_order_\d{4}\.txt|\d{4}-code-descriptions-tabular-order\.zip)$/i);
  const pcs = pick(/^(cms_\d{4}_pr\.zip|icd10pcs_order_\d{4}\.txt|\d{4}-icd-10-pcs-order-file\.zip)$/i);
  const hcpcs = pick(/^HCPC\d{4}_[A-Z]{3}_ANWEB.*\.(xlsx|zip)$/i);
  if (cm) found.push({ system: 'ICD10CM', path: join(dir, cm) });
  if (pcs) found.push({ system: 'ICD10PCS', path: join(dir, pcs) });
  if (hcpcs) found.push({ system: 'HCPCS', path: join(dir, hcpcs) });
  return found;
}

/** `import-cms <dir>`: ICD-10-CM, ICD-10-PCS and HCPCS from a folder of CMS downloads. */
export const importCmsCommand: Command = async (config, args) => {
  const [dir] = parseCommandArgs(args, {})?.positionals ?? [];
  if (!dir) {
    console.error('Usage: import-cms <folder holding the CMS downloads>');
    return 2;
  }
  const files = findCmsFiles(resolve(dir));
  if (files.length === 0) {
    console.error(
      `No CMS code files in ${resolve(dir)} (expected e.g. cms_2026_dx.zip, cms_2026_pr.zip, HCPC2025_OCT_ANWEB.xlsx).`,
    );
    return 1;
  }
  return reportErrors(() =>
    withImportDatabase(config, async (audit) => {
      for (const { system, path } of files) {
        const summary = await withProgress(system, (onProgress) =>
          importCodeSetFile(audit, { system, path }, REQUESTER, onProgress),
        );
        printSummary(summary);
      }
    }),
  );
};

export const CODESET_COMMANDS: Readonly<Record<string, Command>> = {
  'import-codes': importCodesCommand,
  'import-edits': importEditsCommand,
  'import-cms': importCmsCommand,
  ...REFERENCE_COMMANDS,
};
