import { createHash } from 'node:crypto';
import type { Role, SensitivityLabel, ShiftSchedule, Specialty } from '@chartdesk/contracts';

/**
 * Demo accounts for the embedded demo database only. Their password and TOTP
 * secrets are public on purpose (printed at startup) so a tester can sign in
 * as every role; the seed refuses to run against a server database.
 */
export const DEMO_PASSWORD = 'harbor lantern quiet river';

export interface DemoAccount {
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly team?: 'A' | 'B';
  readonly clearances?: readonly SensitivityLabel[];
  readonly specialties?: readonly Specialty[];
  readonly part2TrainingDate?: string;
  /** The records seed links this coder to an employee-patient so their own chart is refused to them. */
  readonly employeePatient?: boolean;
}

export const DEMO_TEAMS = { A: 'Inpatient team A', B: 'Outpatient team B' } as const;

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'admin', displayName: 'Avery Admin', role: 'ADMIN' },
  // A second administrator: account changes need a second person's approval (separation of duties).
  { username: 'admin2', displayName: 'Robin Admin', role: 'ADMIN' },
  { username: 'compliance', displayName: 'Casey Compliance', role: 'COMPLIANCE' },
  {
    username: 'supervisor1',
    displayName: 'Sam Supervisor',
    role: 'SUPERVISOR',
    team: 'A',
    clearances: ['BEHAVIORAL_HEALTH', 'SUBSTANCE_USE_PART2', 'HIV_STI', 'REPRODUCTIVE', 'GENETIC', 'VIP', 'EMPLOYEE'],
    part2TrainingDate: '2026-01-15',
  },
  {
    username: 'supervisor2',
    displayName: 'Shay Supervisor',
    role: 'SUPERVISOR',
    team: 'B',
    clearances: ['BEHAVIORAL_HEALTH', 'VIP'],
  },
  {
    username: 'coder1',
    displayName: 'Cory Coder',
    role: 'CODER',
    team: 'A',
    specialties: ['INPATIENT', 'ED'],
    clearances: ['BEHAVIORAL_HEALTH', 'SUBSTANCE_USE_PART2'],
    part2TrainingDate: '2026-02-01',
  },
  {
    username: 'coder2',
    displayName: 'Dana Coder',
    role: 'CODER',
    team: 'A',
    specialties: ['INPATIENT'],
    clearances: ['EMPLOYEE'],
    employeePatient: true,
  },
  { username: 'coder3', displayName: 'Eli Coder', role: 'CODER', team: 'B', specialties: ['OUTPATIENT', 'PROFEE'] },
  {
    username: 'coder4',
    displayName: 'Frankie Coder',
    role: 'CODER',
    team: 'B',
    specialties: ['OUTPATIENT', 'ED'],
    clearances: ['HIV_STI', 'REPRODUCTIVE'],
  },
];

export const DEMO_SCHEDULE: ShiftSchedule = {
  timeZone: 'America/Chicago',
  weeklyHours: (['MON', 'TUE', 'WED', 'THU', 'FRI'] as const).map((day) => ({ day, start: '08:00', end: '16:30' })),
};

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** A fixed, valid 160-bit base32 secret per demo username (deterministic, so restarts print the same). */
export function demoTotpSecret(username: string): string {
  const bytes = createHash('sha1').update(`chartdesk demo totp ${username}`).digest();
  let bits = '';
  for (const b of bytes) bits += b.toString(2).padStart(8, '0');
  let out = '';
  for (let i = 0; i < bits.length; i += 5) out += BASE32.charAt(parseInt(bits.slice(i, i + 5).padEnd(5, '0'), 2));
  return out;
}

export function isDemoUsername(username: string): boolean {
  return DEMO_ACCOUNTS.some((a) => a.username === username);
}
