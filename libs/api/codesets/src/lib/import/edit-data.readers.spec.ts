import { parseCodeAttributes, parseExcludes1, parseMue, parseNcciPtp } from './edit-data.readers';

describe('NCCI PTP reader (CMS layout)', () => {
  const header =
    'Column 1\tColumn 2\t*=in existence prior to 1996\tEffective Date\tDeletion Date *=no data\tModifier 0=not allowed 1=allowed 9=not applicable\tPTP Edit Rationale';

  it('skips the notice and wrapped header lines, reads pairs, and reports bad lines by number', () => {
    const text = [
      'A notice line the file opens with',
      header,
      '\t\tprior to 1996\t\t\t',
      '47562\t49320\t\t20000101\t*\t0\tRationale',
      '44970\t49320\t*\t19960101\t20201231\t1\tRationale',
      '47562\t49320\t\t2000-01-01\t*\t0\tbad date',
      '47562\t49320\t\t20000101\t*\t5\tbad indicator',
      'J1100\tx\t\t20000101\t*\t0\tbad code',
    ].join('\r\n');
    const parsed = parseNcciPtp(text, 'ptp.txt');
    expect(parsed.rows).toEqual([
      { column1: '47562', column2: '49320', effectiveFrom: '2000-01-01', effectiveTo: null, modifierIndicator: 0 },
      {
        column1: '44970',
        column2: '49320',
        effectiveFrom: '1996-01-01',
        effectiveTo: '2020-12-31',
        modifierIndicator: 1,
      },
    ]);
    expect(parsed.problems.problems.map((p) => p.line)).toEqual([6, 7, 8]);
    expect(parsed.rowsRead).toBe(5);
  });

  it('refuses a file without the PTP header', () => {
    expect(() => parseNcciPtp('47562\t49320\n', 'x.txt')).toThrow(/header/);
  });
});

describe('MUE reader (CMS layout)', () => {
  it('reads code, limit and the adjudication indicator number', () => {
    const text = [
      '"CPT codes and descriptions only are copyright, a notice line"',
      '"HCPCS/CPT Code","Practitioner Services MUE Values","MUE Adjudication Indicator","MUE Rationale"',
      '"36415","2","3 Date of Service Edit: Clinical","Clinical Data"',
      '"20610","2","1 Line Edit","Anatomic Consideration"',
      '"99213","one","2 Date of Service Edit: Policy","Nature of Service"',
      '"99213","1","Policy","Nature of Service"',
    ].join('\n');
    const parsed = parseMue(text, 'mue.csv');
    expect(parsed.rows).toEqual([
      { code: '36415', maxUnits: 2, adjudicationIndicator: 3, rationale: 'Clinical Data' },
      { code: '20610', maxUnits: 2, adjudicationIndicator: 1, rationale: 'Anatomic Consideration' },
    ]);
    expect(parsed.problems.problems.map((p) => p.line)).toEqual([5, 6]);
  });
});

describe('ChartDesk attribute and Excludes1 CSVs', () => {
  it('reads attributes with Y/N flags and reports unknown values', () => {
    const text = [
      'code_prefix,sex,age_category,manifestation,unacceptable_principal,poa_exempt',
      'O,F,MATERNITY,N,N,N',
      'G63,,,Y,N,N',
      'Z38,,NEWBORN,N,N,Y',
      'X1,Q,,N,N,N',
      'X2,,ELDERLY,N,N,N',
      'X3,,,maybe,N,N',
    ].join('\n');
    const parsed = parseCodeAttributes(text, 'attributes.csv');
    expect(parsed.rows).toEqual([
      {
        codePrefix: 'O',
        sex: 'female',
        ageCategory: 'MATERNITY',
        manifestation: false,
        unacceptablePrincipal: false,
        poaExempt: false,
      },
      {
        codePrefix: 'G63',
        sex: null,
        ageCategory: null,
        manifestation: true,
        unacceptablePrincipal: false,
        poaExempt: false,
      },
      {
        codePrefix: 'Z38',
        sex: null,
        ageCategory: 'NEWBORN',
        manifestation: false,
        unacceptablePrincipal: false,
        poaExempt: true,
      },
    ]);
    expect(parsed.problems.problems.map((p) => p.line)).toEqual([5, 6, 7]);
  });

  it('reads Excludes1 pairs, with or without dots', () => {
    const parsed = parseExcludes1('code_prefix,excluded_prefix\nE11,E10\nJ44,J43.9\nE11,not a code\n', 'excludes.csv');
    expect(parsed.rows).toEqual([
      { codePrefix: 'E11', excludedPrefix: 'E10' },
      { codePrefix: 'J44', excludedPrefix: 'J439' },
    ]);
    expect(parsed.problems.problems).toEqual([{ line: 4, message: '"E11"/"not a code" are not code prefixes' }]);
  });
});
