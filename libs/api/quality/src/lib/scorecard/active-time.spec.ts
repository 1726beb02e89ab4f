import { type CoderEvent, activeCodingTime, median, weekOf } from './active-time';

const t0 = Date.UTC(2026, 10, 2, 9, 0, 0);
const min = (m: number) => new Date(t0 + m * 60_000);
const open = (m: number, chart: string): CoderEvent => ({
  at: min(m),
  action: 'CHART_VIEWED',
  resourceType: 'CodingWorkspace',
  resourceId: chart,
});
const save = (m: number, chart: string): CoderEvent => ({
  at: min(m),
  action: 'CODES_SAVED',
  resourceType: 'Encounter',
  resourceId: chart,
});
const submit = (m: number, chart: string): CoderEvent => ({
  at: min(m),
  action: 'CODES_SUBMITTED',
  resourceType: 'Encounter',
  resourceId: chart,
});

describe('activeCodingTime', () => {
  it.each<[string, CoderEvent[], number, number]>([
    ['open → save → submit, no idle', [open(0, 'a'), save(3, 'a'), submit(6, 'a')], 6, 1],
    ['a 40-minute gap counts only the 5-minute idle limit', [open(0, 'a'), save(2, 'a'), submit(42, 'a')], 7, 1],
    [
      'time between a submit and the next open is not coding',
      [open(0, 'a'), submit(4, 'a'), open(30, 'b'), submit(33, 'b')],
      7,
      2,
    ],
    [
      'sign-out closes the chart',
      [
        open(0, 'a'),
        save(2, 'a'),
        { at: min(3), action: 'LOGOUT', resourceType: null, resourceId: null },
        save(50, 'a'),
      ],
      3,
      0,
    ],
    ['events out of order are sorted first', [submit(6, 'a'), open(0, 'a'), save(3, 'a')], 6, 1],
    [
      'a chart viewer read (not the workspace) does not open coding time',
      [{ at: min(0), action: 'CHART_VIEWED', resourceType: 'Encounter', resourceId: 'a' }, save(3, 'a')],
      0,
      0,
    ],
    ['no events', [], 0, 0],
  ])('%s', (_name, events, minutes, submissions) => {
    const r = activeCodingTime(events);
    expect(r.activeMs).toBe(minutes * 60_000);
    expect(r.submissions).toBe(submissions);
  });
});

describe('median and weekOf', () => {
  it.each<[number[], number | null]>([
    [[], null],
    [[3], 3],
    [[5, 1, 3], 3],
    [[4, 1, 3, 2], 2.5],
  ])('median %j = %s', (values, expected) => expect(median(values)).toBe(expected));

  it.each([
    ['2026-11-02T10:00:00Z', '2026-11-02'],
    ['2026-11-08T23:59:00Z', '2026-11-02'],
    ['2026-11-09T00:00:00Z', '2026-11-09'],
  ])('week of %s is %s', (iso, monday) => expect(weekOf(new Date(iso))).toBe(monday));
});
