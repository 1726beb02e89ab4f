import type { Actor } from '@chartdesk/api-platform';
import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { Clock } from '../clock';
import { IDENTITY_KEYS, type IdentityKeys } from '../keys/identity-keys';
import { SessionService } from '../sessions/session.service';
import {
  ACCESS_TOKEN_ALG,
  ACCESS_TOKEN_AUDIENCE,
  ACCESS_TOKEN_ISSUER,
  parseAccessClaims,
} from './access-token.service';

export const JWT_STRATEGY = 'jwt';

/**
 * Bearer access tokens: signature with the one pinned algorithm (so `none`
 * and HS256-with-the-public-key are refused), iss, aud and exp by
 * jsonwebtoken; then token type and claim shapes; then the live session and
 * user, so a token outlives neither.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, JWT_STRATEGY) {
  constructor(
    @Inject(IDENTITY_KEYS) keys: IdentityKeys,
    private readonly sessions: SessionService,
    private readonly clock: Clock,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A parsed KeyObject (jsonwebtoken accepts one; passport-jwt's types only name strings and
      // buffers): parsing the PEM on every request cost ~5% of the chart-open CPU profile.
      secretOrKey: keys.jwtPublicKey as unknown as string,
      algorithms: [ACCESS_TOKEN_ALG],
      issuer: ACCESS_TOKEN_ISSUER,
      audience: ACCESS_TOKEN_AUDIENCE,
      ignoreExpiration: false,
    });
  }

  async validate(payload: unknown): Promise<Actor | false> {
    const claims = parseAccessClaims(payload);
    if (!claims) return false;
    // Also against our clock, so time-travel tests and wall-clock checks agree.
    if (claims.exp * 1000 <= this.clock.nowMs()) return false;
    const actor = await this.sessions.resolveActor(claims.sub, claims.sid, claims.role);
    return actor ?? false;
  }
}
