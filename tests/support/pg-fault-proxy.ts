import { type AddressInfo, type Server, type Socket, createServer, connect } from 'node:net';

/**
 * A TCP proxy in front of the real PostgreSQL server, for fault injection:
 * `kill()` drops every connection and refuses new ones (the server is gone),
 * `pause()` keeps sockets open but moves no bytes (a frozen server or a
 * network partition: TCP connects, nothing answers), `restore()` goes back to
 * passing traffic. The app under test connects through `url`.
 */
export class PgFaultProxy {
  private server: Server | null = null;
  private readonly pairs = new Set<[Socket, Socket]>();
  private paused = false;
  private port = 0;

  private constructor(
    private readonly upstreamHost: string,
    private readonly upstreamPort: number,
  ) {}

  /** `databaseUrl` is the real server's URL; the proxy's `url` is the same with its own port. */
  static async start(databaseUrl: string): Promise<PgFaultProxy & { readonly url: string }> {
    const real = new URL(databaseUrl);
    const proxy = new PgFaultProxy(real.hostname, Number(real.port || 5432));
    await proxy.listen();
    const url = new URL(databaseUrl);
    url.hostname = '127.0.0.1';
    url.port = String(proxy.port);
    return Object.assign(proxy, { url: url.toString() });
  }

  kill(): Promise<void> {
    for (const [a, b] of this.pairs) {
      a.destroy();
      b.destroy();
    }
    this.pairs.clear();
    return new Promise((resolve) => {
      if (!this.server) return resolve();
      this.server.close(() => resolve());
      this.server = null;
    });
  }

  pause(): void {
    this.paused = true;
    for (const [a, b] of this.pairs) {
      // Unpiped as well as paused: a pipe resumes its source when the destination drains.
      a.unpipe(b);
      b.unpipe(a);
      a.pause();
      b.pause();
    }
  }

  async restore(): Promise<void> {
    if (this.paused) {
      for (const [a, b] of this.pairs) {
        a.pipe(b);
        b.pipe(a);
      }
    }
    this.paused = false;
    if (!this.server) await this.listen();
  }

  async close(): Promise<void> {
    await this.kill();
  }

  private listen(): Promise<void> {
    const server = createServer((client) => {
      const upstream = connect(this.upstreamPort, this.upstreamHost);
      const pair: [Socket, Socket] = [client, upstream];
      this.pairs.add(pair);
      const drop = (): void => {
        client.destroy();
        upstream.destroy();
        this.pairs.delete(pair);
      };
      client.on('error', drop).on('close', drop);
      upstream.on('error', drop).on('close', drop);
      if (this.paused) {
        client.pause();
        upstream.pause();
      } else {
        client.pipe(upstream);
        upstream.pipe(client);
      }
    });
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      // The same port again after a kill, so the app's URL stays valid.
      server.listen(this.port, '127.0.0.1', () => {
        this.port = (server.address() as AddressInfo).port;
        resolve();
      });
    });
  }
}
