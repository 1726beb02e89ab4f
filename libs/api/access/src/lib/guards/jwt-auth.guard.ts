import { DomainError, httpStatusFor, isDatabaseUnavailable } from '@chartdesk/api-platform';
import { JWT_STRATEGY } from '@chartdesk/api-identity';
import { type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { classifyRoute } from './route-classification';

/**
 * Global guard 1: every route needs a valid access token on a live session,
 * unless it is marked @Public(). Sets `request.user` to the Actor.
 */
@Injectable()
export class JwtAuthGuard extends AuthGuard(JWT_STRATEGY) {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return false;
    if (classifyRoute(this.reflector, context.getHandler(), context.getClass()).kind === 'public') return true;
    return (await super.canActivate(context)) === true;
  }

  override handleRequest<TUser>(err: unknown, user: TUser | false): TUser {
    // The session could not be looked up (the signature was already good): an outage, not a
    // sign-out. 503 keeps the browser's session; 401 would end it.
    if (isDatabaseUnavailable(err)) throw err;
    if (err instanceof DomainError && httpStatusFor(err.code) === 503) throw err;
    // One answer for every other failure (bad signature, expired, revoked…): no oracle for forgers.
    if (err || !user)
      throw new DomainError('UNAUTHENTICATED', 'Your session has ended or is not valid. Sign in again.');
    return user;
  }
}
