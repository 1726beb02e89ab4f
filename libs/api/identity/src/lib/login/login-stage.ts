import type { LoginStage } from '@chartdesk/contracts';

/**
 * The order of a sign-in: prove the second factor if there is one, replace a
 * temporary password, enrol an authenticator if there is none, then DONE.
 */
export function nextLoginStage(
  user: { mfaEnrolled: boolean; mustChangePassword: boolean },
  challenge: { mfaVerified: boolean },
): LoginStage {
  if (user.mfaEnrolled && !challenge.mfaVerified) return 'MFA_VERIFY';
  if (user.mustChangePassword) return 'PASSWORD_CHANGE';
  if (!user.mfaEnrolled) return 'MFA_ENROL';
  return 'DONE';
}
