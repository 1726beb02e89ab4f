import { seedDemoCodeSets } from '@chartdesk/api-codesets';
import { CodePaths, type CodeSearchHit, type Role, apiUrl } from '@chartdesk/contracts';
import { DataSource } from 'typeorm';
import { type TestUser, authHeader, createUserPerRole } from '../../support/auth';
import { type TestApp, createTestApp } from '../../support/test-app';

describe('code search (real AppModule, demo code sets)', () => {
  let t: TestApp;
  let users: Record<Role, TestUser>;

  const search = async (query: Record<string, string>, role: Role = 'CODER') => {
    const res = await t.app.inject({
      method: 'GET',
      url: apiUrl(CodePaths.search),
      query: { dos: '2026-03-15', ...query },
      headers: authHeader(users[role].accessToken),
    });
    return res;
  };
  const hits = async (query: Record<string, string>): Promise<CodeSearchHit[]> => {
    const res = await search(query);
    expect(res.statusCode).toBe(200);
    return res.json<{ results: CodeSearchHit[] }>().results;
  };

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoCodeSets(t.app.get(DataSource));
    users = await createUserPerRole(t.app);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('puts the exact code first, with the dot, whether or not the dot was typed', async () => {
    for (const q of ['J18.9', 'j189']) {
      const [first] = await hits({ q });
      expect(first).toEqual({
        system: 'ICD10CM',
        code: 'J189',
        displayCode: 'J18.9',
        description: 'Pneumonia, unspecified organism',
        billable: true,
        match: 'exact',
      });
    }
  });

  it('ranks exact code, then prefix matches with billable codes before headers', async () => {
    const results = await hits({ q: 'E11.6' });
    expect(results[0]).toMatchObject({ code: 'E116', match: 'exact', billable: false });
    const rest = results.slice(1);
    expect(rest.length).toBeGreaterThan(3);
    expect(rest.every((r) => r.match === 'prefix' && r.code.startsWith('E116'))).toBe(true);
    const firstHeader = rest.findIndex((r) => !r.billable);
    if (firstHeader >= 0) expect(rest.slice(firstHeader).every((r) => !r.billable)).toBe(true);
  });

  it('finds words in any order and as prefixes, billable codes first', async () => {
    const a = await hits({ q: 'neck femur fracture', limit: '50' });
    const b = await hits({ q: 'fract femur neck', limit: '50' });
    expect(a.length).toBeGreaterThan(0);
    expect(b.map((r) => r.code).sort()).toEqual(a.map((r) => r.code).sort());
    expect(a.every((r) => r.match === 'words' && /femur/i.test(r.description) && /neck/i.test(r.description))).toBe(
      true,
    );
    const pneumonia = await hits({ q: 'pneumonia' });
    expect(pneumonia.map((r) => r.code)).toContain('J189');
    expect(pneumonia[0].description).toMatch(/^Pneumonia/);
    const firstHeader = pneumonia.findIndex((r) => !r.billable);
    expect(firstHeader).toBeGreaterThan(0);
    expect(pneumonia.slice(firstHeader).every((r) => !r.billable)).toBe(true);
  });

  it('filters by system and narrows a code prefix by words', async () => {
    const pcs = await hits({ q: 'appendix', system: 'ICD10PCS' });
    expect(pcs.length).toBeGreaterThan(0);
    expect(pcs.every((r) => r.system === 'ICD10PCS')).toBe(true);
    const narrowed = await hits({ q: 'E11 neuropathy' });
    expect(narrowed.length).toBeGreaterThan(0);
    expect(narrowed.every((r) => r.code.startsWith('E11') && /neuropathy/i.test(r.description))).toBe(true);
    const hcpcs = await hits({ q: 'J1100' });
    expect(hcpcs[0]).toMatchObject({ system: 'HCPCS', code: 'J1100', match: 'exact' });
    const cpt = await hits({ q: '99213' });
    expect(cpt[0]).toMatchObject({ system: 'CPT', code: '99213' });
    expect(cpt[0].description).toMatch(/^Demo label:/);
  });

  it('answers only from releases covering the date of service', async () => {
    expect(await hits({ q: 'J18.9', dos: '2024-06-01' })).toEqual([]);
    expect((await hits({ q: 'J18.9', dos: '2025-10-01' }))[0]?.code).toBe('J189');
  });

  it('refuses bad input with a 400 and field errors', async () => {
    for (const query of [
      { q: '' },
      { q: 'x', limit: '0' },
      { q: 'x', limit: '51' },
      { q: 'x', system: 'SNOMED' },
      { q: 'x', dos: '2026-13-45' },
      { q: 'x', extra: '1' },
    ]) {
      const res = await search(query);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ statusCode: 400, fieldErrors: expect.any(Object) });
    }
  });

  it('cannot be steered into full-text query syntax', async () => {
    const res = await search({ q: "heart' | !:* & (fail" });
    expect(res.statusCode).toBe(200);
  });

  it('is for coders and supervisors only', async () => {
    expect((await search({ q: 'J18' }, 'SUPERVISOR')).statusCode).toBe(200);
    expect((await search({ q: 'J18' }, 'COMPLIANCE')).statusCode).toBe(403);
    expect((await search({ q: 'J18' }, 'ADMIN')).statusCode).toBe(403);
    const anonymous = await t.app.inject({ method: 'GET', url: apiUrl(CodePaths.search), query: { q: 'J18' } });
    expect(anonymous.statusCode).toBe(401);
  });
});
