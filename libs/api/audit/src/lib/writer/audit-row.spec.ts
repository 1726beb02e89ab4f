import { auditRowParameters } from './audit-row';

const USER = '0b7c4a9e-8a53-4a57-9f0e-2b1c3d4e5f60';

describe('auditRowParameters', () => {
  it('maps an event onto the INSERT columns in order', () => {
    expect(
      auditRowParameters({
        action: 'CHART_VIEWED',
        outcome: 'success',
        actor: { userId: USER.toUpperCase(), role: 'coder', sessionId: null },
        meta: { requestId: 'r1', ip: '10.0.0.1', userAgent: 'ua' },
        patientId: null,
        resourceType: 'Encounter',
        resourceId: 'e1',
        purpose: 'a1',
        details: { n: 1 },
      }),
    ).toEqual([
      'CHART_VIEWED',
      'success',
      null,
      USER,
      'coder',
      null,
      null,
      'Encounter',
      'e1',
      'a1',
      '10.0.0.1',
      'ua',
      'r1',
      '{"n":1}',
    ]);
  });

  it('bounds attacker-controlled text and drops an address that is not an IP', () => {
    const row = auditRowParameters({
      action: 'LOGIN_FAILED',
      outcome: 'denied',
      meta: { requestId: 'r', ip: 'not an ip', userAgent: 'x'.repeat(5000) },
    });
    expect(row[10]).toBeNull();
    expect((row[11] as string).length).toBe(512);
  });

  it('refuses malformed events: unknown codes, non-UUID ids, oversized or non-object details', () => {
    expect(() => auditRowParameters({ action: 'NOPE' as never, outcome: 'success' })).toThrow(/unknown action/);
    expect(() => auditRowParameters({ action: 'LOGOUT', outcome: 'maybe' as never })).toThrow(/unknown outcome/);
    expect(() =>
      auditRowParameters({
        action: 'LOGOUT',
        outcome: 'success',
        actor: { userId: 'u1', role: 'coder', sessionId: null },
      }),
    ).toThrow(/actor.userId must be a UUID/);
    expect(() =>
      auditRowParameters({ action: 'LOGOUT', outcome: 'success', details: { big: 'x'.repeat(9000) } }),
    ).toThrow(/exceed/);
    expect(() =>
      auditRowParameters({ action: 'LOGOUT', outcome: 'success', details: [] as unknown as Record<string, unknown> }),
    ).toThrow(/plain object/);
  });
});
