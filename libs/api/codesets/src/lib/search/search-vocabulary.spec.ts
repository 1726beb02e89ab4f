import { SearchVocabulary, type VocabularyEntry } from './search-vocabulary';

const entries: VocabularyEntry[] = [
  { kind: 'COMBINING_FORM', term: 'cholecyst', expansion: 'gallbladder' },
  { kind: 'COMBINING_FORM', term: 'cyst', expansion: 'bladder' },
  { kind: 'COMBINING_FORM', term: 'col', expansion: 'colon' },
  { kind: 'COMBINING_FORM', term: 'esophag', expansion: 'esophagus' },
  { kind: 'COMBINING_FORM', term: 'gastr', expansion: 'stomach' },
  { kind: 'COMBINING_FORM', term: 'duoden', expansion: 'duodenum' },
  { kind: 'SUFFIX', term: 'ectomy', expansion: 'resection' },
  { kind: 'SUFFIX', term: 'ectomy', expansion: 'excision' },
  { kind: 'SUFFIX', term: 'stomy', expansion: 'bypass' },
  { kind: 'SUFFIX', term: 'scopy', expansion: 'inspection endoscopic' },
  { kind: 'SYNONYM', term: 'kidney stone', expansion: 'calculus of kidney' },
  { kind: 'ABBREVIATION', term: 'sob', expansion: 'shortness of breath' },
];
const vocabulary = new SearchVocabulary(entries);
const meanings = (word: string) => vocabulary.buildWord(word)?.map((part) => part.map((e) => e.expansion));

describe('SearchVocabulary', () => {
  it('reads built words as combining forms and a suffix, longest form first', () => {
    expect(meanings('cholecystectomy')).toEqual([['gallbladder'], ['resection', 'excision']]);
    expect(meanings('cystectomy')).toEqual([['bladder'], ['resection', 'excision']]);
    expect(meanings('colostomy')).toEqual([['colon'], ['bypass']]);
    expect(meanings('esophagogastroduodenoscopy')).toEqual([
      ['esophagus'],
      ['stomach'],
      ['duodenum'],
      ['inspection endoscopic'],
    ]);
  });

  it('reads nothing into words it has no parts for', () => {
    expect(vocabulary.buildWord('cystitis')).toBeUndefined();
    expect(vocabulary.buildWord('anatomy')).toBeUndefined();
    expect(vocabulary.buildWord('ectomy')).toBeUndefined();
  });

  it('finds the longest phrase at a position, plurals folded', () => {
    const words = [['kidney'], ['stones', 'stone'], ['left']];
    expect(vocabulary.phraseAt(words, 0)).toMatchObject({ length: 2 });
    expect(vocabulary.phraseAt(words, 1)).toBeUndefined();
    expect(vocabulary.phraseAt([['sob']], 0)?.entries[0].expansion).toBe('shortness of breath');
  });
});
