import type {
  PendingApproval,
  Role,
  SensitivityLabel,
  ShiftSchedule,
  Specialty,
  UserDetail,
  UserStatus,
  UserSummary,
} from '@chartdesk/contracts';

/** An app_user row as the identity lib reads it. Secrets stay inside this lib. */
export interface UserRecord {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly email: string;
  readonly role: Role;
  readonly teamId: string | null;
  readonly teamName: string | null;
  readonly status: UserStatus;
  readonly clearances: SensitivityLabel[];
  readonly part2TrainingDate: string | null;
  readonly specialties: Specialty[];
  readonly schedule: ShiftSchedule | null;
  readonly linkedPatientIds: string[];
  readonly passwordHash: string;
  readonly mustChangePassword: boolean;
  readonly totpSecretEnc: string | null;
  readonly totpLastStep: number;
  readonly mfaEnrolledAt: Date | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export const USER_COLUMNS = `u.id, u.username, u.display_name, u.email, u.role, u.team_id, t.name AS team_name, u.status,
  u.clearances, to_char(u.part2_training_date, 'YYYY-MM-DD') AS part2_training_date, u.specialties, u.schedule,
  u.linked_patient_ids, u.password_hash, u.must_change_password, u.totp_secret_enc, u.totp_last_step,
  u.mfa_enrolled_at, u.created_at, u.updated_at`;

export const USER_FROM = 'app_user u LEFT JOIN team t ON t.id = u.team_id';

export function toUserRecord(r: Record<string, unknown>): UserRecord {
  return {
    id: r['id'] as string,
    username: r['username'] as string,
    displayName: r['display_name'] as string,
    email: r['email'] as string,
    role: r['role'] as Role,
    teamId: (r['team_id'] as string | null) ?? null,
    teamName: (r['team_name'] as string | null) ?? null,
    status: r['status'] as UserStatus,
    clearances: (r['clearances'] as SensitivityLabel[]) ?? [],
    part2TrainingDate: (r['part2_training_date'] as string | null) ?? null,
    specialties: (r['specialties'] as Specialty[]) ?? [],
    schedule: (r['schedule'] as ShiftSchedule | null) ?? null,
    linkedPatientIds: (r['linked_patient_ids'] as string[]) ?? [],
    passwordHash: r['password_hash'] as string,
    mustChangePassword: r['must_change_password'] as boolean,
    totpSecretEnc: (r['totp_secret_enc'] as string | null) ?? null,
    totpLastStep: Number(r['totp_last_step'] ?? 0),
    mfaEnrolledAt: (r['mfa_enrolled_at'] as Date | null) ?? null,
    createdAt: r['created_at'] as Date,
    updatedAt: r['updated_at'] as Date,
  };
}

export function toUserSummary(u: UserRecord, locked: boolean): UserSummary {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    email: u.email,
    role: u.role,
    teamId: u.teamId,
    teamName: u.teamName,
    status: u.status,
    mfaEnrolled: u.mfaEnrolledAt !== null,
    locked,
  };
}

export function toUserDetail(
  u: UserRecord,
  locked: boolean,
  activeSessions: number,
  pendingApproval: PendingApproval | null,
): UserDetail {
  return {
    ...toUserSummary(u, locked),
    clearances: u.clearances,
    part2TrainingDate: u.part2TrainingDate,
    specialties: u.specialties,
    schedule: u.schedule,
    linkedPatientCount: u.linkedPatientIds.length,
    mustChangePassword: u.mustChangePassword,
    activeSessions,
    pendingApproval,
    createdAt: u.createdAt.toISOString(),
    updatedAt: u.updatedAt.toISOString(),
  };
}

/** The non-secret fields an admin change is audited with (before/after). */
export function auditableFields(u: UserRecord): Record<string, unknown> {
  return {
    username: u.username,
    displayName: u.displayName,
    email: u.email,
    role: u.role,
    teamId: u.teamId,
    status: u.status,
    clearances: u.clearances,
    part2TrainingDate: u.part2TrainingDate,
    specialties: u.specialties,
    schedule: u.schedule,
    linkedPatientCount: u.linkedPatientIds.length,
    mfaEnrolled: u.mfaEnrolledAt !== null,
    mustChangePassword: u.mustChangePassword,
  };
}
