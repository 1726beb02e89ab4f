/**
 * Content Security Policy for the API and the Angular app it serves. Scripts
 * only from our origin; styles from our origin or carrying the per-response
 * nonce that Angular stamps on the <style> tags it injects (ngCspNonce).
 */
export function contentSecurityPolicy(styleNonce?: string): Record<string, string[]> {
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: styleNonce ? ["'self'", `'nonce-${styleNonce}'`] : ["'self'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  };
}

export function cspHeaderValue(styleNonce?: string): string {
  return Object.entries(contentSecurityPolicy(styleNonce))
    .map(([k, v]) => `${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} ${v.join(' ')}`)
    .join('; ');
}
