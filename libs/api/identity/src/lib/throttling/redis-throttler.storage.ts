import { APP_CONFIG, type AppConfig } from '@chartdesk/api-platform';
import { Inject, Injectable, Logger, Module, type OnModuleDestroy } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { Redis } from 'ioredis';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/** Fixed window: count the hit and start the window's expiry on its first hit, atomically. */
const INCREMENT = `
local hits = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {hits, ttl}`;

/**
 * Per-IP sign-in counters shared by every API instance through Redis, so N
 * instances behind a load balancer throttle as one. Without REDIS_URL the
 * throttler keeps its default in-memory storage (single instance).
 */
@Injectable()
export class RedisThrottlerStorage implements ThrottlerStorage, OnModuleDestroy {
  private readonly logger = new Logger(RedisThrottlerStorage.name);
  readonly redis: Redis | null;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.redis = config.redisUrl ? new Redis(config.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2 }) : null;
    this.redis?.on('error', (e: Error) => this.logger.warn(`Redis: ${e.message}`));
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    if (!this.redis) throw new Error('RedisThrottlerStorage used without REDIS_URL');
    const base = `chartdesk:throttle:${throttlerName}:${key}`;
    const blockedFor = await this.redis.pttl(`${base}:blocked`);
    if (blockedFor > 0) {
      const s = Math.ceil(blockedFor / 1000);
      return { totalHits: limit + 1, timeToExpire: s, isBlocked: true, timeToBlockExpire: s };
    }
    const [hits, windowMs] = (await this.redis.eval(INCREMENT, 1, base, String(ttl))) as [number, number];
    const timeToExpire = Math.ceil(windowMs / 1000);
    if (hits > limit) {
      await this.redis.set(`${base}:blocked`, '1', 'PX', Math.max(1, blockDuration));
      return { totalHits: hits, timeToExpire, isBlocked: true, timeToBlockExpire: Math.ceil(blockDuration / 1000) };
    }
    return { totalHits: hits, timeToExpire, isBlocked: false, timeToBlockExpire: 0 };
  }

  async onModuleDestroy(): Promise<void> {
    await this.redis?.quit().catch(() => undefined);
  }
}

@Module({ providers: [RedisThrottlerStorage], exports: [RedisThrottlerStorage] })
export class ThrottlerStorageModule {}
