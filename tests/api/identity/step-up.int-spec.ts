import {
  AuthPaths,
  CompliancePaths,
  RecordsPaths,
  type ReviewItemPage,
  type ReviewItemSummary,
  apiUrl,
} from '@chartdesk/contracts';
import { Clock, STEP_UP_REVOKE_SESSION_AFTER, totpCodeAt } from '@chartdesk/api-identity';
import { DataSource } from 'typeorm';
import { type TestUser, authHeader, createUser, freshTotpCode, signIn } from '../../support/auth';
import { type TestApp, createTestApp } from '../../support/test-app';
import { type TestDatabase, createTestDatabase } from '../../support/test-database';
import { createChart, createTeam } from '../records/records-fixtures';

/**
 * Step-up codes (break-the-glass, MFA reset) are throttled like sign-in:
 * a few tries, then delays, then a lock; the session ends after more; every
 * refusal is audited and a compliance rule flags the burst.
 */
describe('step-up throttling', () => {
  let db: TestDatabase;
  let t: TestApp;
  let compliance: TestUser;
  let encounterId: string;

  // The anomaly scan's watermark is database-wide, so this suite has its own database.
  beforeAll(async () => {
    db = await createTestDatabase('chartdesk_stepup');
    t = await createTestApp({
      DATABASE_URL: db.url,
      LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
      ANOMALY_SCAN_SETTLE_SECONDS: '0',
    });
    compliance = await createUser(t.app, { role: 'COMPLIANCE' });
    encounterId = (await createChart(t.app)).encounterId;
  });
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  const breakGlass = (who: TestUser, totpCode: string) =>
    t.app.inject({
      method: 'POST',
      url: apiUrl(RecordsPaths.breakGlass),
      headers: authHeader(who.accessToken),
      payload: { encounterId, reasonCode: 'PATIENT_SAFETY', reasonText: 'Escalation from the coding team', totpCode },
    });
  const grants = async (userId: string): Promise<number> =>
    Number(
      (
        (await t.app
          .get(DataSource)
          .query('SELECT count(*)::int AS n FROM break_glass_grant WHERE user_id = $1', [userId])) as { n: number }[]
      )[0]?.n,
    );
  const audits = async (userId: string, reasonLike: string): Promise<number> =>
    Number(
      (
        (await t.app
          .get(DataSource)
          .query(
            `SELECT count(*)::int AS n FROM audit_event WHERE actor_user_id = $1 AND action = 'MFA_FAILED' AND outcome_reason LIKE $2`,
            [userId, reasonLike],
          )) as { n: number }[]
      )[0]?.n,
    );
  /** A code no step near now accepts (a fixed guess could, by chance, be right). */
  const wrongCode = async (secret: string): Promise<string> => {
    const now = Math.floor(t.app.get(Clock).nowMs() / 1000);
    const near = new Set(await Promise.all([-2, -1, 0, 1, 2].map((d) => totpCodeAt(secret, now + d * 30))));
    for (let n = 0; ; n++) {
      const guess = String(n).padStart(6, '0');
      if (!near.has(guess)) return guess;
    }
  };
  /** 403 until the delay or lock starts (timing-dependent for the 4th and 5th), then 429, then 401 for good. */
  const expectThrottled = (statuses: number[]) => {
    expect(statuses.slice(0, 3)).toEqual([403, 403, 403]);
    for (const s of statuses.slice(3, 5)) expect([403, 429]).toContain(s);
    expect(statuses.slice(5, STEP_UP_REVOKE_SESSION_AFTER - 1).every((s) => s === 429)).toBe(true);
    expect(statuses.slice(STEP_UP_REVOKE_SESSION_AFTER - 1).every((s) => s === 401)).toBe(true);
  };

  it('throttles 200 wrong break-the-glass codes after the first few, ends the session, and a right code grants nothing', async () => {
    const supervisor = await createUser(t.app, { role: 'SUPERVISOR', teamId: await createTeam(t.app) });
    const statuses: number[] = [];
    for (let i = 0; i < 200; i++)
      statuses.push((await breakGlass(supervisor, await wrongCode(supervisor.totpSecret))).statusCode);
    // Delay, then lock (answered 429 without looking at the code), then the guessing session is over.
    expectThrottled(statuses);
    const me = await t.app.inject({
      method: 'GET',
      url: apiUrl(AuthPaths.me),
      headers: authHeader(supervisor.accessToken),
    });
    expect(me.statusCode).toBe(401);

    // The right code in the dead session: no grant.
    expect((await breakGlass(supervisor, await freshTotpCode(t.app, supervisor.totpSecret))).statusCode).toBe(401);
    // Nor from a new session while the account is locked.
    const again = {
      ...supervisor,
      ...(await signIn(t.app, supervisor.user.username, supervisor.password, supervisor.totpSecret)),
    };
    const locked = await breakGlass(again, await freshTotpCode(t.app, supervisor.totpSecret));
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toMatchObject({ statusCode: 429, message: expect.stringMatching(/Too many wrong codes/) });
    expect(await grants(supervisor.user.id)).toBe(0);

    // Every refusal audited: one per attempt until the session ended, then the lock refusal.
    expect(await audits(supervisor.user.id, 'STEP\\_UP\\_%')).toBe(STEP_UP_REVOKE_SESSION_AFTER + 1);
    expect(await audits(supervisor.user.id, 'STEP\\_UP\\_BAD\\_CODE')).toBeGreaterThanOrEqual(3);
  });

  it('throttles MFA reset codes the same way, with the right password', async () => {
    const coder = await createUser(t.app, { role: 'CODER' });
    const reset = (code: string) =>
      t.app.inject({
        method: 'POST',
        url: apiUrl(AuthPaths.resetOwnMfa),
        headers: authHeader(coder.accessToken),
        payload: { currentPassword: coder.password, code },
      });
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await reset(await wrongCode(coder.totpSecret))).statusCode);
    expectThrottled(statuses);
    // The authenticator is still enrolled: the reset never happened.
    const [row] = (await t.app
      .get(DataSource)
      .query('SELECT mfa_enrolled_at FROM app_user WHERE id = $1', [coder.user.id])) as {
      mfa_enrolled_at: Date | null;
    }[];
    expect(row?.mfa_enrolled_at).not.toBeNull();
  });

  it('clears the count after a right code, so an honest typo costs nothing later', async () => {
    const supervisor = await createUser(t.app, { role: 'SUPERVISOR', teamId: await createTeam(t.app) });
    for (let i = 0; i < 2; i++) {
      expect((await breakGlass(supervisor, await wrongCode(supervisor.totpSecret))).statusCode).toBe(403);
    }
    // The step-up passes (the grant's own decision follows).
    expect((await breakGlass(supervisor, await freshTotpCode(t.app, supervisor.totpSecret))).statusCode).not.toBe(403);
    for (let i = 0; i < 2; i++) {
      expect((await breakGlass(supervisor, await wrongCode(supervisor.totpSecret))).statusCode).toBe(403);
    }
  });

  it('raises a compliance review item for repeated step-up failures', async () => {
    const scan = await t.app.inject({
      method: 'POST',
      url: apiUrl(CompliancePaths.anomalyScans),
      headers: authHeader(compliance.accessToken),
    });
    expect(scan.statusCode).toBe(200);
    const list = await t.app.inject({
      method: 'GET',
      url: `${apiUrl(CompliancePaths.reviewItems)}?limit=500&rule=REPEATED_STEP_UP_FAILURES`,
      headers: authHeader(compliance.accessToken),
    });
    expect(list.statusCode).toBe(200);
    const items = list.json<ReviewItemPage>().items as ReviewItemSummary[];
    // The two guessing accounts, not the one that made two typos.
    expect(items.filter((i) => i.rule === 'REPEATED_STEP_UP_FAILURES').length).toBeGreaterThanOrEqual(2);
  });
});
