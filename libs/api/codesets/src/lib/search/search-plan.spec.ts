import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planSearch } from './search-plan';
import { SearchVocabulary } from './search-vocabulary';
import { parseVocabularyFile } from './vocabulary/vocabulary-file';

const shipped = parseVocabularyFile(
  readFileSync(join(__dirname, '../../../data/clinical_search_vocabulary_2026.1.tsv'), 'utf8'),
);
const vocabulary = new SearchVocabulary(shipped.rows);

describe('planSearch', () => {
  it('reads codes with or without the dot, and narrows a code by words', () => {
    expect(planSearch('e11.9', vocabulary)).toMatchObject({ code: 'E119', words: undefined });
    expect(planSearch('E11 neuropathy', vocabulary)).toMatchObject({ code: 'E11', words: 'neuropathy:*' });
  });

  it('keeps a word the vocabulary knows as a word even when it looks like a code', () => {
    expect(planSearch('dm2', vocabulary).code).toBeUndefined();
    expect(planSearch('dm2', vocabulary).words).toContain('diabetes:*');
  });

  it('matches an abbreviation as a whole word or its expansion, never as a prefix', () => {
    expect(planSearch('CAD', vocabulary).words).toMatch(/^\(cad \| /);
    expect(planSearch('c diff', vocabulary).words).toBe('(diff | (enterocolitis:* & difficile:*))');
  });

  it('joins and splits hyphenated words', () => {
    expect(planSearch('non-ST elevation', vocabulary).words).toBe('((nonst:* | (non:* & st:*)) & elevation:*)');
  });

  it('builds procedure words from combining forms and suffixes', () => {
    const words = planSearch('cholecystectomy laparoscopic', vocabulary).words ?? '';
    expect(words).toContain('(gallbladder:* & (resection:* | excision:*))');
    expect(words).toContain('(percutaneous:* & endoscopic:*)');
  });

  it('reads lay phrases, drops filler and cannot be steered into query syntax', () => {
    expect(planSearch('kidney stones', vocabulary).words).toContain('(calculus:* & kidney:*)');
    expect(planSearch("heart' | !fail", vocabulary).words).toBe('((heart:* | cardiac:*) & fail:*)');
    expect(planSearch("a' | !b:* & (c)", vocabulary).words).toBeUndefined();
  });

  it('ships a vocabulary file without problems', () => {
    expect(shipped.problems.count).toBe(0);
    expect(shipped.rows.length).toBeGreaterThan(500);
  });
});
