import { APP_CONFIG, type AppConfig, DomainError } from '@chartdesk/api-platform';
import { Inject, Injectable } from '@nestjs/common';
import { argon2id, hash, needsRehash, verify } from 'argon2';
import { normalizePassword } from './password-policy';
import { Semaphore } from './semaphore';

/** OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane. */
export const ARGON2_PARAMS = { type: argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

@Injectable()
export class PasswordHasher {
  private readonly gate: Semaphore;
  /** Verified against for unknown usernames, so their answer takes as long as a real one. */
  private dummyHash: Promise<string> | undefined;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.gate = new Semaphore(config.passwordHashConcurrency, 200);
  }

  async hash(password: string): Promise<string> {
    return referenceParamOrder(await this.gated(() => hash(normalizePassword(password), ARGON2_PARAMS)));
  }

  async verify(stored: string, password: string): Promise<boolean> {
    return this.gated(async () => {
      try {
        return await verify(stored, normalizePassword(password));
      } catch {
        return false;
      }
    });
  }

  /** Burns the same time as a real verification. */
  async verifyNothing(password: string): Promise<false> {
    this.dummyHash ??= hash('not a real password, only for timing', ARGON2_PARAMS);
    await this.verify(await this.dummyHash, password);
    return false;
  }

  needsRehash(stored: string): boolean {
    return needsRehash(stored, ARGON2_PARAMS);
  }

  private async gated<T>(work: () => Promise<T>): Promise<T> {
    const result = await this.gate.run(async () => ({ value: await work() }));
    if (result === null) throw new DomainError('RATE_LIMITED', 'The service is busy. Try again in a moment.');
    return result.value;
  }
}

/**
 * node-argon2 writes the PHC parameters alphabetically (m,p,t); the reference
 * libargon2 encoding, which other implementations read and write, is m,t,p.
 * Store the reference form; verification parses either order.
 */
export function referenceParamOrder(encoded: string): string {
  return encoded.replace(/^(\$argon2id\$v=\d+)\$m=(\d+),p=(\d+),t=(\d+)\$/, '$1$m=$2,t=$4,p=$3$');
}
