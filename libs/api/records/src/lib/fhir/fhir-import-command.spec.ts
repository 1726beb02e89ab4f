import { loadConfig } from '@chartdesk/api-platform';
import { importFhirCommand } from './fhir-import-command';

/** Argument mistakes are refused before any file is read or database opened (the import: tests/api/records). */
describe('import-fhir arguments', () => {
  const config = loadConfig({ NODE_ENV: 'test' });
  const usage = 'Usage: import-fhir <file.json|file.ndjson|folder>... [--facility CODE]';
  let errors: string[];
  let spy: jest.SpyInstance;
  beforeEach(() => {
    errors = [];
    spy = jest.spyOn(console, 'error').mockImplementation((line: string) => void errors.push(line));
  });
  afterEach(() => spy.mockRestore());

  it('needs at least one file or folder', async () => {
    expect(await importFhirCommand(config, ['--facility', 'MAIN'])).toBe(2);
    expect(errors).toEqual([`Expected at least 1 argument(s) besides the options, got 0.\n${usage}`]);
  });

  it('refuses --facility without a code and an unknown option', async () => {
    expect(await importFhirCommand(config, ['bundles/', '--facility'])).toBe(2);
    expect(await importFhirCommand(config, ['bundles/', '--facilty', 'MAIN'])).toBe(2);
    expect(errors[0]).toMatch(/^Option '--facility <value>' argument missing/);
    expect(errors[1]).toMatch(/^Unknown option '--facilty'/);
  });
});
