import type { ShiftSchedule } from '@chartdesk/contracts';
import { localTime, withinSchedule } from './shift-schedule';

const CHICAGO_WEEKDAYS: ShiftSchedule = {
  timeZone: 'America/Chicago',
  weeklyHours: (['MON', 'TUE', 'WED', 'THU', 'FRI'] as const).map((day) => ({ day, start: '08:00', end: '17:00' })),
};

describe('shift schedule', () => {
  it('reads wall-clock time in the schedule zone, DST included', () => {
    // 2026-07-06 is a Monday; Chicago is UTC-5 in July.
    expect(localTime(new Date('2026-07-06T14:30:00Z'), 'America/Chicago')).toEqual({
      day: 'MON',
      minutes: 9 * 60 + 30,
      date: '2026-07-06',
    });
    // In January it is UTC-6.
    expect(localTime(new Date('2026-01-05T14:30:00Z'), 'America/Chicago').minutes).toBe(8 * 60 + 30);
  });

  it('is within the schedule during a shift and outside it at night and at weekends', () => {
    expect(withinSchedule(CHICAGO_WEEKDAYS, new Date('2026-07-06T14:30:00Z'), 0)).toBe(true);
    expect(withinSchedule(CHICAGO_WEEKDAYS, new Date('2026-07-07T07:30:00Z'), 0)).toBe(false); // 02:30 local
    expect(withinSchedule(CHICAGO_WEEKDAYS, new Date('2026-07-11T15:00:00Z'), 0)).toBe(false); // Saturday
  });

  it('widens each window by the grace minutes', () => {
    const justAfter = new Date('2026-07-06T22:20:00Z'); // 17:20 local
    expect(withinSchedule(CHICAGO_WEEKDAYS, justAfter, 0)).toBe(false);
    expect(withinSchedule(CHICAGO_WEEKDAYS, justAfter, 30)).toBe(true);
  });

  it('lets grace cross midnight into the next day', () => {
    const night: ShiftSchedule = { timeZone: 'UTC', weeklyHours: [{ day: 'MON', start: '16:00', end: '23:50' }] };
    expect(withinSchedule(night, new Date('2026-07-07T00:10:00Z'), 30)).toBe(true); // Tue 00:10
    expect(withinSchedule(night, new Date('2026-07-07T00:40:00Z'), 30)).toBe(false);
  });
});
