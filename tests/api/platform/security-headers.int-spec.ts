import { type TestApp, createTestApp } from '../../support/test-app';

describe('security headers agree with each other', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ API_DOCS: 'true' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('forbids framing in both the CSP and X-Frame-Options', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health/live' });
    expect(String(res.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    expect(res.headers['x-frame-options']).toBe('DENY');
  });

  it('never lets the OpenAPI document be cached', async () => {
    for (const url of ['/api/docs-json', '/api/docs']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect([url, res.statusCode]).toEqual([url, 200]);
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });
});
