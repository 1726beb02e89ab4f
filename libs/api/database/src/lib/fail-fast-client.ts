import { Client } from 'pg';

/**
 * A pg Client that gives up its connection when a statement got no answer in
 * time (pg's client-side `query_timeout`). Without this, the timed-out
 * statement stays active on the socket: the ROLLBACK that follows queues
 * behind it and the pool hands the stuck connection to the next request, so a
 * paused server hangs every request for the whole outage. Destroying the
 * socket makes pg-pool drop the client; a fresh connection replaces it once
 * the server answers again.
 */
export class FailFastClient extends Client {
  // pg's query() has many overloads (promise, callback, submittable); this passes every form through.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const last = args[args.length - 1];
    if (typeof last === 'function') {
      args[args.length - 1] = (err: unknown, res: unknown) => {
        this.dropIfStalled(err);
        (last as (e: unknown, r: unknown) => void)(err, res);
      };
    }
    const result: unknown = (Client.prototype.query as (...a: unknown[]) => unknown).apply(this, args);
    if (result instanceof Promise) {
      result.catch((err: unknown) => this.dropIfStalled(err));
    }
    return result;
  }

  private dropIfStalled(err: unknown): void {
    if (err instanceof Error && err.message === 'Query read timeout') {
      (this as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
    }
  }
}
