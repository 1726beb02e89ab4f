import { DomainError } from '@chartdesk/api-platform';
import { BIGINT_ID, TIMESTAMP_KEY, decodeCursor as decode, encodeCursor } from './keyset-cursor';

const decodeCursor = (scope: string, cursor: string | undefined) => decode(scope, cursor, TIMESTAMP_KEY, BIGINT_ID);

describe('keyset cursor', () => {
  it('round-trips a position within its scope', () => {
    const c = encodeCursor('denials:desc', { key: '2026-11-01T10:00:00.123456Z', id: '42' });
    expect(decodeCursor('denials:desc', c)).toEqual({ key: '2026-11-01T10:00:00.123456Z', id: '42' });
  });

  it('refuses a cursor from another listing or direction', () => {
    const c = encodeCursor('denials:desc', { key: '2026-11-01T10:00:00.123456Z', id: '1' });
    expect(() => decodeCursor('denials:asc', c)).toThrow(DomainError);
  });

  it('refuses garbage with a validation error', () => {
    expect(() => decodeCursor('x', 'not-base64-json')).toThrow(DomainError);
    expect(() => decodeCursor('x', Buffer.from('{"a":1}').toString('base64url'))).toThrow(DomainError);
  });

  it('refuses a cursor whose key or id is not the expected shape', () => {
    expect(() => decodeCursor('x', encodeCursor('x', { key: "1'; DROP TABLE t; --", id: '1' }))).toThrow(DomainError);
    expect(() => decodeCursor('x', encodeCursor('x', { key: '2026-11-01T10:00:00.123456Z', id: '1 OR 1=1' }))).toThrow(
      DomainError,
    );
  });

  it('treats a missing cursor as the first page', () => {
    expect(decodeCursor('x', undefined)).toBeNull();
    expect(decodeCursor('x', '')).toBeNull();
  });
});
