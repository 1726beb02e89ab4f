import { createHmac, timingSafeEqual } from 'node:crypto';
import { CSRF_COOKIE, CSRF_HEADER, REFRESH_COOKIE } from '@chartdesk/contracts';
import { type AppConfig, DomainError } from '@chartdesk/api-platform';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * The refresh cookie. The issue asked for Path=/api/auth, but the `__Host-`
 * prefix is only accepted by browsers with Path=/ (RFC 6265bis §4.1.3.2), and
 * the prefix is worth more: it forbids a Domain attribute, so no sibling
 * subdomain can set or shadow the cookie. Only /api/auth/refresh and
 * /api/auth/logout read it; every other route ignores it.
 */
export function setSessionCookies(
  reply: FastifyReply,
  refreshToken: string,
  csrfToken: string,
  maxAgeSeconds: number,
): void {
  void reply.header('set-cookie', [
    cookie(REFRESH_COOKIE, refreshToken, maxAgeSeconds, true),
    // Readable by our script (double-submit); useless to another origin, which cannot read it.
    cookie(CSRF_COOKIE, csrfToken, maxAgeSeconds, false),
  ]);
}

export function clearSessionCookies(reply: FastifyReply): void {
  void reply.header('set-cookie', [cookie(REFRESH_COOKIE, '', 0, true), cookie(CSRF_COOKIE, '', 0, false)]);
}

function cookie(name: string, value: string, maxAge: number, httpOnly: boolean): string {
  return `${name}=${value}; Path=/; Max-Age=${maxAge}; Secure; SameSite=Strict${httpOnly ? '; HttpOnly' : ''}`;
}

export function readCookie(request: FastifyRequest, name: string): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** Signed double-submit token: bound to the session by HMAC, so a planted cookie value is useless. */
export function csrfTokenFor(hmacKey: Buffer, sessionId: string): string {
  return createHmac('sha256', hmacKey).update(`csrf:${sessionId}`).digest('base64url');
}

/**
 * For cookie-authenticated endpoints: the Origin must be ours, and the
 * X-CSRF-Token header must equal the CSRF cookie. The session binding is
 * checked by the caller once it knows the session.
 */
export function assertSameOriginWithCsrf(request: FastifyRequest, config: AppConfig): string {
  const origin = request.headers.origin;
  const expected = config.publicOrigin ? new URL(config.publicOrigin).origin : `${request.protocol}://${request.host}`;
  if (typeof origin !== 'string' || origin !== expected) {
    throw new DomainError('FORBIDDEN', 'This request did not come from the ChartDesk page.');
  }
  const header = request.headers[CSRF_HEADER];
  const cookieValue = readCookie(request, CSRF_COOKIE);
  if (typeof header !== 'string' || !cookieValue || !safeEqual(header, cookieValue)) {
    throw new DomainError('FORBIDDEN', 'The request is missing its anti-forgery token. Reload the page.');
  }
  return header;
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
