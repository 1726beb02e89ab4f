import type { ShiftSchedule } from '@chartdesk/contracts';
import { withinSchedule } from '../anomaly/shift-schedule';
import { type DemoChart, type DemoUser, planDemoHistory } from './demo-history';

const schedule: ShiftSchedule = {
  timeZone: 'America/Chicago',
  weeklyHours: (['MON', 'TUE', 'WED', 'THU', 'FRI'] as const).map((day) => ({ day, start: '08:00', end: '16:30' })),
};
const coders: DemoUser[] = [1, 2, 3, 4].map((n) => ({ id: `c${n}`, username: `coder${n}`, role: 'CODER', schedule }));
const sup: DemoUser = { id: 's1', username: 'supervisor1', role: 'SUPERVISOR', schedule };
const charts: DemoChart[] = [
  ...coders.flatMap((c, i) =>
    [0, 1, 2].map((k) => ({
      encounterId: `e${i}${k}`,
      patientId: `p${i}${k}`,
      coderId: c.id,
      assignmentId: `a${i}${k}`,
      isVip: i === 3 && k === 2,
      isEmployee: false,
    })),
  ),
  { encounterId: 'eu', patientId: 'pu', coderId: null, assignmentId: null, isVip: false, isEmployee: false },
];
const now = new Date('2026-11-24T12:00:00Z');

describe('planDemoHistory', () => {
  const plan = planDemoHistory(now, coders, [sup], charts);

  it('is the same every time', () => {
    expect(planDemoHistory(now, coders, [sup], charts).events).toEqual(plan.events);
  });

  it('lies in the past 30 days, in time order', () => {
    const times = plan.events.map((e) => e.at.getTime());
    expect(Math.min(...times)).toBeGreaterThanOrEqual(now.getTime() - 31 * 86_400_000);
    expect(Math.max(...times)).toBeLessThan(now.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('keeps ordinary reads inside shifts and plants each anomaly', () => {
    const nightReads = plan.events.filter(
      (e) => e.action === 'CHART_VIEWED' && e.userId !== 's1' && !withinSchedule(schedule, e.at, 30),
    );
    expect(nightReads.length).toBeGreaterThanOrEqual(1);
    expect(nightReads.every((e) => e.userId === 'c1' || e.patientId === 'p32')).toBe(true);
    expect(plan.events.filter((e) => e.action === 'BREAK_GLASS_GRANTED')).toHaveLength(1);
    expect(plan.planted).toHaveLength(5);
  });
});
