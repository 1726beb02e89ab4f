import { isHashedAsset } from './spa-static';
import { cspHeaderValue } from './security-headers';

describe('static asset caching', () => {
  it('treats Angular hashed bundles as immutable and index.html as not', () => {
    expect(isHashedAsset('/main-HBNEX4QK.js')).toBe(true);
    expect(isHashedAsset('/styles-5INURTSO.css')).toBe(true);
    expect(isHashedAsset('/index.html')).toBe(false);
    expect(isHashedAsset('/favicon.ico')).toBe(false);
    expect(isHashedAsset('/chunk-B-UkM127.js')).toBe(true);
  });
});

describe('cspHeaderValue', () => {
  it('allows only same-origin scripts and nonce-stamped styles', () => {
    const csp = cspHeaderValue('abc');
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self' 'nonce-abc'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
  });
});
