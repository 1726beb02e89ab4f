import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditService } from '@chartdesk/api-audit';
import type { ImportRequester } from '../../import/code-set.importer';
import { SearchVocabularyAdminController } from './search-vocabulary-admin.controller';
import { SearchVocabularyAdminService } from './search-vocabulary-admin.service';
import { vocabularyRelease } from './vocabulary-file';
import { importSearchVocabulary } from './vocabulary.importer';
import { SearchVocabularyStore } from './vocabulary.store';

export { importSearchVocabulary } from './vocabulary.importer';
export { SearchVocabularyStore, loadSearchVocabulary } from './vocabulary.store';

export const SEARCH_VOCABULARY_CONTROLLERS = [SearchVocabularyAdminController];
export const SEARCH_VOCABULARY_PROVIDERS = [SearchVocabularyStore, SearchVocabularyAdminService];

/** Where ChartDesk's vocabulary file ships: beside the demo code sets (see demoCodeSetDir). */
function vocabularyFile(): string {
  const dirs = [
    join(__dirname, 'codesets-demo'),
    join(__dirname, '../../../../data'),
    join(process.cwd(), 'libs/api/codesets/data'),
  ];
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    const file = readdirSync(dir)
      .filter((f) => vocabularyRelease(f))
      .sort()
      .pop();
    if (file) return join(dir, file);
  }
  throw new Error(`The clinical search vocabulary file was not found in ${dirs.join(', ')}`);
}

/** Loads the newest vocabulary release we ship (idempotent); on demo start, in tests, and by `seed`. */
export async function seedSearchVocabulary(audit: AuditService, requester: ImportRequester): Promise<string> {
  const summary = await importSearchVocabulary(audit, vocabularyFile(), requester);
  return `Search vocabulary ${summary.release}: ${summary.entries || summary.outcome}`;
}
