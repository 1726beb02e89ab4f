import { parseAddOnCodes, parseMceDefinitions, parsePoaExemptList } from './edit-publication.readers';

describe('CMS POA exempt list reader', () => {
  it('reads codes with dots and their titles, and reports a bad code by line', () => {
    const text = [
      'OrderFY26\tPOAexemptCode\tDescription',
      '01225\tB90.0\tSequelae of central nervous system tuberculosis',
      '11528\tI69.065\t"Other paralytic syndrome following nontraumatic subarachnoid hemorrhage, bilateral"',
      '99999\tnot-a-code\tBad',
    ].join('\r\n');
    const parsed = parsePoaExemptList(text, 'POAexemptCodesFY26.txt');
    expect(parsed.rows.map((r) => [r.codePrefix, r.list, r.basis])).toEqual([
      ['B900', 'POA_EXEMPT', 'CMS'],
      ['I69065', 'POA_EXEMPT', 'CMS'],
    ]);
    expect(parsed.rows[1].evidence).toBe(
      'POAexemptCodesFY26.txt line 3: I69.065 Other paralytic syndrome following nontraumatic subarachnoid hemorrhage, bilateral',
    );
    expect(parsed.problems.problems).toEqual([{ line: 4, message: '"not-a-code" is not an ICD-10-CM code' }]);
  });

  it('refuses a file without the header', () => {
    expect(() => parsePoaExemptList('B90.0\tx\n', 'x.txt')).toThrow(/POAexemptCode/);
  });
});

describe('MCE definitions reader', () => {
  const text = [
    '4. Age conflict',
    'The MCE detects inconsistencies between a patient age and any diagnosis.',
    'Newborn diagnoses',
    'P0730     Preterm newborn, unspecified weeks of gestation',
    'Definitions of Medicare Code Edits v43.0       October 2025      12',
    'Maternity diagnoses (age 9 through 64)',
    'O80       Encounter for full-term uncomplicated delivery',
    '5. Sex conflict',
    'Procedures for males only edit',
    '0VTTXZZ   Resection of Prepuce, External Approach',
    '9. Unacceptable principal diagnosis',
    'Z87891    Personal history of nicotine dependence',
    'Unacceptable principal diagnosis unless a secondary diagnosis is coded',
    'R079      Chest pain, unspecified',
    '11. Non-covered procedure',
    '0QS604Z   Reposition Right Upper Femur',
    '0QS6      too short for a procedure',
  ].join('\n');

  it('reads each list under its heading, skipping prose, page headers and conditional lists', () => {
    const parsed = parseMceDefinitions(text, 'mce.txt', 'MCE v43');
    expect(parsed.rows.map((r) => [r.list, r.system, r.codePrefix, r.value])).toEqual([
      ['AGE', 'ICD10CM', 'P0730', 'NEWBORN'],
      ['AGE', 'ICD10CM', 'O80', 'MATERNITY'],
      ['SEX', 'ICD10PCS', '0VTTXZZ', 'male'],
      ['UNACCEPTABLE_PRINCIPAL', 'ICD10CM', 'Z87891', null],
      ['NON_COVERED', 'ICD10PCS', '0QS604Z', null],
    ]);
    expect(parsed.lists).toEqual(['AGE', 'SEX', 'UNACCEPTABLE_PRINCIPAL', 'NON_COVERED']);
    expect(parsed.rows[0].evidence).toBe(
      'MCE v43, "Newborn diagnoses" [newborn (age 0)], line 4: P0730 Preterm newborn, unspecified weeks of gestation',
    );
    expect(parsed.problems.problems).toEqual([{ line: 17, message: '"0QS6" is not an ICD-10-PCS code' }]);
  });

  it('refuses a file without any MCE heading', () => {
    expect(() => parseMceDefinitions('just text\n', 'x.txt', 'x')).toThrow(/MCE code list headings/);
  });
});

describe('NCCI add-on code reader', () => {
  it('reads the columns by name, with YYYYDDD and YYYYMMDD dates', () => {
    const text = [
      'Add-on Code\tAdd-on Code Effective Date\tAdd-on Code Deletion Date\tPrimary Code\tPrimary Code Effective Date\tPrimary Code Deletion Date\tAOC Edit Type\tAOC Edit Effective Date\tAOC Edit Deletion Date\tSpecial Instruction Notes',
      '99292\t2009001\t9999999\t99291\t2009001\t9999999\t1\t2009001\t9999999\t',
      '64480\t20100101\t\t\t\t\t2\t20100101\t20201231\t',
      '99292\t2009001\t9999999\t99291\t2009001\t9999999\t4\t2009001\t9999999\t',
    ].join('\n');
    const parsed = parseAddOnCodes(text, 'aoc.txt');
    expect(parsed.rows).toEqual([
      { addOn: '99292', primary: '99291', editType: 1, effectiveFrom: '2009-01-01', effectiveTo: null },
      { addOn: '64480', primary: '', editType: 2, effectiveFrom: '2010-01-01', effectiveTo: '2020-12-31' },
    ]);
    expect(parsed.problems.problems).toEqual([{ line: 4, message: 'edit type "4" must be 1, 2 or 3' }]);
  });
});
