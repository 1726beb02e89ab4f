import { randomBytes } from 'node:crypto';
import {
  AuthPaths,
  CSRF_COOKIE,
  CSRF_HEADER,
  type LoginComplete,
  type LoginStepResponse,
  REFRESH_COOKIE,
  type Role,
  type SensitivityLabel,
  type Specialty,
  apiUrl,
} from '@chartdesk/contracts';
import { MfaService, UserProvisioningService, newTotpSecret } from '@chartdesk/api-identity';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { freshTotpCode } from './totp';

export { freshTotpCode } from './totp';

/** The Origin a browser on the app's own page sends with `app.inject` (host localhost:80). */
export const SAME_ORIGIN = 'http://localhost:80';

export interface CreateUserOptions {
  readonly role: Role;
  readonly teamId?: string | null;
  readonly clearances?: readonly SensitivityLabel[];
  readonly specialties?: readonly Specialty[];
  readonly linkedPatientIds?: readonly string[];
  readonly part2TrainingDate?: string | null;
  readonly username?: string;
  readonly displayName?: string;
}

export interface SignedIn {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly csrfToken: string;
  readonly body: LoginComplete;
}

export interface TestUser extends SignedIn {
  readonly user: {
    readonly id: string;
    readonly username: string;
    readonly role: Role;
    readonly teamId: string | null;
  };
  readonly password: string;
  readonly totpSecret: string;
}

/**
 * A real user, enrolled with a known TOTP secret, signed in through the real
 * login flow (password, then TOTP) — the token is as real as a browser's.
 */
export async function createUser(app: NestFastifyApplication, opts: CreateUserOptions): Promise<TestUser> {
  const suffix = randomBytes(4).toString('hex');
  const username = opts.username ?? `${opts.role.toLowerCase()}-${suffix}`;
  const password = `amber lantern ${randomBytes(6).toString('hex')} river`;
  const totpSecret = newTotpSecret();
  const user = await app.get(DataSource).transaction(async (m) => {
    const created = await app.get(UserProvisioningService).create(
      m,
      {
        username,
        displayName: opts.displayName ?? `Test ${opts.role.toLowerCase()} ${suffix}`,
        email: `${username}@example.test`,
        role: opts.role,
        teamId: opts.teamId ?? null,
        clearances: opts.clearances ?? [],
        specialties: opts.specialties ?? [],
        linkedPatientIds: opts.linkedPatientIds ?? [],
        part2TrainingDate: opts.part2TrainingDate ?? null,
      },
      password,
      { mustChangePassword: false },
    );
    await app.get(MfaService).setSecretDirectly(m, created.id, totpSecret);
    return created;
  });
  const signedIn = await signIn(app, username, password, totpSecret);
  return {
    ...signedIn,
    user: { id: user.id, username: user.username, role: user.role, teamId: user.teamId },
    password,
    totpSecret,
  };
}

/** One token per role, for authorization-matrix tests. */
export async function createUserPerRole(app: NestFastifyApplication): Promise<Record<Role, TestUser>> {
  return {
    CODER: await createUser(app, { role: 'CODER' }),
    SUPERVISOR: await createUser(app, { role: 'SUPERVISOR' }),
    COMPLIANCE: await createUser(app, { role: 'COMPLIANCE' }),
    ADMIN: await createUser(app, { role: 'ADMIN' }),
  };
}

/** Password step then TOTP step, as the browser does it. */
export async function signIn(
  app: NestFastifyApplication,
  username: string,
  password: string,
  totpSecret: string,
): Promise<SignedIn> {
  const first = await app.inject({ method: 'POST', url: apiUrl(AuthPaths.login), payload: { username, password } });
  if (first.statusCode !== 200) throw new Error(`login failed: ${first.statusCode} ${first.body}`);
  const pending = first.json<LoginStepResponse>();
  if (pending.stage !== 'MFA_VERIFY') throw new Error(`unexpected stage ${pending.stage}`);
  const second = await app.inject({
    method: 'POST',
    url: apiUrl(AuthPaths.mfaVerify),
    payload: { challengeToken: pending.challengeToken, code: await freshTotpCode(app, totpSecret) },
  });
  if (second.statusCode !== 200) throw new Error(`mfa failed: ${second.statusCode} ${second.body}`);
  return fromComplete(second.json<LoginComplete>(), second.headers['set-cookie']);
}

export function fromComplete(body: LoginComplete, setCookie: string | string[] | undefined): SignedIn {
  return {
    accessToken: body.accessToken,
    refreshToken: cookieValue(setCookie, REFRESH_COOKIE) ?? '',
    csrfToken: cookieValue(setCookie, CSRF_COOKIE) ?? '',
    body,
  };
}

export function cookieValue(setCookie: string | string[] | undefined, name: string): string | undefined {
  const all = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  for (const c of all) {
    const pair = c.split(';')[0] ?? '';
    const eq = pair.indexOf('=');
    if (pair.slice(0, eq) === name) return pair.slice(eq + 1);
  }
  return undefined;
}

export function authHeader(token: string): { authorization: string } {
  return { authorization: `Bearer ${token}` };
}

/** Headers a browser sends to the cookie-authenticated refresh and logout endpoints. */
export function cookieAuthHeaders(s: Pick<SignedIn, 'refreshToken' | 'csrfToken'>): Record<string, string> {
  return {
    cookie: `${REFRESH_COOKIE}=${s.refreshToken}; ${CSRF_COOKIE}=${s.csrfToken}`,
    origin: SAME_ORIGIN,
    [CSRF_HEADER]: s.csrfToken,
  };
}

/** A team row, for tests that need coders grouped under a supervisor. */
export async function createTeam(
  app: NestFastifyApplication,
  name = `Team ${randomBytes(3).toString('hex')}`,
): Promise<string> {
  const rows = (await app.get(DataSource).query('INSERT INTO team (name) VALUES ($1) RETURNING id', [name])) as {
    id: string;
  }[];
  const id = rows[0]?.id;
  if (!id) throw new Error('team insert returned no id');
  return id;
}
