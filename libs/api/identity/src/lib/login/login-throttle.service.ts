import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../clock';
import { secondsUntilAllowed, throttleAfterFailure } from './throttle-policy';

/**
 * Per-username failure counters in PostgreSQL, so every API instance sees the
 * same count. Unknown usernames are counted exactly like real ones.
 */
@Injectable()
export class LoginThrottleService {
  constructor(private readonly clock: Clock) {}

  /** Seconds the caller must wait before this username may try again (0: go ahead). */
  async waitSeconds(manager: EntityManager, key: string): Promise<number> {
    const rows = (await manager.query('SELECT not_before, locked_until FROM login_throttle WHERE username_key = $1', [
      key,
    ])) as { not_before: Date | null; locked_until: Date | null }[];
    const row = rows[0];
    return row
      ? secondsUntilAllowed({ notBefore: row.not_before, lockedUntil: row.locked_until }, this.clock.now())
      : 0;
  }

  /** Counts one failure (password or second factor); returns the count and whether it just locked. */
  async recordFailure(manager: EntityManager, key: string): Promise<{ failures: number; justLocked: boolean }> {
    const now = this.clock.now();
    const rows = (await manager.query(
      `INSERT INTO login_throttle (username_key, consecutive_failures, updated_at) VALUES ($1, 1, $2)
       ON CONFLICT (username_key) DO UPDATE
         SET consecutive_failures = login_throttle.consecutive_failures + 1, updated_at = $2
       RETURNING consecutive_failures`,
      [key, now],
    )) as { consecutive_failures: number }[];
    const failures = rows[0]?.consecutive_failures ?? 1;
    const state = throttleAfterFailure(failures, now);
    await manager.query('UPDATE login_throttle SET not_before = $2, locked_until = $3 WHERE username_key = $1', [
      key,
      state.notBefore,
      state.lockedUntil,
    ]);
    return { failures, justLocked: state.justLocked };
  }

  /** A completed sign-in, or an administrator's unlock, clears the counter. */
  async clear(manager: EntityManager, key: string): Promise<void> {
    await manager.query('DELETE FROM login_throttle WHERE username_key = $1', [key]);
  }

  async isLocked(manager: EntityManager, key: string): Promise<boolean> {
    return (await this.waitSeconds(manager, key)) > 60;
  }
}
