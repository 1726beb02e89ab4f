import { loadConfig } from '@chartdesk/api-platform';
import { COMMANDS, usage } from './cli';

/** The app's own commands refuse argument mistakes before opening a database. */
describe('maintenance command arguments', () => {
  let errors: string[];
  let spy: jest.SpyInstance;
  beforeEach(() => {
    errors = [];
    spy = jest.spyOn(console, 'error').mockImplementation((line: string) => void errors.push(line));
  });
  afterEach(() => spy.mockRestore());

  it('lists every command in the usage line', () => {
    expect(usage()).toMatch(/^Usage: node dist\/apps\/api\/main\.js \[serve\|migrate\|revert\|reset\|verify\|/);
    for (const name of ['import-cms', 'import-fhir', 'quality-sample', 'verify-export', 'demo-totp']) {
      expect(usage()).toContain(name);
    }
  });

  it('refuses reset in production without --force, and a misspelt --force anywhere', async () => {
    // Only `env` matters before reset opens anything; a real production config needs key files.
    const production = { ...loadConfig({ NODE_ENV: 'test' }), env: 'production' as const };
    expect(await COMMANDS['reset']?.(production, [])).toBe(2);
    expect(await COMMANDS['reset']?.(loadConfig({ NODE_ENV: 'test' }), ['--froce'])).toBe(2);
    expect(errors[0]).toBe('Refusing to reset a production database. Pass --force if you really mean it.');
    expect(errors[1]).toMatch(/^Unknown option '--froce'.*\nUsage: reset \[--force\]/s);
  });

  it('takes no arguments for migrate and revert', async () => {
    const config = loadConfig({ NODE_ENV: 'test' });
    expect(await COMMANDS['migrate']?.(config, ['now'])).toBe(2);
    expect(await COMMANDS['revert']?.(config, ['--all'])).toBe(2);
    expect(errors[0]).toMatch(/\nUsage: migrate/);
    expect(errors[1]).toMatch(/^Unknown option '--all'.*\nUsage: revert/s);
  });
});
