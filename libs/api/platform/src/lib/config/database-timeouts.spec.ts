import { type ConfigError } from './config-error';
import { loadConfig } from './app-config';

describe('database timeouts', () => {
  it('fail fast by default outside tests: 4 s statements, 2 s lock waits, the client just above', () => {
    expect(loadConfig({}).dbTimeouts).toEqual({
      statementMs: 4000,
      lockMs: 2000,
      idleInTransactionMs: 60_000,
      connectMs: 3000,
      queryMs: 4500,
    });
  });

  it('are configurable, and the client limit follows the statement limit', () => {
    const t = loadConfig({ DB_STATEMENT_TIMEOUT_MS: '10000', DB_LOCK_TIMEOUT_MS: '500' }).dbTimeouts;
    expect(t).toMatchObject({ statementMs: 10_000, lockMs: 500, queryMs: 10_500 });
    expect(loadConfig({ DB_STATEMENT_TIMEOUT_MS: '0' }).dbTimeouts).toMatchObject({ statementMs: 0, queryMs: 0 });
  });

  it('refuse limits that contradict each other, naming the variables', () => {
    const problems = (env: Record<string, string>): string => {
      try {
        loadConfig(env);
        return '';
      } catch (e) {
        return (e as ConfigError).problems.join('\n');
      }
    };
    expect(problems({ DB_STATEMENT_TIMEOUT_MS: '1000', DB_LOCK_TIMEOUT_MS: '5000' })).toMatch(/DB_LOCK_TIMEOUT_MS/);
    expect(problems({ DB_STATEMENT_TIMEOUT_MS: '1000', DB_QUERY_TIMEOUT_MS: '900' })).toMatch(/DB_QUERY_TIMEOUT_MS/);
    expect(problems({ DB_CONNECT_TIMEOUT_MS: 'soon' })).toMatch(/DB_CONNECT_TIMEOUT_MS must be a whole number/);
  });
});
