import { APP_CONFIG, type AppConfig } from '@chartdesk/api-platform';
import { seededDemoSteps } from '@chartdesk/api-database';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { totpCodeAt } from '../mfa/totp';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, demoTotpSecret } from './demo-accounts';
import { IDENTITY_DEMO_STEP } from './demo-seed';

/** The table a tester needs to sign in as each demo role; printed on every embedded demo start. */
export async function demoAccountsTable(nowSeconds: number): Promise<string> {
  const rows = await Promise.all(
    DEMO_ACCOUNTS.map(async (a) => [
      a.username,
      a.role,
      demoTotpSecret(a.username),
      await totpCodeAt(demoTotpSecret(a.username), nowSeconds),
    ]),
  );
  const header = ['username', 'role', 'TOTP secret (add to an authenticator app)', 'code now'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  return [
    `Demo accounts (embedded demo only). Password for all: "${DEMO_PASSWORD}"`,
    line(header),
    ...rows.map(line),
    'Current code for one account at any time: npm run cli -- demo-totp <username>',
  ].join('\n');
}

@Injectable()
export class DemoBanner implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemoData || this.config.databaseUrl) return;
    const seeded = await seededDemoSteps(this.dataSource);
    // Printed on stdout like the start-up banner in main.ts, whatever the log level.
    if (seeded.has(IDENTITY_DEMO_STEP)) console.log(`\n${await demoAccountsTable(Math.floor(Date.now() / 1000))}\n`);
  }
}
