import { SEARCH_VOCABULARY_KINDS, type SearchVocabularyKind } from '@chartdesk/contracts';
import { ProblemLog } from '../../import/import-types';
import { splitLines } from '../../import/csv';
import { normalizePhrase } from '../search-text';

/** One vocabulary row as stored: normalized term and one expansion. */
export interface VocabularyRow {
  readonly kind: SearchVocabularyKind;
  readonly term: string;
  readonly expansion: string;
  readonly specialty: string | null;
}

export interface ParsedVocabulary {
  readonly rows: readonly VocabularyRow[];
  readonly problems: ProblemLog;
}

const HEADER = ['kind', 'term', 'expansion', 'specialty'];

function isKind(value: string): value is SearchVocabularyKind {
  return (SEARCH_VOCABULARY_KINDS as readonly string[]).includes(value);
}

/**
 * Reads ChartDesk's vocabulary file: tab-separated `kind term expansion
 * specialty`, `#` comment lines, alternatives in one expansion separated by
 * ` | ` (each becomes its own entry, so an admin can disable one).
 */
export function parseVocabularyFile(text: string): ParsedVocabulary {
  const problems = new ProblemLog();
  const rows: VocabularyRow[] = [];
  const seen = new Set<string>();
  let header = false;
  splitLines(text).forEach((line, index) => {
    const n = index + 1;
    if (line.trim() === '' || line.startsWith('#')) return;
    const fields = line.split('\t').map((f) => f.trim());
    if (!header) {
      if (HEADER.some((h, i) => fields[i]?.toLowerCase() !== h)) {
        problems.add(n, `The header must be ${HEADER.join(', ')} (tab-separated).`);
      }
      header = true;
      return;
    }
    const [kind, rawTerm, rawExpansion, specialty] = fields;
    if (!kind || !isKind(kind)) {
      problems.add(
        n,
        `Unknown kind "${(kind ?? '').slice(0, 40)}"; expected one of ${SEARCH_VOCABULARY_KINDS.join(', ')}.`,
      );
      return;
    }
    const term = normalizePhrase(rawTerm ?? '');
    if (!term) {
      problems.add(n, 'The term is empty.');
      return;
    }
    const alternatives = (rawExpansion ?? '').split('|').map(normalizePhrase).filter(Boolean);
    if (alternatives.length === 0) {
      problems.add(n, 'The expansion is empty.');
      return;
    }
    for (const expansion of alternatives) {
      const key = `${kind}\t${term}\t${expansion}`;
      if (seen.has(key)) continue;
      seen.add(key);
      rows.push({ kind, term, expansion, specialty: specialty || null });
    }
  });
  if (!header) problems.add(1, 'The file has no header line.');
  return { rows, problems };
}

/** `clinical_search_vocabulary_2026.1.tsv` → `2026.1`. */
export function vocabularyRelease(fileName: string): string | undefined {
  return /^clinical_search_vocabulary_([0-9][0-9A-Za-z.]{0,15})\.tsv$/.exec(fileName)?.[1];
}
