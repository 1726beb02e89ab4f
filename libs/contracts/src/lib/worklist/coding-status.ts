/** The coding status of a chart. Changes only through the worklist's transition table. */
export const CODING_STATUSES = [
  'READY',
  'ASSIGNED',
  'IN_PROGRESS',
  'ON_HOLD',
  'SUBMITTED',
  // Drawn for prebill quality review: held until the review closes (libs/api/quality).
  'IN_REVIEW',
  'RETURNED',
  'COMPLETED',
] as const;
export type CodingStatus = (typeof CODING_STATUSES)[number];

export function isCodingStatus(value: unknown): value is CodingStatus {
  return typeof value === 'string' && (CODING_STATUSES as readonly string[]).includes(value);
}

/** 1 is the most urgent. Next chart takes the lowest number first, then the oldest due date. */
export const WORK_PRIORITIES = [1, 2, 3, 4, 5] as const;
export type WorkPriority = (typeof WORK_PRIORITIES)[number];
export const DEFAULT_WORK_PRIORITY: WorkPriority = 3;

export const WORK_PRIORITY_LABELS: Readonly<Record<WorkPriority, string>> = {
  1: 'Stat',
  2: 'High',
  3: 'Normal',
  4: 'Low',
  5: 'Backlog',
};

/** A chart lease lapses after this much inactivity (no heartbeat). */
export const LEASE_TTL_SECONDS = 30 * 60;
/** How often the workspace renews its lease while open. */
export const LEASE_HEARTBEAT_SECONDS = 60;
