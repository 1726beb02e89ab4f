#!/usr/bin/env node
// Runs the benchmarks under tests/bench one at a time. Usage: npm run bench [-- <name filter>]
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const r = spawnSync(
  process.execPath,
  [
    join(root, 'node_modules/jest/bin/jest.js'),
    '-c',
    'tests/bench/jest.config.cts',
    '--runInBand',
    '--verbose',
    ...args,
  ],
  { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test' } },
);
console.log('\nResults are in tmp/bench-results/*.json');
process.exit(r.status ?? 1);
