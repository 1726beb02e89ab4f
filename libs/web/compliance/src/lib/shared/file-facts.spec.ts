import { dataRows, toHex } from './file-facts';

describe('file facts', () => {
  const text = (s: string) => new TextEncoder().encode(s);

  it('counts CSV data rows without the header or the Part 2 notice', () => {
    expect(dataRows(text('h\na\nb\n'), 'csv', false)).toBe(2);
    expect(dataRows(text('notice\nh\na\n'), 'csv', true)).toBe(1);
  });

  it('counts NDJSON lines, minus the notice line', () => {
    expect(dataRows(text('{}\n{}\n{}\n'), 'ndjson', false)).toBe(3);
    expect(dataRows(text('{"notice":1}\n{}\n'), 'ndjson', true)).toBe(1);
  });

  it('writes a digest as lower-case hex', () => {
    expect(toHex(new Uint8Array([0, 15, 255]).buffer)).toBe('000fff');
  });
});
