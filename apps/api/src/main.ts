import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '@chartdesk/api-platform';
import { bootstrapApp } from './app/bootstrap';
import { COMMANDS, usage } from './app/cli';

async function serve(): Promise<void> {
  const config = loadConfig();
  const started = Date.now();
  const running = await bootstrapApp(config);
  await running.app.listen({ port: config.port, host: config.host });
  const url = (await running.app.getUrl()).replace('[::1]', 'localhost').replace('127.0.0.1', 'localhost');
  const shutdown = (): void => {
    void running.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  console.log(
    [
      '',
      `ChartDesk is running at ${url}/  (database: ${running.mode}${running.mode === 'embedded' ? `, data in ${config.dataDir}` : ''}; started in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
      config.apiDocs ? `API docs: ${url}/api/docs` : '',
      '',
    ]
      .filter((l, i, all) => l !== '' || i === 0 || i === all.length - 1)
      .join('\n'),
  );
}

/** The version reported by /api/health/ready when not started through npm. */
function packageVersion(): string | undefined {
  try {
    return (JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8')) as { version?: string }).version;
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const version = packageVersion();
  if (version && !process.env['CHARTDESK_VERSION']) process.env['CHARTDESK_VERSION'] = version;
  const [command = 'serve', ...args] = process.argv.slice(2);
  if (command === 'serve') return serve();
  const run = COMMANDS[command];
  if (!run) {
    console.error(usage());
    process.exitCode = 2;
    return;
  }
  process.exitCode = await run(loadConfig(), args);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`${error.message}\nFix the variable(s) above and start again.`);
  } else {
    console.error('ChartDesk failed to start:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
