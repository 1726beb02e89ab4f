import { loadConfig } from '@chartdesk/api-platform';
import { COMPLIANCE_COMMANDS } from './compliance-commands';

describe('verify-export arguments', () => {
  const config = loadConfig({ NODE_ENV: 'test' });
  let errors: string[];
  let spy: jest.SpyInstance;
  beforeEach(() => {
    errors = [];
    spy = jest.spyOn(console, 'error').mockImplementation((line: string) => void errors.push(line));
  });
  afterEach(() => spy.mockRestore());

  const run = (args: string[]) => COMPLIANCE_COMMANDS['verify-export']?.(config, args);
  const usage = 'Usage: verify-export <export file> <manifest.json> [--key <checkpoint file or public key PEM>]';

  it('needs the export and its manifest', async () => {
    expect(await run(['export.csv'])).toBe(2);
    expect(errors).toEqual([`Expected 2 argument(s) besides the options, got 1.\n${usage}`]);
  });

  it('refuses --key without a file and a misspelt option, instead of verifying without the key', async () => {
    expect(await run(['export.csv', 'export.csv.manifest.json', '--key'])).toBe(2);
    expect(await run(['export.csv', 'export.csv.manifest.json', '--kye', 'cp.json'])).toBe(2);
    expect(errors[0]).toMatch(/--key <value>' argument missing/);
    expect(errors[1]).toMatch(/Unknown option '--kye'/);
    expect(errors.every((e) => e.endsWith(usage))).toBe(true);
  });
});
