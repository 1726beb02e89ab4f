import { type TestApp, createTestApp } from '../support/test-app';

describe('API foundation (real AppModule, real PostgreSQL)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('is ready with the database up, in server mode', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health/ready' });
    expect(res.statusCode).toBe(200);
    // The app reaches the database by URL either way (a server, or the fallback PGlite's socket).
    expect(res.json()).toMatchObject({ status: 'ready', database: { mode: 'server', up: true } });
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('answers an unknown route with a JSON 404 and no stack trace', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/does-not-exist' });
    expect(res.statusCode).toBe(404);
    const body = res.json();
    expect(body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: expect.any(String),
      requestId: res.headers['x-request-id'],
      // every 404 answers alike, an unknown route included (identical refusals)
      code: 'NOT_FOUND',
    });
    expect(res.body).not.toMatch(/at \w+ \(|\.ts:\d+|node_modules/);
  });

  it('answers a malformed JSON body with a JSON 400 and no stack trace', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/health/live',
      headers: { 'content-type': 'application/json' },
      payload: '{"broken":',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      statusCode: 400,
      error: 'Bad Request',
      message: expect.stringMatching(/not valid JSON/),
    });
    expect(res.body).not.toMatch(/at \w+ \(|\.ts:\d+|node_modules/);
  });

  it('refuses a body over the size limit with 413', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/health/live',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ pad: 'x'.repeat(t.config.bodyLimitBytes + 10) }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ statusCode: 413 });
  });

  it('sets the security headers on every answer', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health/live' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toContain('max-age=');
  });

  it('has applied the migrations', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health/ready' });
    expect(res.statusCode).toBe(200);
  });
});
