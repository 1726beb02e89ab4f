import { CODING_STATUSES, type CodingStatus } from '@chartdesk/contracts';
import { CODING_TRANSITIONS, type CodingEvent, nextStatus } from './coding-status-machine';

type Row = [CodingStatus, CodingEvent, CodingStatus];

/** Every legal move; everything else must be refused. */
const LEGAL: Row[] = [
  ['READY', 'ASSIGN', 'ASSIGNED'],
  ['ASSIGNED', 'REASSIGN', 'ASSIGNED'],
  ['IN_PROGRESS', 'REASSIGN', 'ASSIGNED'],
  ['RETURNED', 'REASSIGN', 'ASSIGNED'],
  ['ASSIGNED', 'UNASSIGN', 'READY'],
  ['IN_PROGRESS', 'UNASSIGN', 'READY'],
  ['RETURNED', 'UNASSIGN', 'READY'],
  ['ASSIGNED', 'START', 'IN_PROGRESS'],
  ['RETURNED', 'START', 'IN_PROGRESS'],
  ['IN_PROGRESS', 'HOLD_FOR_QUERY', 'ON_HOLD'],
  ['ON_HOLD', 'QUERY_ANSWERED', 'IN_PROGRESS'],
  ['IN_PROGRESS', 'SUBMIT', 'SUBMITTED'],
  ['SUBMITTED', 'RETURN', 'RETURNED'],
  ['SUBMITTED', 'COMPLETE', 'COMPLETED'],
  ['SUBMITTED', 'SAMPLE', 'IN_REVIEW'],
  ['IN_REVIEW', 'REVIEW_COMPLETE', 'COMPLETED'],
  ['IN_REVIEW', 'REVIEW_RETURN', 'RETURNED'],
];

describe('coding status machine', () => {
  it.each(LEGAL)('%s --%s--> %s', (from, event, to) => {
    expect(nextStatus(from, event)).toEqual({ allowed: true, from, to });
  });

  const events = Object.keys(CODING_TRANSITIONS) as CodingEvent[];
  const illegal = CODING_STATUSES.flatMap((s) => events.map((e) => [s, e] as const)).filter(
    ([s, e]) => !LEGAL.some(([from, ev]) => from === s && ev === e),
  );

  it.each(illegal)('refuses %s --%s and reports the current status', (from, event) => {
    expect(nextStatus(from, event)).toEqual({ allowed: false, current: from });
  });

  it('lets a chart held for prebill review leave only through its review', () => {
    for (const e of events.filter((ev) => ev !== 'REVIEW_COMPLETE' && ev !== 'REVIEW_RETURN')) {
      expect(nextStatus('IN_REVIEW', e).allowed).toBe(false);
    }
  });

  it('never leaves COMPLETED', () => {
    for (const e of events) expect(nextStatus('COMPLETED', e).allowed).toBe(false);
  });

  it('covers the whole table (no event is unreachable)', () => {
    for (const e of events) expect(LEGAL.some(([, ev]) => ev === e)).toBe(true);
  });
});
