import fc from 'fast-check';
import type { FieldShape, RouteInputs } from './route-inputs';

/** A request as `app.inject` takes it, with the URL already encoded. */
export interface FuzzRequest {
  readonly method: string;
  readonly url: string;
  readonly contentType?: string;
  readonly payload?: string;
}

/** Strings chosen to break parsers, validators, SQL and encodings. */
const NASTY_STRINGS = [
  '',
  ' ',
  '\t\n ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDFFF',
  '2026-02-30',
  '2026-13-01T25:61:00Z',
  '0000-00-00',
  '-1',
  '1e400',
  '99999999999999999999',
  '-0',
  'NaN',
  'Infinity',
  'null',
  'true',
  "' OR 1=1 --",
  '"; DROP TABLE app_user; --',
  '\\',
  '%',
  '%zz',
  '../../../etc/passwd',
  '<script>alert(1)</script>',
  '{{7*7}}',
  '${jndi:ldap://x}',
  '__proto__',
  'constructor',
  '\u202e\u0301\uFEFF',
  '😀'.repeat(50),
];

const longString = fc.integer({ min: 1_000, max: 12_000 }).map((n) => 'x'.repeat(n));

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  // 'binary' units include NUL, control characters and lone surrogates.
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: longString },
);

export const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { maxDepth: 3 },
    { weight: 5, arbitrary: hostileString },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.boolean() },
    { weight: 2, arbitrary: fc.integer() },
    { weight: 1, arbitrary: fc.constantFrom(1e308, -1e308, 2 ** 53 + 1, -1, 0, 0.5, Number.MAX_SAFE_INTEGER) },
    { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
    { weight: 1, arbitrary: fc.array(tie('value'), { maxLength: 4 }) },
    { weight: 1, arbitrary: fc.dictionary(hostileString, tie('value'), { maxKeys: 3 }) },
  ),
})).value;

const uuid = fc.uuid({ version: 4 });
const isoDate = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .chain((d) => fc.constantFrom(d.toISOString().slice(0, 10), d.toISOString()));

/** A value the field's rules would accept, or nearly (bounds are stretched a little). */
function plausible(field: FieldShape, ids: fc.Arbitrary<string>): fc.Arbitrary<unknown> {
  const r = field.rules;
  const one = (): fc.Arbitrary<unknown> => {
    if (field.nested) return objectOf(field.nested, ids);
    if (field.allowed?.length) return fc.constantFrom(...field.allowed);
    if (r.has('isUuid')) return ids;
    if (r.has('isInt') || r.has('min') || r.has('max')) {
      const min = Math.floor((field.min ?? -5) - 2);
      return fc.integer({ min, max: Math.max(min, Math.ceil(Math.min((field.max ?? 1000) + 2, 2 ** 31))) });
    }
    if (r.has('isNumber')) {
      return fc.double({ min: field.min ?? -10, max: Math.max(field.min ?? -10, field.max ?? 1000), noNaN: true });
    }
    if (r.has('isBoolean')) return fc.boolean();
    if (r.has('isIso8601') || r.has('isISO8601') || r.has('isDateString') || r.has('calendarDate')) return isoDate;
    if (r.has('isEmail')) return fc.constantFrom('pat@example.test', 'a@b', '@example.test');
    return fc.string({ maxLength: 30 });
  };
  return r.has('isArray') ? fc.array(one(), { maxLength: 5 }) : one();
}

function objectOf(fields: readonly FieldShape[], ids: fc.Arbitrary<string>): fc.Arbitrary<Record<string, unknown>> {
  const entries = fields.map((f) =>
    fc
      .oneof({ weight: 4, arbitrary: plausible(f, ids) }, { weight: 1, arbitrary: hostileValue })
      .map((v) => [f.name, v] as const),
  );
  return fc
    .tuple(
      fc.tuple(...entries.map((e) => fc.option(e, { freq: 5, nil: undefined }))),
      fc.option(fc.tuple(hostileString, hostileValue), { freq: 8, nil: undefined }),
    )
    .map(([present, extra]) => {
      const out: Record<string, unknown> = {};
      for (const e of present) if (e) out[e[0]] = e[1];
      if (extra) out[extra[0]] = extra[1];
      return out;
    });
}

/**
 * Percent-encoding that can also carry what `encodeURIComponent` refuses: a
 * lone surrogate becomes its (invalid) 3-byte sequence, as a raw client could send.
 */
export function encodeComponent(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    const next = value.charCodeAt(i + 1);
    if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      out += encodeURIComponent(value.slice(i, i + 2));
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      out += Buffer.from([0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)])
        .toString('hex')
        .replace(/(..)/g, '%$1')
        .toUpperCase();
    } else out += encodeURIComponent(value[i] ?? '');
  }
  return out;
}

const RAW_URL_PIECES = ['%', '%zz', '%E0%A4%A', '%00', '%ED%A0%80', '%C0%AF', '%2e%2e', '..', '%25', '%FF%FE'];

function pathSegment(ids: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: ids },
    { weight: 2, arbitrary: uuid },
    { weight: 2, arbitrary: hostileString.filter((s) => s.length > 0 && s.length < 500).map(encodeComponent) },
    { weight: 1, arbitrary: fc.constantFrom(...RAW_URL_PIECES) },
  );
}

function queryString(route: RouteInputs, ids: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const fields = route.query.length > 0 ? route.query : [{ name: 'q', rules: new Set<string>() }];
  return fc
    .tuple(
      objectOf(fields, ids),
      fc.option(fc.constantFrom(...RAW_URL_PIECES, 'a[b]=1', '__proto__[x]=1', '&&', '='), { freq: 6, nil: undefined }),
    )
    .map(([values, raw]) => {
      const parts: string[] = [];
      for (const [k, v] of Object.entries(values)) {
        const list = Array.isArray(v) ? v : [v];
        for (const item of list) {
          const text = typeof item === 'string' ? item : (JSON.stringify(item) ?? '');
          parts.push(`${encodeComponent(k)}=${encodeComponent(text.slice(0, 4000))}`);
        }
      }
      if (raw) parts.push(raw);
      return parts.length ? `?${parts.join('&')}` : '';
    });
}

const RAW_BODIES = ['{', '[', '"', 'nul', '{"a":', '{"a":1,}', "{'a':1}", '\u0000', '[]', '""', '0', 'null'];

function body(
  route: RouteInputs,
  ids: fc.Arbitrary<string>,
): fc.Arbitrary<Pick<FuzzRequest, 'contentType' | 'payload'>> {
  const json = (v: unknown) => ({ contentType: 'application/json', payload: JSON.stringify(v) ?? 'null' });
  const structured = route.body ? objectOf(route.body, ids) : untypedBody(ids);
  return fc.oneof(
    { weight: 8, arbitrary: structured.map(json) },
    { weight: 1, arbitrary: hostileValue.map(json) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(...RAW_BODIES).map((payload) => ({ contentType: 'application/json', payload })),
    },
    {
      weight: 1,
      arbitrary: fc
        .integer({ min: 65, max: 20_000 })
        .map((n) => ({ contentType: 'application/json', payload: '['.repeat(n) + ']'.repeat(n) })),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        { contentType: 'text/plain', payload: 'hello' },
        { contentType: 'application/x-www-form-urlencoded', payload: 'a=b&c=%00' },
        { contentType: 'application/xml', payload: '<a/>' },
        { contentType: 'application/fhir+json', payload: '{"resourceType":"Bundle"}' },
      ),
    },
  );
}

/** Bodies read untyped (FHIR import): FHIR-shaped objects with hostile members. */
function untypedBody(ids: fc.Arbitrary<string>): fc.Arbitrary<unknown> {
  const resource = fc.record({
    resourceType: fc.constantFrom('Patient', 'Encounter', 'DocumentReference', 'Condition', 'Observation', 'Bundle'),
    id: fc.oneof(ids, hostileString),
    identifier: fc.array(fc.record({ system: hostileString, value: hostileString }), { maxLength: 2 }),
    extra: hostileValue,
  });
  return fc.oneof(
    fc.record({
      resourceType: fc.constant('Bundle'),
      type: fc.constantFrom('collection', 'transaction', 'batch', 'x'),
      entry: fc.array(fc.record({ resource }), { maxLength: 4 }),
    }),
    fc.record({ bundles: fc.array(hostileValue, { maxLength: 3 }) }),
  );
}

/** Requests for one route: its method and path, generated parameters, query and body. */
export function requestsFor(route: RouteInputs, ids: fc.Arbitrary<string>): fc.Arbitrary<FuzzRequest> {
  const segments = fc.tuple(...route.pathParams.map(() => pathSegment(ids)));
  const bodyArb = route.takesBody || route.method !== 'GET' ? body(route, ids) : fc.constant({});
  return fc.tuple(segments, queryString(route, ids), bodyArb).map(([values, query, b]) => {
    let i = 0;
    const path = route.path.replace(/:[A-Za-z0-9_]+/g, () => values[i++] ?? '');
    return { method: route.method, url: path + query, ...b };
  });
}
