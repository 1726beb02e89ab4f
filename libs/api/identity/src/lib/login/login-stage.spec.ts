import { nextLoginStage } from './login-stage';

describe('nextLoginStage', () => {
  it('asks an enrolled user for the second factor before anything else', () => {
    expect(nextLoginStage({ mfaEnrolled: true, mustChangePassword: true }, { mfaVerified: false })).toBe('MFA_VERIFY');
    expect(nextLoginStage({ mfaEnrolled: true, mustChangePassword: true }, { mfaVerified: true })).toBe(
      'PASSWORD_CHANGE',
    );
    expect(nextLoginStage({ mfaEnrolled: true, mustChangePassword: false }, { mfaVerified: true })).toBe('DONE');
  });

  it('makes a new user replace the temporary password, then enrol', () => {
    expect(nextLoginStage({ mfaEnrolled: false, mustChangePassword: true }, { mfaVerified: false })).toBe(
      'PASSWORD_CHANGE',
    );
    expect(nextLoginStage({ mfaEnrolled: false, mustChangePassword: false }, { mfaVerified: false })).toBe('MFA_ENROL');
  });
});
