import { ROLES, type Role } from '@chartdesk/contracts';
import { APP_CONFIG, type AppConfig } from '@chartdesk/api-platform';
import { Inject, Injectable } from '@nestjs/common';
import { sign } from 'jsonwebtoken';
import { Clock } from '../clock';
import { IDENTITY_KEYS, type IdentityKeys } from '../keys/identity-keys';

/** One pinned asymmetric algorithm; the verifier accepts nothing else. */
export const ACCESS_TOKEN_ALG = 'ES256';
export const ACCESS_TOKEN_ISSUER = 'chartdesk';
export const ACCESS_TOKEN_AUDIENCE = 'chartdesk-api';
/** Carried as a claim so a token minted for another purpose cannot pass as an access token. */
export const ACCESS_TOKEN_TYPE = 'access';

export interface AccessTokenClaims {
  readonly sub: string;
  readonly role: Role;
  readonly sid: string;
  readonly typ: string;
  readonly iat: number;
  readonly exp: number;
}

@Injectable()
export class AccessTokenService {
  constructor(
    @Inject(IDENTITY_KEYS) private readonly keys: IdentityKeys,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  get ttlSeconds(): number {
    return this.config.accessTokenTtlSeconds;
  }

  issue(userId: string, role: Role, sessionId: string): string {
    const iat = Math.floor(this.clock.nowMs() / 1000);
    return sign(
      { role, sid: sessionId, typ: ACCESS_TOKEN_TYPE, iat, exp: iat + this.config.accessTokenTtlSeconds },
      this.keys.jwtPrivateKey,
      {
        algorithm: ACCESS_TOKEN_ALG,
        issuer: ACCESS_TOKEN_ISSUER,
        audience: ACCESS_TOKEN_AUDIENCE,
        subject: userId,
        header: { alg: ACCESS_TOKEN_ALG, typ: 'at+jwt' },
      },
    );
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Shape check after the signature, iss, aud and exp were verified by passport-jwt. */
export function parseAccessClaims(payload: unknown): AccessTokenClaims | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const p = payload as Record<string, unknown>;
  if (p['typ'] !== ACCESS_TOKEN_TYPE) return null;
  if (typeof p['sub'] !== 'string' || !UUID.test(p['sub'])) return null;
  if (typeof p['sid'] !== 'string' || !UUID.test(p['sid'])) return null;
  if (typeof p['role'] !== 'string' || !(ROLES as readonly string[]).includes(p['role'])) return null;
  if (typeof p['exp'] !== 'number' || typeof p['iat'] !== 'number') return null;
  return {
    sub: p['sub'],
    sid: p['sid'],
    role: p['role'] as Role,
    typ: p['typ'],
    iat: p['iat'],
    exp: p['exp'],
  };
}
