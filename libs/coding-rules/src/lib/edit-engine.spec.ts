import { runEdits } from './edit-engine';
import { compileEditData } from './edit-data';
import { demoReferenceData, dx, inpatient, px } from '../testing/edit-fixtures';

describe('runEdits', () => {
  const data = demoReferenceData();

  it('finds nothing on a clean inpatient encounter', () => {
    const input = inpatient(
      [dx(1, 'A41.9'), dx(2, 'R65.20'), dx(3, 'J18.9'), dx(4, 'Y92.009', null)],
      [px(1, 'ICD10PCS', '0BH17EZ')],
    );
    expect(runEdits(input, data)).toEqual([]);
  });

  it('is deterministic: errors first, by rule order, the same from raw or compiled data', () => {
    const input = inpatient([dx(1, 'G63'), dx(2, 'E11.9'), dx(3, 'E10.9'), dx(4, 'J18', null), dx(5, 'O80')]);
    const fromRaw = runEdits(input, data);
    expect(runEdits(input, compileEditData(data))).toEqual(fromRaw);
    expect(fromRaw.map((f) => f.ruleId)).toEqual([
      'NON_BILLABLE_CODE',
      'SEX_CONFLICT',
      'AGE_CONFLICT',
      'MANIFESTATION_AS_PRINCIPAL',
      'POA_MISSING',
      'EXCLUDES1_PAIR',
      'CODE_FIRST_SEQUENCE',
    ]);
  });

  it('runs only the code-set rules when no edit data sets are loaded', () => {
    const bare = {
      ...data,
      editLists: [],
      tabularPairs: null,
      ncciPtp: null,
      mue: null,
      addOns: null,
      modifierTables: [],
    };
    const input = inpatient([dx(1, 'G63'), dx(2, 'O80'), dx(3, 'J18')]);
    expect(runEdits(input, bare).map((f) => f.ruleId)).toEqual(['NON_BILLABLE_CODE']);
  });

  it('refuses a malformed date of service', () => {
    expect(() => runEdits(inpatient([dx(1, 'J18.9')], [], { dateOfService: '15/03/2026' }), data)).toThrow(RangeError);
  });
});
