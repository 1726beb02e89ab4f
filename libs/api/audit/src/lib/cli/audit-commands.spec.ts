import { loadConfig } from '@chartdesk/api-platform';
import { AUDIT_COMMANDS } from './audit-commands';

/** Argument mistakes are refused before the trail is touched (the commands themselves: tests/api/audit). */
describe('audit command arguments', () => {
  const config = loadConfig({ NODE_ENV: 'test' });
  // Never reached: every call below stops at its arguments.
  const target = { url: 'postgres://127.0.0.1:1/never-opened' };
  let errors: string[];
  let spy: jest.SpyInstance;
  beforeEach(() => {
    errors = [];
    spy = jest.spyOn(console, 'error').mockImplementation((line: string) => void errors.push(line));
  });
  afterEach(() => spy.mockRestore());

  it('refuses a misspelt --checkpoint rather than verifying without it', async () => {
    expect(await AUDIT_COMMANDS.verify(config, ['--checkpont', 'cp.json'], target)).toBe(2);
    expect(errors[0]).toMatch(/^Unknown option '--checkpont'/);
    expect(errors[0]).toMatch(/\nUsage: verify \[--checkpoint <file>\]/);
  });

  it('needs the file for export-checkpoint, and takes no arguments for checkpoint', async () => {
    expect(await AUDIT_COMMANDS['export-checkpoint'](config, ['--latest'], target)).toBe(2);
    expect(await AUDIT_COMMANDS.checkpoint(config, ['now'], target)).toBe(2);
    expect(errors).toEqual([
      'Expected 1 argument(s) besides the options, got 0.\nUsage: export-checkpoint <file> [--latest]   (default: take a new checkpoint and export it)',
      'Expected 0 argument(s) besides the options, got 1.\nUsage: checkpoint   (signs the chain heads now; no arguments)',
    ]);
  });
});
