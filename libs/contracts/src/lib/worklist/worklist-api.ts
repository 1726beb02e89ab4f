import type { SensitivityLabel, Specialty } from '../auth/roles';
import type { EncounterType } from '../records/record-enums';
import type { CodingStatus, WorkPriority } from './coding-status';

/** A line of the coder's own queue. No clinical content. */
export interface QueueEntry {
  readonly encounterId: string;
  readonly facility: string;
  readonly encounterNumber: string;
  readonly type: EncounterType;
  readonly serviceDate: string;
  readonly status: CodingStatus;
  readonly priority: WorkPriority;
  readonly dueDate: string | null;
  readonly assignedAt: string;
}

export interface QueueResponse {
  readonly entries: readonly QueueEntry[];
  /** The team lets coders pull from the pool themselves. */
  readonly selfPullAllowed: boolean;
}

/** POST worklist/next: the chart the coder must open next, chosen by the server. */
export interface NextChartResponse {
  readonly encounterId: string | null;
  /** ASSIGNED when it came from the queue, PULLED when the team lets coders pull from the pool. */
  readonly source: 'QUEUE' | 'PULLED' | 'NONE';
}

/** GET worklist/board filters. */
export interface BoardQuery {
  readonly facility?: string;
  readonly type?: EncounterType;
  /** Charts at least this many days in the pool. */
  readonly minAgeDays?: number;
  /** Due on or before this date (YYYY-MM-DD). */
  readonly dueBefore?: string;
  readonly label?: SensitivityLabel;
}

/** A chart in the unassigned pool, as the supervisor's board lists it. */
export interface PoolEntry {
  readonly encounterId: string;
  readonly facility: string;
  readonly encounterNumber: string;
  readonly type: EncounterType;
  readonly serviceDate: string;
  readonly ageDays: number;
  readonly dueDate: string | null;
  readonly priority: WorkPriority;
  readonly labels: readonly SensitivityLabel[];
}

/** A chart assigned to someone in the team, for reassigning and lease breaking. */
export interface TeamWorkEntry {
  readonly encounterId: string;
  readonly encounterNumber: string;
  readonly facility: string;
  readonly type: EncounterType;
  readonly coderId: string;
  readonly coderName: string;
  readonly status: CodingStatus;
  readonly priority: WorkPriority;
  readonly dueDate: string | null;
  /** Someone has the chart open right now. */
  readonly leasedBy: string | null;
}

export interface CoderLoad {
  readonly coderId: string;
  readonly displayName: string;
  readonly specialties: readonly Specialty[];
  readonly clearances: readonly SensitivityLabel[];
  /** Assigned, in progress, on hold and returned charts. */
  readonly openItems: number;
  readonly capacity: number;
}

export interface BoardResponse {
  readonly pool: readonly PoolEntry[];
  readonly facilities: readonly string[];
  readonly teamWork: readonly TeamWorkEntry[];
  readonly coders: readonly CoderLoad[];
  readonly settings: TeamWorklistSettings;
}

export interface AssignRequest {
  readonly encounterIds: readonly string[];
  readonly coderId: string;
  readonly dueDate?: string;
  readonly priority?: WorkPriority;
}

export interface UnassignRequest {
  readonly encounterIds: readonly string[];
}

export interface DistributeRequest {
  /** The pool charts to distribute; all the supervisor can see when omitted. */
  readonly encounterIds?: readonly string[];
  readonly dueDate?: string;
  readonly priority?: WorkPriority;
}

export interface AssignmentOutcome {
  readonly encounterId: string;
  readonly coderId: string | null;
  /** Why a chart was left where it was, e.g. NO_ELIGIBLE_CODER. */
  readonly skipped: string | null;
}

export interface AssignmentResponse {
  readonly outcomes: readonly AssignmentOutcome[];
}

export interface TeamWorklistSettings {
  readonly allowSelfPull: boolean;
  /** Open items a coder may hold before auto-distribution passes them over. */
  readonly coderCapacity: number;
}
