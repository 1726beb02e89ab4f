import { ConfigError } from './config-error';
import { databaseMode, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('defaults to the embedded database and port 3000', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(databaseMode(config)).toBe('embedded');
    expect(config.migrateOnStart).toBe(true);
  });

  it('uses server mode, without migrating on start, when DATABASE_URL is set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://app@db:5432/chartdesk' });
    expect(databaseMode(config)).toBe('server');
    expect(config.migrateOnStart).toBe(false);
  });

  it('names every bad variable at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'abc', DB_POOL_SIZE: '0', NODE_ENV: 'staging' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/PORT/);
    expect(problems).toMatch(/DB_POOL_SIZE/);
    expect(problems).toMatch(/NODE_ENV/);
  });

  it('never echoes a malformed database URL, which may hold a password', () => {
    expect(() => loadConfig({ DATABASE_URL: 'not a url s3cret' })).toThrow(/DATABASE_URL is not a valid URL/);
    expect(() => loadConfig({ DATABASE_URL: 'not a url s3cret' })).not.toThrow(/s3cret/);
  });
});
