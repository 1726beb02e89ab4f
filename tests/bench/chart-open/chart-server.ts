// One side of the chart-open benchmark in its own process (run with ts-node):
// MODE=app boots the real app; MODE=raw the node:http + pg baseline (RAW_AUDIT=false: without the audit insert).
import { loadConfig } from '@chartdesk/api-platform';
// The benchmark boots the real composition root, which only the app holds.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { bootstrapApp } from '../../../apps/api/src/app/bootstrap';
import { startRawChartServer } from './raw-chart-server';

async function main(): Promise<void> {
  const env = process.env;
  const port = Number(env['PORT']);
  if (env['MODE'] === 'raw') {
    await startRawChartServer(env['DATABASE_URL'] ?? '', Number(env['DB_POOL_SIZE']), {
      userId: env['BENCH_USER_ID'] ?? '',
      sessionId: env['BENCH_SESSION_ID'] ?? '',
      port,
      audit: env['RAW_AUDIT'] !== 'false',
    });
  } else {
    const config = loadConfig({
      ...env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      MIGRATE_ON_START: 'false',
      SEED_DEMO_DATA: 'false',
    });
    const running = await bootstrapApp(config);
    await running.app.listen(port, '127.0.0.1');
  }
  process.stdout.write('READY\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
