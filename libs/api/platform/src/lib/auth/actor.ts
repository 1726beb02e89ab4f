import type { Role, SensitivityLabel } from '@chartdesk/contracts';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/**
 * The signed-in caller, as the JWT strategy (libs/api/identity) resolves it on
 * every request from the live session and user row — never from token claims alone.
 */
export interface Actor {
  readonly userId: string;
  readonly username: string;
  readonly role: Role;
  readonly sessionId: string;
  readonly teamId: string | null;
  readonly clearances: readonly SensitivityLabel[];
}

/** Where a request came from, for audit events. */
export interface RequestMeta {
  readonly requestId: string;
  readonly ip: string;
  readonly userAgent: string;
}

type RequestWithActor = FastifyRequest & { user?: Actor };

export function requestMetaOf(request: FastifyRequest): RequestMeta {
  const ua = request.headers['user-agent'];
  return {
    requestId: String(request.id),
    ip: request.ip,
    // Bounded: a user agent is attacker-controlled text that ends up in the audit table.
    userAgent: (Array.isArray(ua) ? ua.join(' ') : (ua ?? '')).slice(0, 512),
  };
}

/** `@CurrentActor() actor: Actor` — only on routes behind the auth guard. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const request = ctx.switchToHttp().getRequest<RequestWithActor>();
  if (!request.user) throw new Error('CurrentActor used on a route without an authenticated actor');
  return request.user;
});

/** `@ReqMeta() meta: RequestMeta` — request id, ip and user agent for audit events. */
export const ReqMeta = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): RequestMeta => requestMetaOf(ctx.switchToHttp().getRequest<FastifyRequest>()),
);
