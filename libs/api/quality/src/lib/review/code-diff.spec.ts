import type { ChartCodes, CodedProcedure, FindingKind } from '@chartdesk/contracts';
import { diffCodeSets } from './code-diff';

const dx = (...codes: string[]): ChartCodes['diagnoses'] =>
  codes.map((c, i) => {
    const [code, poa] = c.split('/');
    return { sequence: i + 1, code: code ?? '', poa: poa ?? null };
  });
const px = (...lines: Partial<CodedProcedure>[]): CodedProcedure[] =>
  lines.map((l, i) => ({
    sequence: i + 1,
    system: 'CPT',
    code: '99213',
    modifiers: [],
    units: 1,
    diagnosisPointers: [1],
    ...l,
  }));
const codes = (diagnoses: ChartCodes['diagnoses'], procedures: CodedProcedure[] = []): ChartCodes => ({
  diagnoses,
  procedures,
});
const summary = (before: ChartCodes, after: ChartCodes) =>
  diffCodeSets(before, after).map((d) => `${d.kind} ${d.before ?? '-'} ${d.after ?? '-'} w${d.weight}`);

describe('diffCodeSets', () => {
  it.each<[string, ChartCodes, ChartCodes, string[]]>([
    ['identical sets', codes(dx('J189', 'I10')), codes(dx('J189', 'I10')), []],
    ['secondary added', codes(dx('J189')), codes(dx('J189', 'I10')), ['ADDED - I10 w1']],
    ['secondary deleted', codes(dx('J189', 'I10')), codes(dx('J189')), ['DELETED I10 - w1']],
    [
      'same category is a change (specificity)',
      codes(dx('J189', 'E119')),
      codes(dx('J189', 'E1165')),
      ['CHANGED E119 E1165 w1'],
    ],
    [
      'different category is a delete plus an add',
      codes(dx('J189', 'E119')),
      codes(dx('J189', 'N179')),
      ['DELETED E119 - w1', 'ADDED - N179 w1'],
    ],
    [
      'principal replaced counts two errors',
      codes(dx('J189', 'I10')),
      codes(dx('A419', 'I10')),
      ['PRINCIPAL_CHANGED J189 A419 w2'],
    ],
    [
      'principal swapped with a secondary is one principal finding, not also a resequence',
      codes(dx('J189', 'A419', 'I10')),
      codes(dx('A419', 'J189', 'I10')),
      ['PRINCIPAL_CHANGED J189 A419 w2'],
    ],
    [
      'deleting a line does not resequence the lines after it',
      codes(dx('J189', 'E119', 'I10', 'N179')),
      codes(dx('J189', 'I10', 'N179')),
      ['DELETED E119 - w1'],
    ],
    [
      'secondary codes out of order are resequenced',
      codes(dx('J189', 'E119', 'I10', 'N179')),
      codes(dx('J189', 'N179', 'E119', 'I10')),
      ['RESEQUENCED N179 N179 w1'],
    ],
    ['POA changed', codes(dx('J189/Y', 'I10/Y')), codes(dx('J189/Y', 'I10/N')), ['POA_CHANGED I10 I10 w1']],
    [
      'modifier changed',
      codes(dx('J189'), px({ code: '99213', modifiers: ['25'] })),
      codes(dx('J189'), px({ code: '99213', modifiers: [] })),
      ['MODIFIER_CHANGED CPT 99213 CPT 99213 w1'],
    ],
    [
      'units changed',
      codes(dx('J189'), px({ system: 'HCPCS', code: 'J1100', units: 1 })),
      codes(dx('J189'), px({ system: 'HCPCS', code: 'J1100', units: 3 })),
      ['UNITS_CHANGED HCPCS J1100 HCPCS J1100 w1'],
    ],
    [
      'procedure code changed within its family',
      codes(dx('J189'), px({ code: '99213' })),
      codes(dx('J189'), px({ code: '99214' })),
      ['CHANGED CPT 99213 CPT 99214 w1'],
    ],
    [
      'a code listed twice matches occurrence by occurrence',
      codes(dx('J189'), px({ code: '11042' }, { code: '11042' })),
      codes(dx('J189'), px({ code: '11042' })),
      ['DELETED CPT 11042 - w1'],
    ],
    [
      'the submitted order is by sequence, not by array position',
      {
        diagnoses: [
          { sequence: 2, code: 'I10', poa: null },
          { sequence: 0, code: 'J189', poa: null },
        ],
        procedures: [],
      },
      codes(dx('J189', 'I10')),
      [],
    ],
  ])('%s', (_name, before, after, expected) => {
    expect(summary(before, after)).toEqual(expected);
  });

  it('keys are stable and unique within a review', () => {
    const before = codes(dx('J189', 'E119', 'I10/Y'), px({ code: '99213', modifiers: ['25'], units: 1 }));
    const after = codes(dx('A419', 'E1165', 'I10/N', 'N179'), px({ code: '99213', units: 2 }));
    const first = diffCodeSets(before, after);
    expect(diffCodeSets(before, after)).toEqual(first);
    expect(new Set(first.map((d) => d.key)).size).toBe(first.length);
    const kinds = first.map((d) => d.kind).sort();
    expect(kinds).toEqual<FindingKind[]>(
      [
        'ADDED',
        'CHANGED',
        'MODIFIER_CHANGED',
        'POA_CHANGED',
        'PRINCIPAL_CHANGED',
        'UNITS_CHANGED',
      ].sort() as FindingKind[],
    );
    expect(first.find((d) => d.kind === 'PRINCIPAL_CHANGED')?.suggestedReason).toBe('SEQUENCING');
    expect(first.find((d) => d.kind === 'CHANGED')?.suggestedReason).toBe('SPECIFICITY');
  });
});
