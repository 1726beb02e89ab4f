import type { Permission } from './permissions';
import type { Role } from './roles';

/** Where a sign-in stands; every stage before DONE reaches nothing but the next step. */
export type LoginStage = 'MFA_VERIFY' | 'PASSWORD_CHANGE' | 'MFA_ENROL' | 'DONE';

export interface LoginRequest {
  readonly username: string;
  readonly password: string;
}

/** An unfinished sign-in: the opaque challenge token is valid only for the next step, for a few minutes. */
export interface LoginPending {
  readonly stage: Exclude<LoginStage, 'DONE'>;
  readonly challengeToken: string;
  readonly expiresInSeconds: number;
}

/** The signed-in user as the client needs it: no secrets, no patient data. */
export interface SessionUser {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly teamId: string | null;
  readonly permissions: readonly Permission[];
}

/** Session limits the client mirrors (idle warning, sign-out); the server enforces them. */
export interface SessionPolicy {
  readonly idleSeconds: number;
  readonly absoluteExpiresAt: string;
}

export interface LoginComplete {
  readonly stage: 'DONE';
  readonly accessToken: string;
  readonly expiresInSeconds: number;
  readonly user: SessionUser;
  readonly session: SessionPolicy;
  /** Only right after MFA enrolment: shown once, stored hashed. */
  readonly recoveryCodes?: readonly string[];
}

export type LoginStepResponse = LoginPending | LoginComplete;

export interface ChallengeRequest {
  readonly challengeToken: string;
}

export interface MfaVerifyRequest extends ChallengeRequest {
  /** A 6-digit TOTP code or one recovery code. */
  readonly code: string;
}

export interface MfaEnrolment {
  /** data: URL of a PNG QR code holding the otpauth URI. */
  readonly qrDataUrl: string;
  /** The same secret in base32, for typing into an authenticator by hand. */
  readonly manualKey: string;
}

export interface InitialPasswordRequest extends ChallengeRequest {
  readonly newPassword: string;
}

export interface ChangePasswordRequest {
  readonly currentPassword: string;
  readonly newPassword: string;
}

export interface ResetOwnMfaRequest {
  readonly currentPassword: string;
  readonly code: string;
}

export type RefreshResponse = LoginComplete;
