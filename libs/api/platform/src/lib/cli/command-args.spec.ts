import { parseCommandArgs } from './command-args';

describe('parseCommandArgs', () => {
  let errors: string[];
  let spy: jest.SpyInstance;
  beforeEach(() => {
    errors = [];
    spy = jest.spyOn(console, 'error').mockImplementation((line: string) => void errors.push(line));
  });
  afterEach(() => spy.mockRestore());

  const spec = {
    options: { key: { type: 'string' }, latest: { type: 'boolean' } },
    positionals: { min: 1, max: 2 },
    usage: 'Usage: demo <file> [<other>] [--key <file>] [--latest]',
  } as const;

  it('returns typed options and positionals, in any order', () => {
    const parsed = parseCommandArgs(['--key', 'k.pem', 'a.csv', '--latest', 'b.json'], spec);
    expect(parsed?.values).toEqual({ key: 'k.pem', latest: true });
    expect(parsed?.positionals).toEqual(['a.csv', 'b.json']);
    expect(errors).toEqual([]);
  });

  it('accepts --name=value', () => {
    expect(parseCommandArgs(['--key=k.pem', 'a.csv'], spec)?.values.key).toBe('k.pem');
  });

  it('refuses an unknown or misspelt option with the usage line, instead of ignoring it', () => {
    expect(parseCommandArgs(['a.csv', '--kee', 'k.pem'], spec)).toBeNull();
    expect(errors[0]).toMatch(/Unknown option '--kee'/);
    expect(errors[0]).toMatch(/\nUsage: demo <file>/);
  });

  it('refuses an option without its value', () => {
    expect(parseCommandArgs(['a.csv', '--key'], spec)).toBeNull();
    expect(errors[0]).toMatch(/--key <value>' argument missing/);
  });

  it('refuses too few or too many positional arguments, saying how many it takes', () => {
    expect(parseCommandArgs([], spec)).toBeNull();
    expect(parseCommandArgs(['a', 'b', 'c'], spec)).toBeNull();
    expect(errors).toEqual([
      `Expected 1 to 2 argument(s) besides the options, got 0.\n${spec.usage}`,
      `Expected 1 to 2 argument(s) besides the options, got 3.\n${spec.usage}`,
    ]);
  });

  it('takes no positionals unless asked, and any number with max Infinity', () => {
    expect(parseCommandArgs(['x'], { options: {}, usage: 'Usage: none' })).toBeNull();
    expect(errors[0]).toBe('Expected 0 argument(s) besides the options, got 1.\nUsage: none');
    const many = parseCommandArgs(['a', 'b', 'c'], { options: {}, positionals: { min: 1, max: Infinity }, usage: 'u' });
    expect(many?.positionals).toEqual(['a', 'b', 'c']);
  });
});
