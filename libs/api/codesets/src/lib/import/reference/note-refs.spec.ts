import { CANDIDATE_MARK, noteRefs } from './note-refs';

const tentative = (code: string) => CANDIDATE_MARK + code;

describe('noteRefs', () => {
  it('reads codes from parentheses without the dot or the trailing dash', () => {
    expect(noteRefs('code to identify resistance to antimicrobial drugs (Z16.-)')).toEqual(['Z16']);
    expect(noteRefs('gestational diabetes (O24.4-)')).toEqual(['O244']);
    expect(noteRefs('neonatal diabetes mellitus (P70.2)')).toEqual(['P702']);
    expect(noteRefs('diabetes with (E08.42, E09.42)')).toEqual(['E0842', 'E0942']);
  });

  it('ignores code-like words outside parentheses and text without codes', () => {
    expect(noteRefs('vitamin B12 deficiency anemia (D51.9)')).toEqual(['D519']);
    expect(noteRefs('certain localized infections - see body system-related chapters')).toEqual([]);
  });

  it('expands a category range to tentative members between its ends, in code order', () => {
    expect(noteRefs('intestinal infections (A00-A03)')).toEqual(['A00', tentative('A01'), tentative('A02'), 'A03']);
    const refs = noteRefs('(A08-A10)');
    expect(refs[0]).toBe('A08');
    expect(refs[refs.length - 1]).toBe('A10');
    expect(refs.indexOf(tentative('A09'))).toBeLessThan(refs.indexOf(tentative('A0A')));
  });

  it('puts letter categories where code order has them (I1A after I19)', () => {
    const refs = noteRefs('(I10-I1A)');
    expect(refs).toContain(tentative('I19'));
    expect(refs[refs.length - 1]).toBe('I1A');
  });

  it('expands sibling ranges and keeps several ranges of one note apart', () => {
    expect(noteRefs('stage (N18.1-N18.4)')).toEqual(['N181', tentative('N182'), tentative('N183'), 'N184']);
    const refs = noteRefs('pregnancy (O10-O11, O13-O16)');
    expect(refs.filter((r) => !r.startsWith(CANDIDATE_MARK))).toEqual(['O10', 'O11', 'O13', 'O16']);
  });
});
