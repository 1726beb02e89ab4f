/**
 * The real app in its own process for the HTTP side of B3, so the load
 * generator does not share the server's event loop. Run through ts-node
 * (transpile only) by code-search.bench.ts; prints READY when listening.
 */
import { loadConfig } from '@chartdesk/api-platform';
// The bench boots the real composition root, which only the app holds.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { bootstrapApp } from '../../../apps/api/src/app/bootstrap';

async function main(): Promise<void> {
  const running = await bootstrapApp(loadConfig());
  await running.app.listen({ port: Number(process.env['PORT']), host: '127.0.0.1' });
  process.stdout.write('READY\n');
  process.once('SIGTERM', () => void running.close().finally(() => process.exit(0)));
}

main().catch((error: unknown) => {
  process.stderr.write(`bench server failed: ${(error as Error).message}\n`);
  process.exit(1);
});
