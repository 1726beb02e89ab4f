import { Agent, request as httpRequest } from 'node:http';

/** Latency figures from a list of samples in milliseconds. */
export interface LatencyFigures {
  readonly requests: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
  readonly meanMs: number;
  readonly perSecond: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const round = (n: number): number => Math.round(n * 100) / 100;

export function figures(samples: readonly number[], wallMs: number): LatencyFigures {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    requests: sorted.length,
    p50Ms: round(percentile(sorted, 50)),
    p95Ms: round(percentile(sorted, 95)),
    p99Ms: round(percentile(sorted, 99)),
    meanMs: round(sorted.reduce((s, v) => s + v, 0) / sorted.length),
    perSecond: Math.round((sorted.length / wallMs) * 1000),
  };
}

/**
 * `clients` concurrent loops, each running `perClient` calls back to back
 * (a coder's typeahead waits for one answer before the next keystroke).
 */
export async function runClosedLoop(
  clients: number,
  perClient: number,
  call: (i: number) => Promise<void>,
): Promise<LatencyFigures> {
  const samples: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let k = 0; k < perClient; k++) {
        const t0 = performance.now();
        await call(client * perClient + k);
        samples.push(performance.now() - t0);
      }
    }),
  );
  return figures(samples, performance.now() - started);
}

/**
 * A lean keep-alive GET for load generation: the client shares the machine
 * with the server, so it should cost as little as it can (fetch costs more).
 */
export function keepAliveGetter(baseUrl: string, clients: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const { hostname, port } = new URL(baseUrl);
  const get = (path: string, headers: Record<string, string> = {}): Promise<number> =>
    new Promise((resolve, reject) => {
      const req = httpRequest({ hostname, port, path, agent, headers }, (res) => {
        res.on('data', () => undefined);
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end();
    });
  return { get, close: () => agent.destroy() };
}
