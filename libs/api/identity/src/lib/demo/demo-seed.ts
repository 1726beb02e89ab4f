import type { AppConfig } from '@chartdesk/api-platform';
import type { DataSource } from 'typeorm';
import { loadIdentityKeys } from '../keys/identity-keys';
import { sealSecret } from '../mfa/secret-box';
import { PasswordHasher } from '../passwords/password-hasher';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_SCHEDULE, DEMO_TEAMS, demoTotpSecret } from './demo-accounts';

export const IDENTITY_DEMO_STEP = 'identity-users';

/** What later seed steps read from the context: demo user ids by username. */
export interface IdentityDemoContext {
  demoUsers?: Record<string, string>;
  /** The coder the records seed links to an employee-patient (their own chart must be refused to them). */
  demoEmployeeCoderId?: string;
  demoTeams?: Record<keyof typeof DEMO_TEAMS, string>;
}

/**
 * One user per role plus coders in two teams, enrolled with fixed TOTP
 * secrets. These credentials are published for testers: embedded mode seeds
 * them by default, server mode only when SEED_DEMO_DATA=true (never in production).
 */
export async function seedDemoIdentity(
  dataSource: DataSource,
  context: Record<string, unknown>,
  config: AppConfig,
): Promise<string> {
  if (config.databaseUrl && config.env === 'production') {
    return 'skipped: demo accounts are never seeded into a production server database';
  }
  const keys = loadIdentityKeys(config);
  const hash = await new PasswordHasher(config).hash(DEMO_PASSWORD);
  const ctx = context as IdentityDemoContext;
  await dataSource.transaction(async (m) => {
    const teams: Record<string, string> = {};
    for (const [key, name] of Object.entries(DEMO_TEAMS)) {
      const rows = (await m.query(
        `INSERT INTO team (name) VALUES ($1) ON CONFLICT ((lower(name))) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
        [name],
      )) as { id: string }[];
      teams[key] = rows[0]?.id ?? '';
    }
    const users: Record<string, string> = {};
    for (const a of DEMO_ACCOUNTS) {
      const rows = (await m.query(
        `INSERT INTO app_user (username, display_name, email, role, team_id, clearances, part2_training_date, specialties,
                               schedule, password_hash, mfa_enrolled_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, now())
         ON CONFLICT ((lower(username))) DO UPDATE SET display_name = EXCLUDED.display_name
         RETURNING id`,
        [
          a.username,
          a.displayName,
          `${a.username}@demo.chartdesk.test`,
          a.role,
          a.team ? teams[a.team] : null,
          a.clearances ?? [],
          a.part2TrainingDate ?? null,
          a.specialties ?? [],
          a.role === 'CODER' || a.role === 'SUPERVISOR' ? JSON.stringify(DEMO_SCHEDULE) : null,
          hash,
        ],
      )) as { id: string }[];
      const id = rows[0]?.id ?? '';
      await m.query('UPDATE app_user SET totp_secret_enc = $2 WHERE id = $1', [
        id,
        sealSecret(keys.mfaEncryptionKey, demoTotpSecret(a.username), id),
      ]);
      users[a.username] = id;
      if (a.employeePatient) ctx.demoEmployeeCoderId = id;
    }
    ctx.demoUsers = users;
    ctx.demoTeams = teams as Record<keyof typeof DEMO_TEAMS, string>;
  });
  return `${DEMO_ACCOUNTS.length} demo users in ${Object.keys(DEMO_TEAMS).length} teams`;
}
