import { findUnsafeString, jsonTextDepth, unsafeStringReason } from './unsafe-input';

describe('unsafe input checks', () => {
  it('refuses NUL and lone surrogates but accepts paired surrogates and ordinary text', () => {
    expect(unsafeStringReason('a\u0000b')).toMatch(/NUL/);
    expect(unsafeStringReason('x\uD800')).toMatch(/surrogate/);
    expect(unsafeStringReason('\uDC00x')).toMatch(/surrogate/);
    expect(unsafeStringReason('\uDC00\uD800')).toMatch(/surrogate/);
    expect(unsafeStringReason('emoji 😀 é ü 中')).toBeNull();
    expect(unsafeStringReason('')).toBeNull();
  });

  it('finds an unsafe string anywhere in a value, keys included, and names its path', () => {
    expect(findUnsafeString({ a: [1, { b: 'ok' }, { c: 'x\u0000' }] }, 'body')).toEqual({
      path: 'body.a[2].c',
      reason: 'contains a NUL character',
    });
    expect(findUnsafeString({ ['k\uD800']: 1 }, 'query')?.path).toBe('query (a key)');
    expect(findUnsafeString({ a: ['fine', null, 3, true] }, 'body')).toBeNull();
  });

  it('measures JSON depth without parsing, ignoring brackets inside strings', () => {
    expect(jsonTextDepth('{"a":[1,{"b":2}]}', 100)).toBe(3);
    expect(jsonTextDepth('{"a":"[[[[[[\\"[[["}', 100)).toBe(1);
    expect(jsonTextDepth('[]', 100)).toBe(1);
    expect(jsonTextDepth('"x"', 100)).toBe(0);
    expect(jsonTextDepth('['.repeat(20_000) + ']'.repeat(20_000), 64)).toBe(65);
  });
});
