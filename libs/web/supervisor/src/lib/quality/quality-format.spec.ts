import { codesOf, linesOf, percent } from './quality-format';

describe('quality-format', () => {
  it('round-trips a code set through editable lines, cleaning what a person types', () => {
    const lines = linesOf({
      diagnoses: [{ sequence: 1, code: 'J189', poa: 'Y' }],
      procedures: [{ sequence: 1, system: 'CPT', code: '99213', modifiers: ['25'], units: 1, diagnosisPointers: [1] }],
    });
    lines.push({ group: 'DIAGNOSIS', system: 'ICD10CM', code: 'n17.9 ', poa: 'n', modifiers: '', units: 1 });
    lines.push({ group: 'DIAGNOSIS', system: 'ICD10CM', code: '  ', poa: '', modifiers: '', units: 1 });
    expect(codesOf(lines)).toEqual({
      diagnoses: [
        { sequence: 1, code: 'J189', poa: 'Y' },
        { sequence: 2, code: 'N179', poa: 'N' },
      ],
      procedures: [{ sequence: 1, system: 'CPT', code: '99213', modifiers: ['25'], units: 1, diagnosisPointers: [1] }],
    });
  });

  it.each([
    [0.8333, '83.3 %'],
    [1, '100.0 %'],
    [null, '—'],
  ])('percent(%s) = %s', (v, text) => expect(percent(v)).toBe(text));
});
