import type { ChartCodes } from '@chartdesk/contracts';
import { diffCodeSets } from './code-diff';
import { scoreReview } from './review-score';

const dx = (...codes: string[]): ChartCodes['diagnoses'] =>
  codes.map((code, i) => ({ sequence: i + 1, code, poa: null }));
const pcs = (...codes: string[]): ChartCodes['procedures'] =>
  codes.map((code, i) => ({
    sequence: i + 1,
    system: 'ICD10PCS',
    code,
    modifiers: [],
    units: 1,
    diagnosisPointers: [],
  }));
const set = (d: string[], p: string[] = []): ChartCodes => ({ diagnoses: dx(...d), procedures: pcs(...p) });

/** Scores with every difference counting, or with the findings at `overturned` indexes overturned. */
function score(before: ChartCodes, after: ChartCodes, overturned: number[] = [], threshold = 0.95) {
  const diffs = diffCodeSets(before, after);
  return scoreReview(
    after,
    diffs,
    diffs.map((d, i) => ({ group: d.group, weight: d.weight, counts: !overturned.includes(i) })),
    threshold,
  );
}

describe('scoreReview', () => {
  it.each<[string, ChartCodes, ChartCodes, [number, number, number | null], [number, number, number | null], boolean]>([
    // name, submitted, corrected, [dx codes, dx errors, dx accuracy], [px ...], passed
    ['perfect chart', set(['J189', 'I10'], ['0BH17EZ']), set(['J189', 'I10'], ['0BH17EZ']), [2, 0, 1], [1, 0, 1], true],
    [
      'one secondary of twenty changed: 95 % passes',
      set(Array.from({ length: 20 }, (_, i) => `Z${String(i).padStart(2, '0')}`)),
      set([...Array.from({ length: 19 }, (_, i) => `Z${String(i).padStart(2, '0')}`), 'Z190']),
      [20, 1, 0.95],
      [0, 0, null],
      true,
    ],
    [
      'one secondary of ten added: 90 % fails',
      set(Array.from({ length: 9 }, (_, i) => `Z${i}1`)),
      set([...Array.from({ length: 9 }, (_, i) => `Z${i}1`), 'N179']),
      [10, 1, 0.9],
      [0, 0, null],
      false,
    ],
    [
      'principal changed counts double',
      set(['J189', 'I10', 'E119', 'N179']),
      set(['A419', 'I10', 'E119', 'N179']),
      [4, 2, 0.5],
      [0, 0, null],
      false,
    ],
    ['principal change on a one-code chart floors at 0', set(['J189']), set(['A419']), [1, 2, 0], [0, 0, null], false],
    [
      'deleted code widens the denominator',
      set(['J189', 'I10', 'R05']),
      set(['J189', 'I10']),
      [3, 1, 2 / 3],
      [0, 0, null],
      false,
    ],
    [
      'procedures scored apart from diagnoses',
      set(['J189'], ['0BH17EZ', '5A1955Z']),
      set(['J189'], ['0BH17EZ']),
      [1, 0, 1],
      [2, 1, 0.5],
      false,
    ],
  ])('%s', (_name, before, after, [dc, de, da], [pc, pe, pa], passed) => {
    const s = score(before, after);
    expect(s.diagnosis.codes).toBe(dc);
    expect(s.diagnosis.errors).toBe(de);
    if (da === null) expect(s.diagnosis.accuracy).toBeNull();
    else expect(s.diagnosis.accuracy).toBeCloseTo(da, 10);
    expect(s.procedure.codes).toBe(pc);
    expect(s.procedure.errors).toBe(pe);
    if (pa === null) expect(s.procedure.accuracy).toBeNull();
    else expect(s.procedure.accuracy).toBeCloseTo(pa, 10);
    expect(s.passed).toBe(passed);
  });

  it('recomputes when a rebuttal is overturned: the finding stops counting', () => {
    const before = set(['J189', 'I10', 'E119', 'N179']);
    const after = set(['A419', 'I10', 'E119', 'N179']);
    expect(score(before, after).diagnosis.accuracy).toBe(0.5);
    const overturned = score(before, after, [0]);
    expect(overturned.diagnosis).toEqual({ codes: 4, errors: 0, accuracy: 1 });
    expect(overturned.passed).toBe(true);
  });

  it('the threshold is configurable', () => {
    const before = set(Array.from({ length: 9 }, (_, i) => `Z${i}1`));
    const after = set([...Array.from({ length: 9 }, (_, i) => `Z${i}1`), 'N179']);
    expect(score(before, after, [], 0.9).passed).toBe(true);
    expect(score(before, after, [], 0.95).passed).toBe(false);
  });

  it('overall combines both groups', () => {
    const s = score(set(['J189', 'I10'], ['0BH17EZ', '5A1955Z']), set(['J189', 'I10'], ['0BH17EZ']));
    expect(s.overall).toEqual({ codes: 4, errors: 1, accuracy: 0.75 });
  });
});
