import { Semaphore } from './semaphore';

describe('Semaphore', () => {
  it('never runs more than the limit at once and runs every queued job', async () => {
    const s = new Semaphore(2, 10);
    let running = 0;
    let peak = 0;
    // Each job holds its slot until the test lets it go, so overlap is decided here, not by timing.
    const releases: (() => void)[] = [];
    const job = async (): Promise<number> => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise<void>((r) => releases.push(r));
      running -= 1;
      return 1;
    };
    const all = Promise.all(Array.from({ length: 7 }, () => s.run(job)));
    for (let released = 0; released < 7; released += 1) {
      await until(() => releases.length > released);
      expect(running).toBeLessThanOrEqual(2);
      releases[released]?.();
    }
    expect(await all).toEqual([1, 1, 1, 1, 1, 1, 1]);
    expect(peak).toBe(2);
    expect(s.inFlight).toBe(0);
  });

  it('refuses work beyond the queue bound instead of queueing forever', async () => {
    const s = new Semaphore(1, 1);
    let release!: () => void;
    const first = s.run(() => new Promise<void>((r) => (release = r)));
    const second = s.run(async () => 'queued');
    expect(await s.run(async () => 'overflow')).toBeNull();
    release();
    await first;
    expect(await second).toBe('queued');
  });
});

/** Lets queued promise callbacks run until `done` holds (bounded, so a broken semaphore fails instead of hanging). */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 1000 && !done(); i += 1) await Promise.resolve();
  if (!done()) throw new Error('condition not reached');
}
