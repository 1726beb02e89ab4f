import { type AppConfig, parseCommandArgs } from '@chartdesk/api-platform';
import { totpCodeAt } from '../mfa/totp';
import { demoAccountsTable } from './demo-banner';
import { demoTotpSecret, isDemoUsername } from './demo-accounts';

type Command = (config: AppConfig, args: readonly string[]) => Promise<number>;

/** Maintenance commands from identity: `node dist/apps/api/main.js demo-totp [username]`. */
export const IDENTITY_COMMANDS: Readonly<Record<string, Command>> = {
  'demo-totp': async (_config, args) => {
    const parsed = parseCommandArgs(args, {
      options: {},
      positionals: { min: 0, max: 1 },
      usage: 'Usage: demo-totp [username]   (without a username: every demo account and its current code)',
    });
    if (!parsed) return 2;
    const now = Math.floor(Date.now() / 1000);
    const [username] = parsed.positionals;
    if (!username) {
      console.log(await demoAccountsTable(now));
      return 0;
    }
    if (!isDemoUsername(username)) {
      console.error(`"${username}" is not a demo account.`);
      return 2;
    }
    console.log(`${await totpCodeAt(demoTotpSecret(username), now)}  (valid for ${30 - (now % 30)} more seconds)`);
    return 0;
  },
};
