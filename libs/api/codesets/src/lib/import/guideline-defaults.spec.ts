import { deriveGuidelineDefaults } from './guideline-defaults';

const row = (code: string, billable: boolean, title: string) => ({
  code,
  billable,
  shortDescription: title.slice(0, 60),
  longDescription: title,
});

describe('guideline defaults from an ICD-10-CM order file', () => {
  const rows = [
    row('G63', true, 'Polyneuropathy in diseases classified elsewhere'),
    row('M36', false, 'Systemic disorders of connective tissue in diseases classified elsewhere'),
    row('M360', true, 'Dermato(poly)myositis in neoplastic disease'),
    row('N81', false, 'Female genital prolapse'),
    row('N811', true, 'Cystocele'),
    row('N40', false, 'Benign prostatic hyperplasia'),
    row('C50011', true, 'Malignant neoplasm of nipple and areola, right female breast'),
    row('Z8041', true, 'Family history of malignant neoplasm of ovary'),
    row('P07', false, 'Disorders of newborn related to short gestation and low birth weight, not elsewhere classified'),
    row('O80', true, 'Encounter for full-term uncomplicated delivery'),
    row('B9620', true, 'Unspecified Escherichia coli [E. coli] as the cause of diseases classified elsewhere'),
    row('Z23', true, 'Encounter for immunization'),
    row('J189', true, 'Pneumonia, unspecified organism'),
  ];
  const derived = deriveGuidelineDefaults(rows, 'ICD-10-CM FY2026');
  const find = (list: string, code: string) => derived.find((r) => r.list === list && r.codePrefix === code);

  it('marks "in diseases classified elsewhere" codes (and their categories) as manifestations, by guideline', () => {
    expect(find('MANIFESTATION', 'G63')).toMatchObject({
      basis: 'GUIDELINE',
      evidence: expect.stringContaining('I.A.13'),
    });
    expect(find('MANIFESTATION', 'M36')).toBeDefined();
    expect(find('MANIFESTATION', 'M360')).toBeUndefined(); // covered by its category
    expect(find('MANIFESTATION', 'J189')).toBeUndefined();
  });

  it('derives sex from Tabular blocks and titles as heuristics, never from a family history', () => {
    expect(find('SEX', 'N81')).toMatchObject({ value: 'female', basis: 'HEURISTIC' });
    expect(find('SEX', 'N40')).toMatchObject({ value: 'male' });
    expect(find('SEX', 'C50011')).toMatchObject({ value: 'female' });
    expect(find('SEX', 'Z8041')).toBeUndefined();
  });

  it('derives maternity and newborn ages, supplementary agents and the POA exempt categories', () => {
    expect(find('AGE', 'O80')).toMatchObject({ value: 'MATERNITY', basis: 'HEURISTIC' });
    expect(find('AGE', 'P07')).toMatchObject({ value: 'NEWBORN', basis: 'HEURISTIC' });
    expect(find('UNACCEPTABLE_PRINCIPAL', 'B9620')).toMatchObject({ basis: 'HEURISTIC' });
    expect(find('POA_EXEMPT', 'Z23')).toMatchObject({
      basis: 'GUIDELINE',
      evidence: expect.stringContaining('Appendix I'),
    });
    expect(find('POA_EXEMPT', 'J18')).toBeUndefined();
  });
});
