import { CSRF_COOKIE } from '@chartdesk/contracts';

/** The double-submit CSRF value the server set; readable by our page only (same origin). */
export function readCsrfCookie(cookieHeader: string = document.cookie): string | null {
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === CSRF_COOKIE) return part.slice(eq + 1).trim() || null;
  }
  return null;
}
