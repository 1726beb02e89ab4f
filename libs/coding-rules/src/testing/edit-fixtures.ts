import type {
  CodeFact,
  CodeSystem,
  EditBasis,
  EditDiagnosis,
  EditListEntry,
  EditListName,
  EditInput,
  EditProcedure,
  EditReferenceData,
} from '@chartdesk/contracts';

/**
 * Small, hand-written reference data for the rule specs and the benchmark:
 * real code numbers, our own choices of edit pairs and limits.
 */
const CM_FY2026: [string, boolean][] = [
  ['J189', true],
  ['J18', false],
  ['A419', true],
  ['R6520', true],
  ['I10', true],
  ['I110', true],
  ['I5023', true],
  ['E119', true],
  ['E1140', true],
  ['G63', true],
  ['N179', true],
  ['N390', true],
  ['O80', true],
  ['Z3800', true],
  ['Z370', true],
  ['N401', true],
  ['P0730', true],
  ['Y92009', true],
  ['J449', true],
  ['J439', true],
  ['E109', true],
  ['R079', true],
  ['K3580', true],
  ['S72001A', true],
  ['W19XXXA', true],
  ['E785', true],
  ['Z794', true],
  ['F17210', true],
  ['I4891', true],
  ['Z87891', true],
  ['D649', true],
  ['E871', true],
  ['E860', true],
  ['J9601', true],
  ['Z7901', true],
];

function facts(system: CodeSystem, release: string, entries: [string, boolean][]): CodeFact[] {
  return entries.map(([code, billable]) => ({ system, code, release, billable }));
}

export function demoReferenceData(): EditReferenceData {
  return {
    codeSets: [
      {
        system: 'ICD10CM',
        name: 'ICD-10-CM',
        release: 'FY2025',
        effectiveFrom: '2024-10-01',
        effectiveTo: '2025-09-30',
      },
      { system: 'ICD10CM', name: 'ICD-10-CM', release: 'FY2026', effectiveFrom: '2025-10-01', effectiveTo: null },
      { system: 'ICD10PCS', name: 'ICD-10-PCS', release: 'FY2026', effectiveFrom: '2025-10-01', effectiveTo: null },
      { system: 'CPT', name: 'CPT', release: '2026', effectiveFrom: '2026-01-01', effectiveTo: null },
      { system: 'HCPCS', name: 'HCPCS Level II', release: '2025Q4', effectiveFrom: '2025-10-01', effectiveTo: null },
    ],
    codes: [
      ...facts('ICD10CM', 'FY2026', CM_FY2026),
      // only in the earlier release
      { system: 'ICD10CM', code: 'U099', release: 'FY2025', billable: true },
      ...facts('ICD10PCS', 'FY2026', [
        ['0DTJ4ZZ', true],
        ['0FT44ZZ', true],
        ['5A1955Z', true],
        ['0BH17EZ', true],
        ['0VTTXZZ', true],
      ]),
      ...facts('CPT', '2026', [
        ['47562', true],
        ['47563', true],
        ['49320', true],
        ['44970', true],
        ['99213', true],
        ['36415', true],
        ['96372', true],
        ['93000', true],
        ['93010', true],
        ['99205', true],
        ['99417', true],
      ]),
      ...facts('HCPCS', '2025Q4', [
        ['J1100', true],
        ['G0008', true],
      ]),
      // terminated long before the dates of service the specs use (the HCPCS file's TERM DT)
      { system: 'HCPCS', code: 'A4466', release: '2025Q4', billable: true, terminatedOn: '2016-12-31' },
    ],
    editLists: [
      {
        source: { name: 'ChartDesk demo edit lists', release: 'FY2026' },
        basis: 'GUIDELINE',
        lists: ['SEX', 'AGE', 'MANIFESTATION', 'UNACCEPTABLE_PRINCIPAL', 'POA_EXEMPT'],
        entries: [
          entry('O', 'SEX', 'female'),
          entry('O', 'AGE', 'MATERNITY'),
          entry('N40', 'SEX', 'male'),
          entry('N40', 'AGE', 'ADULT'),
          entry('P', 'AGE', 'NEWBORN', 'HEURISTIC'),
          entry('Z38', 'AGE', 'NEWBORN'),
          entry('Z38', 'POA_EXEMPT'),
          entry('Z37', 'UNACCEPTABLE_PRINCIPAL'),
          entry('Z37', 'POA_EXEMPT'),
          entry('G63', 'MANIFESTATION'),
          entry('Y92', 'POA_EXEMPT'),
          { ...entry('0VTT', 'SEX', 'male'), system: 'ICD10PCS' },
        ],
      },
    ],
    tabularPairs: {
      source: { name: 'ICD-10-CM Tabular', release: 'FY2026' },
      pairs: [
        { kind: 'EXCLUDES1', codePrefix: 'E11', otherPrefix: 'E10', note: 'type 1 diabetes mellitus (E10.-)' },
        {
          kind: 'EXCLUDES1',
          codePrefix: 'J44',
          otherPrefix: 'J43',
          note: 'emphysema without chronic bronchitis (J43.-)',
        },
        { kind: 'EXCLUDES1', codePrefix: 'I10', otherPrefix: 'I11', note: 'hypertensive heart disease (I11.-)' },
        {
          kind: 'CODE_FIRST',
          codePrefix: 'G63',
          otherPrefix: 'E11',
          note: 'underlying disease, such as diabetes (E08-E13)',
        },
      ],
    },
    ncciPtp: {
      source: { name: 'NCCI PTP', release: '2026Q1' },
      edits: [
        { column1: '47562', column2: '49320', effectiveFrom: '2000-01-01', effectiveTo: null, modifierIndicator: 0 },
        { column1: '47563', column2: '47562', effectiveFrom: '2000-01-01', effectiveTo: null, modifierIndicator: 0 },
        { column1: '93000', column2: '93010', effectiveFrom: '2000-01-01', effectiveTo: null, modifierIndicator: 0 },
        { column1: '99213', column2: '36415', effectiveFrom: '2000-01-01', effectiveTo: null, modifierIndicator: 9 },
        { column1: '44970', column2: '96372', effectiveFrom: '2000-01-01', effectiveTo: null, modifierIndicator: 1 },
        {
          column1: '44970',
          column2: '49320',
          effectiveFrom: '2000-01-01',
          effectiveTo: '2020-12-31',
          modifierIndicator: 0,
        },
      ],
    },
    mue: {
      source: { name: 'MUE', release: '2026Q1' },
      limits: [
        { code: '36415', maxUnits: 2, adjudicationIndicator: 3 },
        { code: '47562', maxUnits: 1, adjudicationIndicator: 2 },
        { code: '96372', maxUnits: 4, adjudicationIndicator: 1 },
      ],
    },
    addOns: {
      source: { name: 'NCCI add-on codes', release: '2026Q1' },
      edits: [
        { addOn: '99417', primary: '99205', editType: 1 },
        { addOn: '99417', primary: '99215', editType: 1 },
        { addOn: 'J1100', primary: null, editType: 3 },
      ],
    },
    modifierTables: [
      {
        system: 'HCPCS',
        source: { name: 'HCPCS Level II', release: '2025Q4' },
        modifiers: [
          { modifier: 'LT', terminatedOn: null },
          { modifier: 'XE', terminatedOn: null },
          { modifier: 'QQ', terminatedOn: '2020-12-31' },
        ],
      },
    ],
  };
}

function entry(
  codePrefix: string,
  list: EditListName,
  value: string | null = null,
  basis: EditBasis = 'GUIDELINE',
): EditListEntry {
  return { system: 'ICD10CM', codePrefix, list, value, basis, evidence: `demo ${list} ${codePrefix}` };
}

export function dx(sequence: number, code: string, poa: string | null = 'Y'): EditDiagnosis {
  return { sequence, code, poa };
}

export function px(
  sequence: number,
  system: EditProcedure['system'],
  code: string,
  extra: Partial<EditProcedure> = {},
): EditProcedure {
  return { sequence, system, code, units: 1, diagnosisPointers: [1], ...extra };
}

/** A clean inpatient encounter for an adult man; specs change one thing at a time. */
export function inpatient(
  diagnoses: EditDiagnosis[],
  procedures: EditProcedure[] = [],
  overrides: Partial<EditInput['encounter']> = {},
): EditInput {
  return {
    encounter: {
      type: 'INPATIENT',
      dateOfService: '2026-03-15',
      patientAgeYears: 67,
      patientSex: 'male',
      payer: 'MEDICARE',
      ...overrides,
    },
    diagnoses,
    procedures,
  };
}

export function professional(
  diagnoses: EditDiagnosis[],
  procedures: EditProcedure[],
  overrides: Partial<EditInput['encounter']> = {},
): EditInput {
  return {
    encounter: {
      type: 'PROFEE',
      dateOfService: '2026-03-15',
      patientAgeYears: 45,
      patientSex: 'female',
      payer: 'MEDICARE',
      ...overrides,
    },
    diagnoses: diagnoses.map((d) => ({ ...d, poa: null })),
    procedures,
  };
}
