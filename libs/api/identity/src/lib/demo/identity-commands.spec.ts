import { loadConfig } from '@chartdesk/api-platform';
import { IDENTITY_COMMANDS } from './identity-commands';

describe('demo-totp', () => {
  let out: string[];
  let spies: jest.SpyInstance[];
  beforeEach(() => {
    out = [];
    spies = [
      jest.spyOn(console, 'log').mockImplementation((line: string) => void out.push(line)),
      jest.spyOn(console, 'error').mockImplementation((line: string) => void out.push(line)),
    ];
  });
  afterEach(() => spies.forEach((s) => s.mockRestore()));

  const run = (args: string[]) => IDENTITY_COMMANDS['demo-totp']?.(loadConfig({ NODE_ENV: 'test' }), args);

  it("prints a demo account's current code", async () => {
    expect(await run(['coder1'])).toBe(0);
    expect(out[0]).toMatch(/^\d{6} {2}\(valid for \d+ more seconds\)$/);
  });

  it('refuses an account that is not a demo account, and extra arguments', async () => {
    expect(await run(['someone'])).toBe(2);
    expect(await run(['coder1', 'coder2'])).toBe(2);
    expect(out).toEqual([
      '"someone" is not a demo account.',
      'Expected 0 to 1 argument(s) besides the options, got 2.\nUsage: demo-totp [username]   (without a username: every demo account and its current code)',
    ]);
  });
});
