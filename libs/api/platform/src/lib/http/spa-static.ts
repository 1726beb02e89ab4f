import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { cspHeaderValue } from './security-headers';

const NONCE_PLACEHOLDER = /__CSP_NONCE__/g;
/** Angular output names hashed files like `main-ABCD1234.js`; they never change, so cache them for a year. */
const HASHED_ASSET = /-[A-Za-z0-9_-]{8}\.(js|css|woff2?|svg|png)$/;

export function isHashedAsset(path: string): boolean {
  return HASHED_ASSET.test(path);
}

/**
 * Serves index.html for browser navigations the API does not own, stamping a
 * fresh CSP nonce into it. Returns false when the request is not such a
 * navigation, so the caller answers with a JSON 404 instead.
 */
export class SpaIndex {
  private readonly template: string | undefined;

  constructor(webDistDir: string) {
    const indexPath = join(webDistDir, 'index.html');
    this.template = existsSync(indexPath) ? readFileSync(indexPath, 'utf8') : undefined;
  }

  get available(): boolean {
    return this.template !== undefined;
  }

  serve(request: FastifyRequest, reply: FastifyReply): boolean {
    if (!this.template || request.method !== 'GET') return false;
    const path = request.url.split('?')[0] ?? '';
    if (path.startsWith('/api/') || path === '/api') return false;
    // A missing file with an extension is a real 404, not a client route.
    if (/\.[a-z0-9]+$/i.test(path)) return false;
    const nonce = randomBytes(16).toString('base64');
    void reply
      .status(200)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('content-security-policy', cspHeaderValue(nonce))
      .send(this.template.replace(NONCE_PLACEHOLDER, nonce));
    return true;
  }
}
