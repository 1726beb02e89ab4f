import type { ShiftSchedule, Weekday } from '@chartdesk/contracts';

const WEEKDAY_OF: Record<string, Weekday> = {
  Mon: 'MON',
  Tue: 'TUE',
  Wed: 'WED',
  Thu: 'THU',
  Fri: 'FRI',
  Sat: 'SAT',
  Sun: 'SUN',
};

export interface LocalTime {
  readonly day: Weekday;
  /** Minutes since local midnight. */
  readonly minutes: number;
  /** Local calendar date, YYYY-MM-DD. */
  readonly date: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock time in a zone (DST included), via Intl so no tz database ships with us. */
export function localTime(instant: Date, timeZone: string): LocalTime {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    day: WEEKDAY_OF[parts['weekday'] ?? ''] ?? 'MON',
    minutes: Number(parts['hour']) * 60 + Number(parts['minute']),
    date: `${parts['year']}-${parts['month']}-${parts['day']}`,
  };
}

function toMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
}

/** Inside a working window, widened by `graceMinutes` either side (people start early and finish late). */
export function withinSchedule(schedule: ShiftSchedule, instant: Date, graceMinutes: number): boolean {
  const local = localTime(instant, schedule.timeZone);
  const days: Weekday[] = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'];
  const today = days.indexOf(local.day);
  return schedule.weeklyHours.some((w) => {
    const start = toMinutes(w.start) - graceMinutes;
    const end = toMinutes(w.end) + graceMinutes;
    const offset = ((days.indexOf(w.day) - today + 7) % 7) * 1440;
    // The window's day may be yesterday or tomorrow when the grace crosses midnight.
    return [offset, offset - 7 * 1440].some((o) => local.minutes >= start + o && local.minutes < end + o);
  });
}
