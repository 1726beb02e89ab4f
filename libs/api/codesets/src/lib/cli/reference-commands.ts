import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { AppConfig } from '@chartdesk/api-platform';
import {
  type ImportSummary,
  isReferenceDataset,
  REFERENCE_DATASETS,
  type ReferenceDataset,
} from '@chartdesk/contracts';
import { Presets, SingleBar } from 'cli-progress';
import type { ImportRequester } from '../import/code-set.importer';
import { importReferenceFile, referenceDatasetOf } from '../import/reference/reference.importer';
import { reportErrors, withImportDatabase } from './import-commands';

type Command = (config: AppConfig, args: readonly string[]) => Promise<number>;

const REQUESTER: ImportRequester = { actor: null, via: 'cli' };

/** The Tabular first: the edit engine and search read it most; the rest in name order. */
const ORDER: readonly ReferenceDataset[] = REFERENCE_DATASETS;

/** The CMS reference files in a folder, by the names CMS gives them (the extracted XML). */
export function findReferenceFiles(dir: string): { dataset: ReferenceDataset; path: string }[] {
  const found = readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const dataset = referenceDatasetOf(name);
      return dataset ? [{ dataset, path: join(dir, name) }] : [];
    });
  return found.sort((a, b) => ORDER.indexOf(a.dataset) - ORDER.indexOf(b.dataset) || a.path.localeCompare(b.path));
}

function printSummary(summary: ImportSummary): void {
  const lines = [
    `${summary.label}: ${summary.outcome === 'unchanged' ? 'already imported, nothing changed' : `imported ${summary.rowsImported} rows`}, effective from ${summary.effectiveFrom}`,
    ...(summary.supersededRelease ? [`  ${summary.supersededRelease} now ends the day before.`] : []),
  ];
  console.log(lines.join('\n'));
}

async function withByteProgress<T>(
  label: string,
  run: (onProgress: (done: number, total: number) => void) => Promise<T>,
) {
  const bar = new SingleBar(
    { format: `${label} [{bar}] {percentage}% | {value}/{total} KB`, stream: process.stderr },
    Presets.shades_classic,
  );
  let started = false;
  try {
    return await run((done, total) => {
      if (!started) {
        bar.start(Math.ceil(total / 1024), 0);
        started = true;
      }
      bar.update(Math.ceil(done / 1024));
    });
  } finally {
    if (started) bar.stop();
  }
}

const USAGE =
  'Usage: import-reference <file.xml or folder>... [--dataset ' +
  REFERENCE_DATASETS.join('|') +
  '] [--release R] [--effective YYYY-MM-DD]\n' +
  '  CMS names: icd10cm_tabular_2026.xml, icd10cm_index_2026.xml, icd10cm_eindex_2026.xml,\n' +
  '  icd10cm_neoplasm_2026.xml, icd10cm_drug_2026.xml, icd10pcs_tables_2026.xml (release FY2026 from 2025-10-01).';

/** `import-reference <file or folder>...`: the CMS Tabular, Index and PCS Tables XML files, each in one transaction. */
export const importReferenceCommand: Command = async (config, args) => {
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(args);
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (positionals.length === 0 || (values.dataset !== undefined && !isReferenceDataset(values.dataset))) {
    console.error(USAGE);
    return 2;
  }
  const files = positionals.flatMap((p) => {
    const path = resolve(p);
    const isDir = (() => {
      try {
        return statSync(path).isDirectory();
      } catch {
        return false;
      }
    })();
    return isDir ? findReferenceFiles(path).map((f) => f.path) : [path];
  });
  if (files.length === 0) {
    console.error(`No CMS reference files in ${positionals.join(', ')} (expected e.g. icd10cm_tabular_2026.xml).`);
    return 1;
  }
  return reportErrors(() =>
    withImportDatabase(config, async (audit) => {
      for (const path of files) {
        const summary = await withByteProgress(path.split('/').pop() ?? path, (onProgress) =>
          importReferenceFile(
            audit,
            {
              path,
              dataset: values.dataset as ReferenceDataset | undefined,
              release: values.release,
              effectiveFrom: values.effective,
            },
            REQUESTER,
            onProgress,
          ),
        );
        printSummary(summary);
      }
    }),
  );
};

function parseOptions(args: readonly string[]) {
  return parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: {
      dataset: { type: 'string' },
      release: { type: 'string' },
      effective: { type: 'string' },
    },
  });
}

export const REFERENCE_COMMANDS: Readonly<Record<string, Command>> = {
  'import-reference': importReferenceCommand,
};
