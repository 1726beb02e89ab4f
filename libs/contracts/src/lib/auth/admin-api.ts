import type { Role, SensitivityLabel, Specialty } from './roles';

/**
 * `PENDING_APPROVAL`: an administrator created, promoted, enabled or reset the
 * account, and it cannot sign in until a second administrator approves
 * (separation of duties; see libs/api/identity/README.md).
 */
export const USER_STATUSES = ['ACTIVE', 'DISABLED', 'PENDING_APPROVAL'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

/** Account changes that need a second administrator's approval before the account may sign in. */
export const APPROVAL_CHANGES = ['create', 'role-change', 'enable', 'password-reset', 'mfa-reset'] as const;
export type ApprovalChange = (typeof APPROVAL_CHANGES)[number];

/** The change waiting for a second administrator. */
export interface PendingApproval {
  readonly change: ApprovalChange;
  readonly role: Role;
  readonly requestedBy: string;
  readonly requestedAt: string;
}

export const WEEKDAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** One working window on a weekday, local to the schedule's time zone ("HH:MM", end after start). */
export interface ShiftWindow {
  readonly day: Weekday;
  readonly start: string;
  readonly end: string;
}

export interface ShiftSchedule {
  /** IANA time zone, e.g. America/Chicago. */
  readonly timeZone: string;
  readonly weeklyHours: readonly ShiftWindow[];
}

/** A row of the admin user list. */
export interface UserSummary {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly email: string;
  readonly role: Role;
  readonly teamId: string | null;
  readonly teamName: string | null;
  readonly status: UserStatus;
  readonly mfaEnrolled: boolean;
  readonly locked: boolean;
}

export interface UserDetail extends UserSummary {
  readonly clearances: readonly SensitivityLabel[];
  readonly part2TrainingDate: string | null;
  readonly specialties: readonly Specialty[];
  readonly schedule: ShiftSchedule | null;
  /**
   * How many patient records are linked to this employee (so their own chart
   * answers 404 to them). Write-only ids: an admin sees no patient data, and
   * which patient an employee is, is patient data.
   */
  readonly linkedPatientCount: number;
  readonly mustChangePassword: boolean;
  readonly activeSessions: number;
  readonly pendingApproval: PendingApproval | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface UserList {
  readonly items: readonly UserSummary[];
  readonly total: number;
}

export interface UserListQuery {
  readonly q?: string;
  readonly role?: Role;
  readonly status?: UserStatus;
  readonly teamId?: string;
  readonly limit?: number;
  readonly offset?: number;
}

export interface CreateUserRequest {
  readonly username: string;
  readonly displayName: string;
  readonly email: string;
  readonly role: Role;
  readonly teamId?: string | null;
  readonly clearances?: readonly SensitivityLabel[];
  readonly part2TrainingDate?: string | null;
  readonly specialties?: readonly Specialty[];
  readonly schedule?: ShiftSchedule | null;
  readonly linkedPatientIds?: readonly string[];
}

/** The temporary password is shown once; the user must replace it at first sign-in. */
export interface CreatedUser {
  readonly user: UserDetail;
  readonly temporaryPassword: string;
}

export type UpdateUserRequest = Partial<Omit<CreateUserRequest, 'username'>>;

/** Resetting another user's MFA is re-authenticated with the admin's own password. */
export interface AdminReauthRequest {
  readonly adminPassword: string;
}

export interface TeamSummary {
  readonly id: string;
  readonly name: string;
  readonly memberCount: number;
}

export interface CreateTeamRequest {
  readonly name: string;
}

export type UpdateTeamRequest = CreateTeamRequest;
