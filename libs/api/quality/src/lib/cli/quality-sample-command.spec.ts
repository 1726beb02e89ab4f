import { loadConfig } from '@chartdesk/api-platform';
import { qualitySampleCommand } from './quality-sample-command';

/** Argument mistakes are refused before any database is opened (the run itself: tests/api/quality/quality-cli). */
describe('quality-sample arguments', () => {
  const config = loadConfig({ NODE_ENV: 'test' });
  const usage = 'Usage: quality-sample --supervisor <username> [--from ISO-8601] [--to ISO-8601]';
  let errors: string[];
  let spy: jest.SpyInstance;
  beforeEach(() => {
    errors = [];
    spy = jest.spyOn(console, 'error').mockImplementation((line: string) => void errors.push(line));
  });
  afterEach(() => spy.mockRestore());

  it('needs --supervisor', async () => {
    expect(await qualitySampleCommand(config, [])).toBe(2);
    expect(errors).toEqual([usage]);
  });

  it('refuses a misspelt option, a missing value and a stray argument', async () => {
    expect(await qualitySampleCommand(config, ['--supervisr', 'supervisor1'])).toBe(2);
    expect(await qualitySampleCommand(config, ['--supervisor'])).toBe(2);
    expect(await qualitySampleCommand(config, ['--supervisor', 'supervisor1', 'today'])).toBe(2);
    expect(errors[0]).toMatch(/^Unknown option '--supervisr'/);
    expect(errors[1]).toMatch(/^Option '--supervisor <value>' argument missing/);
    expect(errors[2]).toMatch(/^Expected 0 argument\(s\) besides the options, got 1\./);
    expect(errors.every((e) => e.endsWith(usage))).toBe(true);
  });
});
