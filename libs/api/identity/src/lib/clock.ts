import { Injectable } from '@nestjs/common';

/**
 * The time identity decisions are made at (idle and absolute session limits,
 * lockouts, TOTP steps). Injected so tests can move it forward.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }

  nowMs(): number {
    return this.now().getTime();
  }
}
