import { type EditCase, editCase as c, err, warn } from './edit-case-model';

/**
 * The edit case table, built from the CMS "Definitions of Medicare Code
 * Edits" and the ICD-10-CM Official Guidelines (FY2026), run on the full
 * FY2026 import (ICD-10-CM, ICD-10-PCS, HCPCS 2025Q4) plus the demo CPT
 * labels and demo NCCI/MUE practitioner tables. Without the MCE table the
 * sex and age lists are derived from block and code titles, so they warn.
 */
const M = { patientSex: 'male' } as const;
const F = { patientSex: 'female' } as const;
const PF = { type: 'PROFEE', patientSex: 'female', patientAgeYears: 40 } as const;
const OP = { type: 'OUTPATIENT', patientSex: 'female', patientAgeYears: 40 } as const;
const SEX = 'MCE §5 sex conflict; Tabular block titles';
const AGE = 'MCE §4 age conflict (newborn 0, pediatric 0–17, maternity 9–64, adult 15–124)';
const MAN = 'Guidelines I.A.13; MCE §6 manifestation as principal';
const EXT = 'Guidelines I.C.20.a.6; MCE §2 external cause as principal';
const POA = 'Guidelines Appendix I (POA exempt); CMS POA reporting';
const PTP = 'NCCI PTP practitioner (demo release), modifier indicators 0/1/9';
const MUE = 'NCCI MUE practitioner (demo release), MAI 1/2/3';
const MOD = 'HCPCS 2025Q4 modifier records (RECID 7/8)';
const TERM = 'HCPCS 2025Q4 TERM DT';
const CLAIM = 'Guidelines Section II/IV; HIPAA code sets; CMS-1500 24E';

export const EDIT_CASES: readonly EditCase[] = [
  // ---- sex: female-only on a male patient, male-only on a female (warnings until the MCE table is imported)
  ...['N81.2', 'N83.201', 'N92.0', 'N95.1', 'N97.9', 'N73.9', 'N76.0', 'N80.00', 'N85.00', 'N87.9'].map((code) =>
    c(`sex-f-${code}`, SEX, M, ['I10', code], [], { errors: [], warnings: [warn('SEX_CONFLICT', code)] }),
  ),
  ...['C53.9', 'C56.1', 'C54.1', 'C51.9', 'C52', 'C57.00', 'C55'].map((code) =>
    c(`sex-f-${code}`, SEX, M, ['I10', code], [], { errors: [], warnings: [warn('SEX_CONFLICT', code)] }),
  ),
  ...['N40.0', 'N41.0', 'N43.3', 'N45.1', 'N52.9', 'N46.9', 'N48.1', 'N50.9'].map((code) =>
    c(`sex-m-${code}`, SEX, F, ['I10', code], [], { errors: [], warnings: [warn('SEX_CONFLICT', code)] }),
  ),
  ...['C61', 'C62.90', 'C60.9', 'C63.2'].map((code) =>
    c(`sex-m-${code}`, SEX, F, ['I10', code], [], { errors: [], warnings: [warn('SEX_CONFLICT', code)] }),
  ),
  c('sex-f-D25.9', `${SEX}; title names the uterus`, M, ['I10', 'D25.9'], [], {
    errors: [],
    warnings: [warn('SEX_CONFLICT', 'D25.9')],
  }),
  c('sex-m-D29.1', `${SEX}; title names the prostate`, F, ['I10', 'D29.1'], [], {
    errors: [],
    warnings: [warn('SEX_CONFLICT', 'D29.1')],
  }),
  c('sex-f-C50.011', `${SEX}; "female breast"`, M, ['C50.011'], [], {
    errors: [],
    warnings: [warn('SEX_CONFLICT', 'C50.011')],
  }),
  c('sex-m-C50.021', `${SEX}; "male breast"`, F, ['C50.021'], [], {
    errors: [],
    warnings: [warn('SEX_CONFLICT', 'C50.021')],
  }),
  c('sex-ok-N81.2-female', SEX, F, ['N81.2'], [], { errors: [], absent: ['SEX_CONFLICT'] }),
  c('sex-ok-C61-male', SEX, M, ['C61'], [], { errors: [], absent: ['SEX_CONFLICT'] }),
  c('sex-ok-family-history-ovary', `${SEX}: Z80.41 is the family's history`, M, ['I10', 'Z80.41'], [], {
    errors: [],
    absent: ['SEX_CONFLICT'],
  }),
  c('sex-ok-unknown-sex', 'MCE §5: no conflict without a recorded sex', { patientSex: 'unknown' }, ['N81.2'], [], {
    errors: [],
    absent: ['SEX_CONFLICT'],
  }),
  c('sex-ok-breast-unisex', SEX, M, ['N63.10'], [], { errors: [], absent: ['SEX_CONFLICT'] }),

  // ---- age
  c('age-maternity-70', AGE, { ...F, patientAgeYears: 70 }, ['O80', 'Z37.0', 'Z3A.39'], [], {
    errors: [],
    warnings: [warn('AGE_CONFLICT', 'O80')],
  }),
  c('age-maternity-30', AGE, { ...F, patientAgeYears: 30 }, ['O80', 'Z37.0', 'Z3A.39'], [], {
    errors: [],
    absent: ['AGE_CONFLICT', 'SEX_CONFLICT'],
  }),
  c('age-maternity-8', AGE, { ...F, patientAgeYears: 8 }, ['O80', 'Z37.0'], [], {
    errors: [],
    warnings: [warn('AGE_CONFLICT', 'O80')],
  }),
  c('age-newborn-Z38-adult', AGE, { patientAgeYears: 30 }, ['Z38.00'], [], {
    errors: [],
    warnings: [warn('AGE_CONFLICT', 'Z38.00')],
  }),
  c('age-newborn-Z38-0', AGE, { patientAgeYears: 0 }, ['Z38.00'], [], { errors: [], absent: ['AGE_CONFLICT'] }),
  c(
    'age-perinatal-persists',
    'Guidelines I.C.16.a.1: chapter 16 codes may be used throughout life',
    { patientAgeYears: 40 },
    ['I10', 'P07.30'],
    [],
    {
      errors: [],
      warnings: [warn('AGE_CONFLICT', 'P07.30')],
    },
  ),
  c('age-adult-exam-child', AGE, { type: 'OUTPATIENT', patientAgeYears: 10 }, ['Z00.00'], [], {
    errors: [],
    warnings: [warn('AGE_CONFLICT', 'Z00.00')],
  }),
  c('age-adult-exam-adult', AGE, { type: 'OUTPATIENT', patientAgeYears: 40 }, ['Z00.00'], [], {
    errors: [],
    absent: ['AGE_CONFLICT'],
  }),
  c('age-child-exam-adult', AGE, { type: 'OUTPATIENT', patientAgeYears: 40 }, ['Z00.129'], [], {
    errors: [],
    warnings: [warn('AGE_CONFLICT', 'Z00.129')],
  }),
  c('age-child-exam-child', AGE, { type: 'OUTPATIENT', patientAgeYears: 5 }, ['Z00.129'], [], {
    errors: [],
    absent: ['AGE_CONFLICT'],
  }),
  c('age-weeks-gestation-64', AGE, { ...F, patientAgeYears: 64 }, ['O80', 'Z3A.39'], [], {
    errors: [],
    absent: ['AGE_CONFLICT'],
  }),

  // ---- manifestation codes ("in diseases classified elsewhere") never principal or first-listed
  ...['G63', 'F02.80', 'M36.0', 'D63.1', 'I32', 'J99', 'K87', 'L99', 'G99.0', 'H42'].map((code) =>
    c(`man-principal-${code}`, MAN, M, [code, 'E11.9'], [], {
      errors: [err('MANIFESTATION_AS_PRINCIPAL', code)],
    }),
  ),
  c('man-first-listed-outpatient', MAN, OP, ['G63', 'E11.42'], [], {
    errors: [err('MANIFESTATION_AS_PRINCIPAL', 'G63')],
  }),
  c('man-male-organs-on-female', MAN, F, ['N51', 'E11.9'], [], {
    errors: [err('MANIFESTATION_AS_PRINCIPAL', 'N51')],
    warnings: [warn('SEX_CONFLICT', 'N51')],
  }),
  c('man-secondary-G63', MAN, M, ['E11.42', 'G63'], [], { errors: [], absent: ['MANIFESTATION_AS_PRINCIPAL'] }),
  c('man-secondary-F02.80', MAN, M, ['G30.9', 'F02.80'], [], { errors: [], absent: ['MANIFESTATION_AS_PRINCIPAL'] }),
  c('man-secondary-D63.1', MAN, M, ['N18.4', 'D63.1'], [], { errors: [], absent: ['MANIFESTATION_AS_PRINCIPAL'] }),

  // ---- external cause codes never principal; supplementary codes warn
  ...['W19.XXXA', 'X58.XXXA', 'Y92.009', 'V43.52XA', 'Y04.0XXA', 'X00.0XXA', 'Y93.01', 'W01.0XXA'].map((code) =>
    c(`ext-principal-${code}`, EXT, M, [code, 'S72.001A'], [], {
      errors: [err('UNACCEPTABLE_PRINCIPAL', code)],
    }),
  ),
  c('ext-first-listed-profee', EXT, PF, ['Y99.8', 'S93.401A'], ['CPT 99213'], {
    errors: [err('UNACCEPTABLE_PRINCIPAL', 'Y99.8')],
  }),
  c('ext-secondary', EXT, M, ['S72.001A', 'W19.XXXA', 'Y92.009'], [], {
    errors: [],
    absent: ['UNACCEPTABLE_PRINCIPAL'],
  }),
  c('ext-supplementary-agent', 'MCE §9; Tabular B95-B97: supplementary codes', M, ['B96.20', 'N39.0'], [], {
    errors: [],
    warnings: [warn('UNACCEPTABLE_PRINCIPAL', 'B96.20')],
  }),
  c('ext-agent-secondary', 'Tabular B95-B97', M, ['N39.0', 'B96.20'], [], {
    errors: [],
    absent: ['UNACCEPTABLE_PRINCIPAL'],
  }),

  // ---- POA on inpatient claims, with exempt codes
  ...['Z23', 'Z85.3', 'Z79.4', 'Z87.891', 'I25.2', 'Z66', 'Z68.41', 'Y92.009', 'Q90.9', 'Z95.1'].map((code) =>
    c(`poa-exempt-blank-${code}`, POA, M, ['J18.9', `${code}:`], [], { errors: [], absent: ['POA_MISSING'] }),
  ),
  c('poa-exempt-1', POA, M, ['J18.9', 'Z23:1', 'Z85.3:1'], [], { errors: [], absent: ['POA_MISSING', 'POA_INVALID'] }),
  c('poa-exempt-with-Y', POA, M, ['J18.9', 'Z23:Y'], [], {
    errors: [],
    warnings: [warn('POA_INVALID', 'Z23')],
  }),
  ...['J18.9', 'A41.9', 'K35.80', 'N17.9', 'I10'].map((code) =>
    c(`poa-missing-${code}`, POA, M, [`${code}:`], [], {
      errors: code === 'I10' ? [] : [err('POA_MISSING', code)],
      ...(code === 'I10' ? { warnings: [warn('POA_MISSING', 'I10')] } : {}),
    }),
  ),
  c('poa-1-not-exempt', `${POA}: 1 only for exempt codes`, M, ['K35.80:1'], [], {
    errors: [err('POA_INVALID', 'K35.80')],
  }),
  c('poa-unknown-value', POA, M, ['N17.9:X'], [], { errors: [err('POA_INVALID', 'N17.9')] }),
  c('poa-all-values', POA, M, ['J18.9:Y', 'N17.9:N', 'A41.9:U', 'K35.80:W'], [], { errors: [] }),
  c('poa-outpatient', POA, OP, ['J18.9'], [], { errors: [], absent: ['POA_MISSING'] }),

  // ---- Excludes1 (warning: both allowed when unrelated, Guidelines I.A.12.a)
  c('excl1-E11-E10', 'Tabular E11 Excludes1 E10', M, ['E11.9', 'E10.9'], [], {
    errors: [],
    warnings: [warn('EXCLUDES1_PAIR', 'E11.9', 'E10.9')],
  }),
  c('excl1-J44-J43', 'Tabular J44 Excludes1 J43', M, ['J44.9', 'J43.9'], [], {
    errors: [],
    warnings: [warn('EXCLUDES1_PAIR', 'J44.9', 'J43.9')],
  }),
  c('excl1-none', 'Tabular', M, ['E11.9', 'I10'], [], { errors: [], absent: ['EXCLUDES1_PAIR'] }),

  // ---- terminated HCPCS codes and code validity
  c('term-A4466', TERM, PF, ['I89.0'], ['HCPCS A4466'], { errors: [err('NOT_VALID_ON_DATE', 'A4466')] }),
  c('term-valid-J1100', TERM, PF, ['J45.909'], ['HCPCS J1100'], { errors: [] }),
  c('term-valid-G0008', TERM, PF, ['Z23'], ['HCPCS G0008'], { errors: [] }),
  c('valid-header', 'ICD-10-CM order file: headers are not valid for submission', M, ['J18'], [], {
    errors: [err('NON_BILLABLE_CODE', 'J18')],
  }),
  c('valid-unknown', 'ICD-10-CM FY2026', M, ['Q99.99X'], [], { errors: [err('INVALID_CODE')] }),
  c(
    'valid-hcpcs-on-cm-key',
    'codes keyed by system: ICD-10-CM C52 is not HCPCS C5271',
    { ...PF, patientSex: 'male' },
    ['I10'],
    ['HCPCS C5271'],
    {
      errors: [],
      absent: ['SEX_CONFLICT'],
    },
  ),

  // ---- NCCI PTP and MUE (practitioner)
  c('ptp-mi0', PTP, PF, ['K80.20'], ['CPT 47562', 'CPT 49320'], { errors: [err('NCCI_PTP', '47562', '49320')] }),
  c('ptp-mi0-modifier', `${PTP}: 0 allows no modifier`, PF, ['K80.20'], ['CPT 47562', 'CPT 49320 -59'], {
    errors: [err('NCCI_PTP', '47562', '49320')],
  }),
  c('ptp-mi1-no-modifier', PTP, PF, ['K80.20'], ['CPT 47562', 'CPT 96372'], {
    errors: [err('NCCI_PTP', '47562', '96372')],
  }),
  c('ptp-mi1-xu', PTP, PF, ['K80.20'], ['CPT 47562', 'CPT 96372 -XU'], { errors: [], absent: ['NCCI_PTP'] }),
  c('ptp-mi1-59', PTP, PF, ['K80.20'], ['CPT 47562', 'CPT 96372 -59'], { errors: [], absent: ['NCCI_PTP'] }),
  c('ptp-mi9', PTP, PF, ['I10'], ['CPT 99213', 'CPT 36415'], { errors: [], absent: ['NCCI_PTP'] }),
  c('ptp-unrelated', PTP, PF, ['I10'], ['CPT 99213', 'CPT 93000'], { errors: [], absent: ['NCCI_PTP'] }),
  c(
    'ptp-inpatient-not-applied',
    `${PTP}: practitioner/outpatient claims only`,
    { ...F, patientAgeYears: 40 },
    ['K80.20'],
    ['ICD10PCS 0FT44ZZ'],
    {
      errors: [],
      absent: ['NCCI_PTP'],
    },
  ),
  c('mue-mai2', MUE, PF, ['I10'], ['CPT 99213 x2'], { errors: [err('MUE_EXCEEDED', '99213')] }),
  c('mue-mai3', MUE, PF, ['I10'], ['CPT 36415 x3'], { errors: [], warnings: [warn('MUE_EXCEEDED', '36415')] }),
  c('mue-mai1-line', MUE, PF, ['M17.11'], ['CPT 20610 x3'], { errors: [err('MUE_EXCEEDED', '20610')] }),
  c('mue-mai1-two-lines', `${MUE}: MAI 1 counts per line`, PF, ['M17.11'], ['CPT 20610 x2 -LT', 'CPT 20610 x2 -RT'], {
    errors: [],
    absent: ['MUE_EXCEEDED'],
  }),
  c('mue-within', MUE, PF, ['I10'], ['CPT 36415 x2'], { errors: [], absent: ['MUE_EXCEEDED'] }),
  c('mue-mai2-two-lines', `${MUE}: MAI 2 counts per day`, PF, ['I10'], ['CPT 80053', 'CPT 80053 -91'], {
    errors: [err('MUE_EXCEEDED', '80053')],
  }),

  // ---- modifiers
  c('mod-ZZ', MOD, PF, ['I10'], ['CPT 99213 -ZZ'], { errors: [err('INVALID_MODIFIER', '99213-ZZ')] }),
  c('mod-YY', MOD, PF, ['I10'], ['CPT 99213 -YY'], { errors: [err('INVALID_MODIFIER', '99213-YY')] }),
  c('mod-LT-RT', MOD, PF, ['M17.11'], ['CPT 20610 -LT'], { errors: [], absent: ['INVALID_MODIFIER'] }),
  c('mod-JW', MOD, PF, ['J45.909'], ['HCPCS J1100 -JW'], { errors: [], absent: ['INVALID_MODIFIER'] }),
  c('mod-XE', MOD, PF, ['K80.20'], ['CPT 47562', 'CPT 96372 -XE'], { errors: [], absent: ['INVALID_MODIFIER'] }),
  c('mod-cpt-25-unchecked', `${MOD}; CPT modifiers need the site's CPT list`, PF, ['I10'], ['CPT 99213 -25'], {
    errors: [],
    absent: ['INVALID_MODIFIER'],
  }),

  // ---- claim level
  c('claim-no-principal', CLAIM, M, [], ['ICD10PCS 5A1955Z'], { errors: [err('PRINCIPAL_MISSING')] }),
  c('claim-cpt-on-inpatient', CLAIM, M, ['K35.80'], ['CPT 44970'], {
    errors: [err('SYSTEM_SETTING_MISMATCH', '44970')],
  }),
  c('claim-pcs-on-outpatient', CLAIM, OP, ['K35.80'], ['ICD10PCS 0DTJ4ZZ'], {
    errors: [err('SYSTEM_SETTING_MISMATCH', '0DTJ4ZZ')],
  }),
  c('claim-pcs-on-profee', CLAIM, PF, ['K35.80'], ['ICD10PCS 0DTJ4ZZ'], {
    errors: [err('SYSTEM_SETTING_MISMATCH', '0DTJ4ZZ')],
  }),
  c('claim-no-pointer', CLAIM, PF, ['I10'], ['CPT 99213 ->'], { errors: [err('MISSING_DIAGNOSIS_POINTER', '99213')] }),
  c('claim-dangling-pointer', CLAIM, PF, ['I10'], ['CPT 99213 ->3'], {
    errors: [err('MISSING_DIAGNOSIS_POINTER', '99213')],
  }),
  c('claim-duplicate-dx', 'Guidelines I.B.12', M, ['J18.9', 'J18.9'], [], { errors: [err('DUPLICATE_CODE', 'J18.9')] }),
  c('claim-clean-inpatient', CLAIM, M, ['A41.9', 'R65.20', 'J18.9', 'Z23:'], ['ICD10PCS 5A1955Z'], { errors: [] }),
  c('claim-clean-profee', CLAIM, PF, ['I10', 'E11.9'], ['CPT 99213 ->1,2'], { errors: [] }),
  c('claim-clean-outpatient', CLAIM, OP, ['K80.20'], ['CPT 47562 ->1'], { errors: [] }),
];
