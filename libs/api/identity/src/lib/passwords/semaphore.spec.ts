import { Semaphore } from './semaphore';

describe('Semaphore', () => {
  it('never runs more than the limit at once and runs every queued job', async () => {
    const s = new Semaphore(2, 10);
    let running = 0;
    let peak = 0;
    const job = async (): Promise<number> => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 5));
      running -= 1;
      return 1;
    };
    const results = await Promise.all(Array.from({ length: 7 }, () => s.run(job)));
    expect(results).toEqual([1, 1, 1, 1, 1, 1, 1]);
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
