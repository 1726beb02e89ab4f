import { type CanonicalEventFields, canonicalArrayText, canonicalEventText } from './canonical-event';
import { GENESIS_HASH, chainHash } from './chain-hash';

const event: CanonicalEventFields = {
  id: '42',
  recordedAt: '2026-11-24T05:06:07.123456Z',
  stream: '3',
  seq: '17',
  action: 'CHART_VIEWED',
  outcome: 'success',
  outcomeReason: null,
  actorUserId: '0b7c4a9e-8a53-4a57-9f0e-2b1c3d4e5f60',
  actorRole: 'coder',
  sessionId: null,
  patientId: '5d1f2e3a-4b5c-4d6e-8f70-8192a3b4c5d6',
  resourceType: 'Encounter',
  resourceId: 'enc-1',
  purpose: 'assignment 9',
  ip: '10.0.0.7/32',
  userAgent: 'Mozilla/5.0 "quoted" \\ é',
  requestId: 'req-1',
  details: '{"a": 1.50, "b": "x\\ny"}',
};

describe('canonicalEventText', () => {
  it('is a compact JSON array of strings and nulls in a fixed order, as array_to_json writes it', () => {
    expect(canonicalEventText(event)).toBe(
      '["42","2026-11-24T05:06:07.123456Z","3","17","CHART_VIEWED","success",null,' +
        '"0b7c4a9e-8a53-4a57-9f0e-2b1c3d4e5f60","coder",null,"5d1f2e3a-4b5c-4d6e-8f70-8192a3b4c5d6",' +
        '"Encounter","enc-1","assignment 9","10.0.0.7/32","Mozilla/5.0 \\"quoted\\" \\\\ é","req-1",' +
        '"{\\"a\\": 1.50, \\"b\\": \\"x\\\\ny\\"}"]',
    );
  });

  it('escapes control characters the way PostgreSQL escape_json does', () => {
    expect(canonicalArrayText(['a\u0001b\tc\u001f', null])).toBe('["a\\u0001b\\tc\\u001f",null]');
  });

  it('changes when any single field changes, including null versus empty', () => {
    const base = canonicalEventText(event);
    expect(canonicalEventText({ ...event, seq: '18' })).not.toBe(base);
    expect(canonicalEventText({ ...event, outcomeReason: '' })).not.toBe(base);
    expect(canonicalEventText({ ...event, details: '{"a": 1.5, "b": "x\\ny"}' })).not.toBe(base);
  });
});

describe('chainHash', () => {
  it('is SHA-256 over the previous hash followed by the UTF-8 canonical text', () => {
    // sha256 of 32 zero bytes followed by "[]", computed independently with sha256sum.
    expect(chainHash(GENESIS_HASH, '[]').toString('hex')).toBe(
      '11066a7cd1cd81d890388c29c923c2e87817c887beff571550a653c9a574afb3',
    );
  });

  it('depends on the previous hash, so an event cannot move to another place in the chain', () => {
    const other = Buffer.alloc(32, 1);
    expect(chainHash(GENESIS_HASH, '[]').equals(chainHash(other, '[]'))).toBe(false);
  });
});
