import type { ShiftSchedule } from '@chartdesk/contracts';
import { withinSchedule } from '../anomaly/shift-schedule';

/** One past event of the demo's own history, before it is chained. */
export interface HistoryEvent {
  readonly at: Date;
  readonly action: 'LOGIN_SUCCEEDED' | 'CHART_VIEWED' | 'DOCUMENT_VIEWED' | 'ACCESS_DENIED' | 'BREAK_GLASS_GRANTED';
  readonly outcome: 'success' | 'denied';
  readonly outcomeReason: string | null;
  readonly userId: string;
  readonly role: string;
  readonly patientId: string | null;
  readonly encounterId: string | null;
  readonly purpose: string | null;
  readonly details: Record<string, unknown>;
  readonly ip: string;
}

export interface DemoUser {
  readonly id: string;
  readonly username: string;
  readonly role: string;
  readonly schedule: ShiftSchedule | null;
}

export interface DemoChart {
  readonly encounterId: string;
  readonly patientId: string;
  /** The coder it is assigned to and the assignment id, when it is. */
  readonly coderId: string | null;
  readonly assignmentId: string | null;
  readonly isVip: boolean;
  readonly isEmployee: boolean;
}

/** A small deterministic PRNG (mulberry32), so the demo history is the same on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface DemoHistoryPlan {
  readonly events: HistoryEvent[];
  /** What the anomaly scan should find, for the seed's summary line. */
  readonly planted: readonly string[];
}

const HOUR = 3_600_000;

/**
 * Thirty days of ordinary work — coders reading their assigned charts inside
 * their shifts, a stray denial now and then — plus a few planted anomalies:
 * a night session, an hour of 40 charts, a burst of denials, a VIP/employee
 * chart opened, and a break-the-glass grant.
 */
export function planDemoHistory(
  now: Date,
  coders: readonly DemoUser[],
  supervisors: readonly DemoUser[],
  charts: readonly DemoChart[],
): DemoHistoryPlan {
  const rand = prng(20_261_124);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const events: HistoryEvent[] = [];
  const planted: string[] = [];
  const ipOf = (user: DemoUser): string => `10.20.${coders.indexOf(user) + 1}.${10 + Math.floor(rand() * 5)}`;
  const assignedTo = (coder: DemoUser) => charts.filter((c) => c.coderId === coder.id);
  const unassigned = charts.filter((c) => c.coderId === null);
  const view = (coder: DemoUser, chart: DemoChart, at: Date): HistoryEvent => ({
    at,
    action: rand() < 0.75 ? 'CHART_VIEWED' : 'DOCUMENT_VIEWED',
    outcome: 'success',
    outcomeReason: null,
    userId: coder.id,
    role: coder.role,
    patientId: chart.patientId,
    encounterId: chart.encounterId,
    purpose: chart.assignmentId,
    details: { basis: 'ASSIGNMENT', demo: true },
    ip: ipOf(coder),
  });
  const deny = (user: DemoUser, chart: DemoChart, at: Date): HistoryEvent => ({
    at,
    action: 'ACCESS_DENIED',
    outcome: 'denied',
    outcomeReason: 'NOT_ASSIGNED',
    userId: user.id,
    role: user.role,
    patientId: chart.patientId,
    encounterId: chart.encounterId,
    purpose: null,
    details: { demo: true },
    ip: ipOf(user),
  });
  const startOfDay = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));

  for (let daysAgo = 30; daysAgo >= 1; daysAgo--) {
    const day = new Date(startOfDay.getTime() - daysAgo * 24 * HOUR);
    for (const coder of coders) {
      const mine = assignedTo(coder);
      if (mine.length === 0) continue;
      // Candidate minutes of the day inside the coder's shift (weekends fall out by themselves).
      const inShift: Date[] = [];
      for (let minute = 0; minute < 24 * 60; minute += 7) {
        const at = new Date(day.getTime() + minute * 60_000);
        if (!coder.schedule || withinSchedule(coder.schedule, at, 0)) inShift.push(at);
      }
      if (inShift.length === 0) continue;
      events.push({
        ...view(coder, mine[0] as DemoChart, inShift[0] as Date),
        action: 'LOGIN_SUCCEEDED',
        patientId: null,
        encounterId: null,
        purpose: null,
        details: { demo: true },
      });
      const reads = 6 + Math.floor(rand() * 12);
      for (let i = 0; i < reads; i++) events.push(view(coder, pick(mine), pick(inShift)));
      if (rand() < 0.15 && unassigned.length) events.push(deny(coder, pick(unassigned), pick(inShift)));
    }
  }

  const [c1, c2, c3, c4] = coders;
  // Planted events fall on weekdays, so only the anomaly they are planted for shows.
  const at = (daysAgo: number, hourUtc: number, minute = 0): Date => {
    let day = new Date(startOfDay.getTime() - daysAgo * 24 * HOUR);
    while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day = new Date(day.getTime() - 24 * HOUR);
    return new Date(day.getTime() + hourUtc * HOUR + minute * 60_000);
  };
  if (c1 && assignedTo(c1).length) {
    // 02:00-02:40 in Chicago: outside any shift.
    for (let i = 0; i < 5; i++) events.push(view(c1, pick(assignedTo(c1)), at(5, 8, i * 8)));
    planted.push(`${c1.username}: chart reads at night`);
  }
  if (c2 && assignedTo(c2).length) {
    // Forty charts in one hour, mid-shift, against a baseline of a few an hour.
    for (let i = 0; i < 40; i++) events.push(view(c2, pick(assignedTo(c2)), at(3, 16, i)));
    planted.push(`${c2.username}: 40 charts in one hour`);
  }
  if (c3 && unassigned.length) {
    for (let i = 0; i < 6; i++) events.push(deny(c3, pick(unassigned), at(2, 17, i * 0.7)));
    planted.push(`${c3.username}: six denials in five minutes`);
  }
  const special = charts.find((c) => c.isVip || c.isEmployee);
  const peeker = c4 ?? c1;
  if (special && peeker) {
    events.push({
      ...view(peeker, special, at(4, 19)),
      purpose: special.assignmentId,
      details: { basis: 'TEAM', demo: true },
    });
    planted.push(`${peeker.username}: opened a ${special.isVip ? 'VIP' : 'employee'} patient's chart`);
  }
  const sup = supervisors[0];
  const glass = unassigned[0];
  if (sup && glass) {
    events.push({
      at: at(1, 21),
      action: 'BREAK_GLASS_GRANTED',
      outcome: 'success',
      outcomeReason: null,
      userId: sup.id,
      role: sup.role,
      patientId: glass.patientId,
      encounterId: glass.encounterId,
      purpose: 'break-glass:PATIENT_SAFETY',
      details: { demo: true, minutes: 60 },
      ip: '10.20.99.10',
    });
    events.push({ ...view(sup, glass, at(1, 21, 2)), purpose: null, details: { basis: 'BREAK_GLASS', demo: true } });
    planted.push(`${sup.username}: break-the-glass`);
  }
  events.sort((a, b) => a.at.getTime() - b.at.getTime());
  return { events, planted };
}
