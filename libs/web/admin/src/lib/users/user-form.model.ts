import {
  type CreateUserRequest,
  type Role,
  type SensitivityLabel,
  type ShiftWindow,
  type Specialty,
  type UpdateUserRequest,
  type UserDetail,
  type Weekday,
} from '@chartdesk/contracts';

/** Editable copy of a user's fields, bound to the form. */
export interface UserFormModel {
  username: string;
  displayName: string;
  email: string;
  role: Role;
  teamId: string;
  clearances: SensitivityLabel[];
  specialties: Specialty[];
  part2TrainingDate: string;
  timeZone: string;
  weeklyHours: { day: Weekday; start: string; end: string }[];
  linkedPatientIds: string;
}

export function emptyModel(): UserFormModel {
  return {
    username: '',
    displayName: '',
    email: '',
    role: 'CODER',
    teamId: '',
    clearances: [],
    specialties: [],
    part2TrainingDate: '',
    timeZone: '',
    weeklyHours: [],
    linkedPatientIds: '',
  };
}

export function modelFrom(u: UserDetail): UserFormModel {
  return {
    username: u.username,
    displayName: u.displayName,
    email: u.email,
    role: u.role,
    teamId: u.teamId ?? '',
    clearances: [...u.clearances],
    specialties: [...u.specialties],
    part2TrainingDate: u.part2TrainingDate ?? '',
    timeZone: u.schedule?.timeZone ?? '',
    weeklyHours: (u.schedule?.weeklyHours ?? []).map((w: ShiftWindow) => ({ ...w })),
    // Write-only: the API never shows an admin which patients an employee is linked to.
    linkedPatientIds: '',
  };
}

/** The request body; a schedule is sent only with a time zone, linked patients only when entered (they replace the old ones). */
export function toUpdate(m: UserFormModel): UpdateUserRequest {
  const linked = m.linkedPatientIds
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  return {
    displayName: m.displayName.trim(),
    email: m.email.trim(),
    role: m.role,
    teamId: m.teamId || null,
    clearances: m.clearances,
    specialties: m.specialties,
    part2TrainingDate: m.part2TrainingDate || null,
    schedule: m.timeZone.trim() ? { timeZone: m.timeZone.trim(), weeklyHours: m.weeklyHours } : null,
    ...(linked.length > 0 ? { linkedPatientIds: linked } : {}),
  };
}

export function toCreate(m: UserFormModel): CreateUserRequest {
  const u = toUpdate(m);
  return {
    ...u,
    username: m.username.trim(),
    displayName: u.displayName ?? '',
    email: u.email ?? '',
    role: m.role,
  };
}
