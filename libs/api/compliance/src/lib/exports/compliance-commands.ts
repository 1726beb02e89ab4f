import type { AppConfig } from '@chartdesk/api-platform';
import { verifyExportFile } from './verify-export-file';

type Command = (config: AppConfig, args: readonly string[]) => Promise<number>;

/** Maintenance commands of the compliance lib, for apps/api/src/app/cli.ts. */
export const COMPLIANCE_COMMANDS: Readonly<Record<string, Command>> = {
  /** `verify-export <file> <manifest> [--key <checkpoint.json|public.pem>]`: offline, no database. */
  'verify-export': async (_config, args) => {
    const keyAt = args.indexOf('--key');
    const key = keyAt >= 0 ? args[keyAt + 1] : undefined;
    const [file, manifest] = args.filter((_, i) => i !== keyAt && i !== keyAt + 1);
    if (!file || !manifest || (keyAt >= 0 && !key)) {
      console.error('Usage: verify-export <export file> <manifest.json> [--key <checkpoint file or public key PEM>]');
      return 2;
    }
    const result = await verifyExportFile(file, manifest, key);
    for (const c of result.checks) console.log(`${c.ok ? 'OK  ' : 'FAIL'} ${c.check.padEnd(12)} ${c.message}`);
    console.log(result.ok ? 'The export matches its signed manifest.' : 'The export does NOT verify.');
    return result.ok ? 0 : 1;
  },
};
