import { type AppConfig, parseCommandArgs } from '@chartdesk/api-platform';
import { verifyExportFile } from './verify-export-file';

type Command = (config: AppConfig, args: readonly string[]) => Promise<number>;

/** Maintenance commands of the compliance lib, for apps/api/src/app/cli.ts. */
export const COMPLIANCE_COMMANDS: Readonly<Record<string, Command>> = {
  /** `verify-export <file> <manifest> [--key <checkpoint.json|public.pem>]`: offline, no database. */
  'verify-export': async (_config, args) => {
    const parsed = parseCommandArgs(args, {
      options: { key: { type: 'string' } },
      positionals: { min: 2, max: 2 },
      usage: 'Usage: verify-export <export file> <manifest.json> [--key <checkpoint file or public key PEM>]',
    });
    if (!parsed) return 2;
    const [file = '', manifest = ''] = parsed.positionals;
    const result = await verifyExportFile(file, manifest, parsed.values.key);
    for (const c of result.checks) console.log(`${c.ok ? 'OK  ' : 'FAIL'} ${c.check.padEnd(12)} ${c.message}`);
    console.log(result.ok ? 'The export matches its signed manifest.' : 'The export does NOT verify.');
    return result.ok ? 0 : 1;
  },
};
