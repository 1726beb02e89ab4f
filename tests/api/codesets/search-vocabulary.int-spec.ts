import { seedDemoCodeSets } from '@chartdesk/api-codesets';
import {
  CodePaths,
  type CodeSearchResponse,
  type Role,
  type SearchVocabularyEntryView,
  type SearchVocabularyListResponse,
  SearchVocabularyPaths,
  apiUrl,
} from '@chartdesk/contracts';
import { DataSource } from 'typeorm';
import { type TestUser, authHeader, createUserPerRole } from '../../support/auth';
import { type TestApp, createTestApp } from '../../support/test-app';

describe('clinical search vocabulary (real AppModule, demo code sets)', () => {
  let t: TestApp;
  let users: Record<Role, TestUser>;

  const call = (method: 'GET' | 'POST' | 'PATCH', path: string, role: Role, body?: object) =>
    t.app.inject({ method, url: apiUrl(path), payload: body, headers: authHeader(users[role].accessToken) });
  const search = async (q: string): Promise<CodeSearchResponse> => {
    const res = await t.app.inject({
      method: 'GET',
      url: apiUrl(CodePaths.search),
      query: { q, dos: '2026-03-15' },
      headers: authHeader(users.CODER.accessToken),
    });
    expect(res.statusCode).toBe(200);
    return res.json<CodeSearchResponse>();
  };
  const audited = async (entryId: string): Promise<string[]> => {
    const rows = (await t.app.get(DataSource).query(
      `SELECT details->>'change' AS change FROM audit_event
          WHERE action = 'SEARCH_VOCABULARY_CHANGED' AND resource_id = $1 AND actor_user_id = $2 ORDER BY id`,
      [entryId, users.ADMIN.user.id],
    )) as { change: string }[];
    return rows.map((r) => r.change);
  };

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoCodeSets(t.app.get(DataSource));
    users = await createUserPerRole(t.app);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('ships a release of several hundred entries that loads once', async () => {
    const again = await seedDemoCodeSets(t.app.get(DataSource));
    expect(again).toContain('Search vocabulary 2026.1: unchanged');
    const res = await call('GET', `${SearchVocabularyPaths.entries}?text=esrd`, 'ADMIN');
    expect(res.statusCode).toBe(200);
    const body = res.json<SearchVocabularyListResponse>();
    expect(body.release).toBe('2026.1');
    expect(body.entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'ABBREVIATION', term: 'esrd', expansion: 'end stage renal disease' }),
      ]),
    );
    const all = (
      await call('GET', `${SearchVocabularyPaths.entries}?limit=1`, 'ADMIN')
    ).json<SearchVocabularyListResponse>();
    expect(all.total).toBeGreaterThan(500);
  });

  it('lets an admin add and disable entries, audited, and search follows at once', async () => {
    // a made-up word means nothing until an admin teaches it
    expect((await search('zzheartzz')).total).toBe(0);
    const added = await call('POST', SearchVocabularyPaths.entries, 'ADMIN', {
      kind: 'SYNONYM',
      term: 'ZZHeartZZ',
      expansion: 'Pneumonia, unspecified',
      specialty: 'test',
    });
    expect(added.statusCode).toBe(201);
    const entry = added.json<SearchVocabularyEntryView>();
    expect(entry).toMatchObject({
      term: 'zzheartzz',
      expansion: 'pneumonia unspecified',
      release: null,
      enabled: true,
    });
    expect((await search('zzheartzz')).results.map((r) => r.code)).toContain('J189');
    const duplicate = await call('POST', SearchVocabularyPaths.entries, 'ADMIN', {
      kind: 'SYNONYM',
      term: 'zzheartzz',
      expansion: 'pneumonia unspecified',
    });
    expect(duplicate.statusCode).toBe(409);

    const disabled = await call('PATCH', SearchVocabularyPaths.entry(entry.id), 'ADMIN', { enabled: false });
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json<SearchVocabularyEntryView>().enabled).toBe(false);
    expect((await search('zzheartzz')).total).toBe(0);
    expect(await audited(entry.id)).toEqual(['added', 'disabled']);
  });

  it('refuses bad input and unknown entries', async () => {
    for (const body of [
      { kind: 'NOPE', term: 'a', expansion: 'b' },
      { kind: 'SYNONYM', term: '', expansion: 'b' },
      { kind: 'SYNONYM', term: 'x<script>', expansion: 'b' },
      { kind: 'SYNONYM', term: 'same', expansion: 'same' },
      { kind: 'SYNONYM', term: 'a', expansion: 'b', extra: 1 },
    ]) {
      expect((await call('POST', SearchVocabularyPaths.entries, 'ADMIN', body)).statusCode).toBe(400);
    }
    expect(
      (await call('PATCH', SearchVocabularyPaths.entry('not-a-uuid'), 'ADMIN', { enabled: false })).statusCode,
    ).toBe(404);
    expect(
      (
        await call('PATCH', SearchVocabularyPaths.entry('00000000-0000-4000-8000-000000000000'), 'ADMIN', {
          enabled: true,
        })
      ).statusCode,
    ).toBe(404);
  });

  it('is for admins only', async () => {
    for (const role of ['CODER', 'SUPERVISOR', 'COMPLIANCE'] as const) {
      expect((await call('GET', SearchVocabularyPaths.entries, role)).statusCode).toBe(403);
      expect(
        (await call('POST', SearchVocabularyPaths.entries, role, { kind: 'SYNONYM', term: 'a b', expansion: 'c' }))
          .statusCode,
      ).toBe(403);
    }
  });
});
