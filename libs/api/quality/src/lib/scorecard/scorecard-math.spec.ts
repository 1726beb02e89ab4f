import { type ClosedReview, accuracyByWeek, accuracyTotals, backlogAging, csvField } from './scorecard-math';

const review = (iso: string, dx: [number, number], px: [number, number], passed: boolean): ClosedReview => ({
  closedAt: new Date(iso),
  dxCodes: dx[0],
  dxErrors: dx[1],
  pxCodes: px[0],
  pxErrors: px[1],
  passed,
});

describe('scorecard math', () => {
  it('pools accuracy over reviews and weeks', () => {
    const reviews = [
      review('2026-11-02T10:00:00Z', [10, 1], [2, 0], false),
      review('2026-11-03T10:00:00Z', [10, 0], [0, 0], true),
      review('2026-11-10T10:00:00Z', [4, 2], [0, 0], false),
    ];
    expect(accuracyTotals(reviews)).toEqual({ diagnosisAccuracy: 21 / 24, procedureAccuracy: 1, passRate: 1 / 3 });
    expect(accuracyByWeek(reviews)).toEqual([
      { week: '2026-11-02', reviews: 2, diagnosisAccuracy: 19 / 20, procedureAccuracy: 1, passRate: 0.5 },
      { week: '2026-11-09', reviews: 1, diagnosisAccuracy: 0.5, procedureAccuracy: null, passRate: 0 },
    ]);
    expect(accuracyTotals([])).toEqual({ diagnosisAccuracy: null, procedureAccuracy: null, passRate: null });
  });

  it('buckets the backlog by days since discharge', () => {
    expect(backlogAging([0, 3, 4, 7, 8, 20, 31, 400]).map((b) => b.charts)).toEqual([2, 2, 1, 1, 2]);
  });

  it.each<[string | number | null, string]>([
    ['Pat Coder', '"Pat Coder"'],
    ['say "hi"', '"say ""hi"""'],
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ['-2+3', '"\'-2+3"'],
    [0.95, '0.95'],
    [null, ''],
  ])('csvField(%j) = %s', (value, expected) => expect(csvField(value)).toBe(expected));
});
