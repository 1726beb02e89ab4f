/** Identity route paths (under /api), shared by the API controllers and the web client. */
export const AuthPaths = {
  login: 'auth/login',
  mfaVerify: 'auth/mfa/verify',
  mfaEnrolStart: 'auth/mfa/enrol/start',
  mfaEnrolConfirm: 'auth/mfa/enrol/confirm',
  initialPassword: 'auth/password/initial',
  refresh: 'auth/refresh',
  logout: 'auth/logout',
  me: 'auth/me',
  changePassword: 'auth/password',
  resetOwnMfa: 'auth/mfa/reset',
} as const;

export const AdminPaths = {
  users: 'admin/users',
  user: 'admin/users/:id',
  userDisable: 'admin/users/:id/disable',
  userEnable: 'admin/users/:id/enable',
  userResetMfa: 'admin/users/:id/reset-mfa',
  userResetPassword: 'admin/users/:id/reset-password',
  userRevokeSessions: 'admin/users/:id/revoke-sessions',
  userApprove: 'admin/users/:id/approve',
  userReject: 'admin/users/:id/reject',
  teams: 'admin/teams',
  team: 'admin/teams/:id',
} as const;

/** Cookie names. `__Host-` pins them to this exact origin, Secure, with Path=/. */
export const REFRESH_COOKIE = '__Host-chartdesk-refresh';
export const CSRF_COOKIE = '__Host-chartdesk-csrf';
export const CSRF_HEADER = 'x-csrf-token';
