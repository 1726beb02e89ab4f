import { codePrefixes, displayCode, hasCodeShape, normalizeCode } from './code-format';

describe('code format helpers', () => {
  it('normalizes typed codes with or without the dot', () => {
    expect(normalizeCode(' e11.9 ')).toBe('E119');
    expect(normalizeCode('S72.001A')).toBe('S72001A');
    expect(normalizeCode('0DTJ4ZZ')).toBe('0DTJ4ZZ');
  });

  it('rejects text that cannot be a code', () => {
    expect(normalizeCode('chest pain')).toBeUndefined();
    expect(normalizeCode('E11..9')).toBeUndefined();
    expect(normalizeCode('')).toBeUndefined();
    expect(normalizeCode('ABCDEFGH')).toBeUndefined();
  });

  it('shows the ICD-10-CM dot and leaves other systems alone', () => {
    expect(displayCode('ICD10CM', 'E119')).toBe('E11.9');
    expect(displayCode('ICD10CM', 'I10')).toBe('I10');
    expect(displayCode('ICD10PCS', '0DTJ4ZZ')).toBe('0DTJ4ZZ');
    expect(displayCode('CPT', '99213')).toBe('99213');
  });

  it('lists prefixes longest first', () => {
    expect(codePrefixes('E119')).toEqual(['E119', 'E11', 'E1', 'E']);
  });

  it('checks the shape of each system', () => {
    expect(hasCodeShape('ICD10CM', 'S72001A')).toBe(true);
    expect(hasCodeShape('ICD10CM', 'QA00101')).toBe(true);
    expect(hasCodeShape('ICD10CM', '12345')).toBe(false);
    expect(hasCodeShape('ICD10PCS', '0DTJ4ZZ')).toBe(true);
    expect(hasCodeShape('ICD10PCS', '0DTJ4IZ')).toBe(false);
    expect(hasCodeShape('HCPCS', 'J1100')).toBe(true);
    expect(hasCodeShape('CPT', '99213')).toBe(true);
    expect(hasCodeShape('CPT', 'J1100')).toBe(false);
  });
});
