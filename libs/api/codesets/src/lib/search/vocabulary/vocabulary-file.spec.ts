import { parseVocabularyFile, vocabularyRelease } from './vocabulary-file';

describe('parseVocabularyFile', () => {
  it('normalizes terms, splits alternatives and skips comments and duplicates', () => {
    const parsed = parseVocabularyFile(
      [
        '# a comment',
        'kind\tterm\texpansion\tspecialty',
        'ABBREVIATION\tH/O\tPersonal history | History\tgeneral',
        "SYNONYM\tCrohn's\tCrohn disease\t",
        'SYNONYM\tcrohns\tcrohn disease\t',
      ].join('\n'),
    );
    expect(parsed.problems.count).toBe(0);
    expect(parsed.rows).toEqual([
      { kind: 'ABBREVIATION', term: 'h o', expansion: 'personal history', specialty: 'general' },
      { kind: 'ABBREVIATION', term: 'h o', expansion: 'history', specialty: 'general' },
      { kind: 'SYNONYM', term: 'crohns', expansion: 'crohn disease', specialty: null },
    ]);
  });

  it('reports malformed lines with their number and keeps the rest', () => {
    const parsed = parseVocabularyFile(
      [
        'kind\tterm\texpansion\tspecialty',
        'NOPE\ta\tb\t',
        'SYNONYM\t\tb\t',
        'SYNONYM\ta\t | \t',
        'SUFFIX\tectomy\tresection\t',
      ].join('\n'),
    );
    expect(parsed.problems.problems.map((p) => p.line)).toEqual([2, 3, 4]);
    expect(parsed.rows).toHaveLength(1);
  });

  it('needs the header', () => {
    expect(parseVocabularyFile('SYNONYM\ta\tb\t').problems.count).toBe(1);
  });

  it('takes the release from the file name', () => {
    expect(vocabularyRelease('clinical_search_vocabulary_2026.1.tsv')).toBe('2026.1');
    expect(vocabularyRelease('../clinical_search_vocabulary_2026.1.tsv')).toBeUndefined();
    expect(vocabularyRelease('vocabulary.tsv')).toBeUndefined();
  });
});
