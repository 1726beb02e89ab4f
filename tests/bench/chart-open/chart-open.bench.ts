import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DemoChartGenerator, FieldCipherProvider, RecordStore, bulkInsertCharts } from '@chartdesk/api-records';
import { DataSource } from 'typeorm';
import { REPO_ROOT, freePort } from '../../support/app-process';
import { createUser } from '../../support/auth';
import { type TestApp, createTestApp } from '../../support/test-app';
import { type TestDatabase, createTestDatabase } from '../../support/test-database';
import { progress, reportBench } from '../support/report';

const run = promisify(execFile);
const CONNECTIONS = 32;
const POOL = 16;
const SECONDS = Number(process.env['CHART_OPEN_BENCH_SECONDS'] ?? 10);
const ENCOUNTERS = Number(process.env['CHART_OPEN_BENCH_ENCOUNTERS'] ?? 20_000);
const ASSIGNED = 200;

interface Load {
  reqPerSec: number;
  p99Ms: number;
  p50Ms: number;
  total: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

/** autocannon in its own process, so the load generator never shares the server's event loop. */
async function load(baseUrl: string, token: string, paths: string[], seconds: number): Promise<Load> {
  const { stdout } = await run(
    process.execPath,
    [
      join(__dirname, 'autocannon-runner.js'),
      JSON.stringify({ baseUrl, token, paths, connections: CONNECTIONS, seconds }),
    ],
    { maxBuffer: 1 << 20 },
  );
  const result = JSON.parse(stdout) as Load;
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`load run had failures: ${stdout}`);
  return result;
}

/** Each side runs as its own process (ts-node), like production, never inside jest's module sandbox. */
async function startServer(env: Record<string, string>): Promise<{ baseUrl: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const profile = process.env['CHART_OPEN_PROFILE_DIR'];
  const child: ChildProcess = spawn(
    process.execPath,
    [
      ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []),
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
      join(__dirname, 'chart-server.ts'),
    ],
    {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        TS_NODE_PROJECT: join(REPO_ROOT, 'tests/tsconfig.json'),
        TS_NODE_BASEURL: REPO_ROOT,
        PORT: String(port),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bench server not ready in 180 s:\n${out}`)), 180_000);
    const onData = (d: Buffer): void => {
      out += d.toString();
      if (out.includes('READY')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`bench server exited with ${code}:\n${out}`));
    });
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGINT');
      await exited;
    },
  };
}

const ROUNDS = Number(process.env['CHART_OPEN_BENCH_ROUNDS'] ?? 3);

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

const round = (n: number): number => Math.round(n * 1000) / 1000;

describe('chart-open benchmark (B1 framework overhead, B2 audit cost)', () => {
  let db: TestDatabase;
  let setup: TestApp | undefined;
  // One data folder for every app process, so they share the token-signing and encryption keys.
  const dataDir = mkdtempSync(join(tmpdir(), 'chartdesk-bench-chart-'));

  beforeAll(async () => {
    db = await createTestDatabase('chartdesk_bench_chart');
    if (!db.url) throw new Error('This benchmark needs the PostgreSQL server (server mode).');
  });
  afterAll(async () => {
    await setup?.close();
    await db?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints same-run ratios', async () => {
    const env = {
      DATABASE_URL: db.url ?? '',
      DB_POOL_SIZE: String(POOL),
      ACCESS_TOKEN_TTL_SECONDS: '3600',
      SESSION_IDLE_SECONDS: '3600',
      CHARTDESK_DATA_DIR: dataDir,
    };
    setup = await createTestApp(env);
    const ds = setup.app.get(DataSource);
    const cipher = setup.app.get(FieldCipherProvider).cipher;
    progress(`seeding ${ENCOUNTERS} synthetic encounters`);
    const generator = new DemoChartGenerator();
    const written: { encounterId: string }[] = [];
    for (let from = 0; from < ENCOUNTERS; from += 2000) {
      const batch = [...generator.charts(Math.min(2000, ENCOUNTERS - from), from)].map((c, i) => ({
        ...c,
        // Bench charts carry no labels so the coder is cleared for all of them.
        encounter: { ...c.encounter, labels: [] as never[], encounterNumber: `B${from + i}` },
        patient: { ...c.patient, mrn: `B${from + i}`, isVip: false, isEmployee: false },
        documents: c.documents.map((d) => ({ ...d, labels: [] as never[] })),
      }));
      written.push(...(await ds.transaction((m) => bulkInsertCharts(m, cipher, batch))));
    }
    await ds.query('ANALYZE');
    const coder = await createUser(setup.app, { role: 'CODER' });
    const claims = JSON.parse(Buffer.from(coder.accessToken.split('.')[1] ?? '', 'base64url').toString()) as {
      sid: string;
    };
    const picked = written.filter((_, i) => i % Math.floor(ENCOUNTERS / ASSIGNED) === 0).slice(0, ASSIGNED);
    await ds.transaction(async (m) => {
      const store = new RecordStore(m, cipher);
      for (const w of picked) await store.assign(w.encounterId, coder.user.id, null);
    });
    const paths = picked.map((w) => `/api/charts/${w.encounterId}`);
    const check = await setup.app.inject({
      method: 'GET',
      url: paths[0] ?? '',
      headers: { authorization: `Bearer ${coder.accessToken}` },
    });
    expect(check.statusCode).toBe(200);
    await setup.close();
    setup = undefined;

    const token = coder.accessToken;
    const rawEnv = { ...env, MODE: 'raw', BENCH_USER_ID: coder.user.id, BENCH_SESSION_ID: claims.sid };
    // All three servers run side by side; the load visits them in turn, round after round, and each
    // ratio is taken within a round, so a change in machine load (this box is shared) hits both sides alike.
    const servers = {
      ours: await startServer({ ...env, MODE: 'app' }),
      raw: await startServer(rawEnv),
      // B2 prices the audit insert on the baseline: the same statements with and without it.
      quiet: await startServer({ ...rawEnv, RAW_AUDIT: 'false' }),
    };
    const rounds: { ours: Load; raw: Load; quiet: Load }[] = [];
    try {
      for (const s of Object.values(servers)) await load(s.baseUrl, token, paths, 2);
      for (let r = 0; r < ROUNDS; r++) {
        const ours = await load(servers.ours.baseUrl, token, paths, SECONDS);
        const raw = await load(servers.raw.baseUrl, token, paths, SECONDS);
        const quiet = await load(servers.quiet.baseUrl, token, paths, SECONDS);
        progress(
          `round ${r + 1}: ours ${ours.reqPerSec} req/s, raw ${raw.reqPerSec}, raw without audit ${quiet.reqPerSec}`,
        );
        rounds.push({ ours, raw, quiet });
      }
    } finally {
      for (const s of Object.values(servers)) await s.stop();
    }
    const b1 = median(rounds.map((r) => r.ours.reqPerSec / r.raw.reqPerSec));
    const b2 = median(rounds.map((r) => r.raw.reqPerSec / r.quiet.reqPerSec));
    const side = (pick: (r: (typeof rounds)[number]) => Load) => ({
      reqPerSec: median(rounds.map((r) => pick(r).reqPerSec)),
      p99Ms: median(rounds.map((r) => pick(r).p99Ms)),
      p50Ms: median(rounds.map((r) => pick(r).p50Ms)),
    });
    const stack = side((r) => r.ours);
    const baseline = side((r) => r.raw);
    const noAudit = side((r) => r.quiet);
    reportBench('chart-open', {
      encounters: ENCOUNTERS,
      connections: CONNECTIONS,
      seconds: SECONDS,
      rounds: ROUNDS,
      note: 'medians over rounds; each ratio is taken within one round',
      perRound: rounds.map((r) => ({ ours: r.ours.reqPerSec, raw: r.raw.reqPerSec, rawAuditOff: r.quiet.reqPerSec })),
      b1: {
        ours: { reqPerSec: stack.reqPerSec, p99Ms: stack.p99Ms, p50Ms: stack.p50Ms },
        rawNodeHttpPg: { reqPerSec: baseline.reqPerSec, p99Ms: baseline.p99Ms, p50Ms: baseline.p50Ms },
        ratio: round(b1),
        target: 0.6,
        met: b1 >= 0.6,
      },
      b2: {
        note: 'the audit insert priced on the raw baseline: identical statements with and without it',
        auditOn: { reqPerSec: baseline.reqPerSec, p99Ms: baseline.p99Ms },
        auditOff: { reqPerSec: noAudit.reqPerSec, p99Ms: noAudit.p99Ms },
        ratio: round(b2),
        target: 0.7,
        met: b2 >= 0.7,
      },
    });
    expect(rounds.every((r) => r.ours.total > 0 && r.raw.total > 0 && r.quiet.total > 0)).toBe(true);
  });
});
