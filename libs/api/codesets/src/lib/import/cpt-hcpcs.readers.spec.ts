import { parseCptCsv } from './cpt.reader';
import { readHcpcs } from './hcpcs.reader';
import { splitDelimited } from './csv';

const file = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text), sha256: 'x' });

describe('CPT CSV reader', () => {
  it('reads code and descriptor columns in any order and reports bad rows', () => {
    const parsed = parseCptCsv(
      'descriptor,code\n"Demo label: visit, low",99213\nNo code,ABC\n"Repeat",99213\n',
      'cpt.csv',
    );
    expect(parsed.rows).toEqual([
      {
        code: '99213',
        billable: true,
        shortDescription: 'Demo label: visit, low',
        longDescription: 'Demo label: visit, low',
      },
    ]);
    expect(parsed.problems.problems.map((p) => p.line)).toEqual([3, 4]);
  });

  it('needs the header', () => {
    expect(() => parseCptCsv('99213,Visit\n', 'cpt.csv')).toThrow(/header/);
  });
});

describe('HCPCS reader (CSV with the CMS columns)', () => {
  it('reads codes with their termination dates, joins continuation records and reads the modifier table', async () => {
    const text = [
      'HCPC,RECID,LONG DESCRIPTION,SHORT DESCRIPTION,TERM DT',
      'J1100,3,"Injection, dexamethasone sodium phosphate, 1 mg",Dexamethasone sodium phos,',
      'J1101,3,First part of a long description,Short,',
      'J1101,4,and its continuation,,',
      '   LT,7,Left side (used to identify procedures performed on the left side of the body),Left side,',
      'A4466,3,"Garment, belt, sleeve or other covering",Elastic garment/covering,20161231',
      'BAD,3,Not a code,Bad,',
      'J1102,3,Bad date,Bad,2016-12-31',
    ].join('\n');
    const parsed = await readHcpcs(file('hcpcs.csv', text));
    expect(parsed.rows.map((r) => [r.code, r.longDescription])).toEqual([
      ['J1100', 'Injection, dexamethasone sodium phosphate, 1 mg'],
      ['J1101', 'First part of a long description and its continuation'],
      ['A4466', 'Garment, belt, sleeve or other covering'],
    ]);
    expect(parsed.rows.map((r) => r.terminatedOn)).toEqual([null, null, '2016-12-31']);
    expect(parsed.modifiers).toEqual([
      {
        modifier: 'LT',
        description: 'Left side (used to identify procedures performed on the left side of the body)',
        terminatedOn: null,
      },
    ]);
    expect(parsed.problems.problems).toEqual([
      { line: 7, message: '"BAD" is not a HCPCS Level II code' },
      { line: 8, message: 'TERM DT "2016-12-31" is not YYYYMMDD' },
    ]);
  });

  it('refuses a file without the HCPCS columns', async () => {
    await expect(readHcpcs(file('x.csv', 'code,text\nJ1100,x\n'))).rejects.toThrow(/lacks the columns/);
  });
});

describe('splitDelimited', () => {
  it('honours quotes and doubled quotes, and flags an unterminated quote', () => {
    expect(splitDelimited('a,"b, c","say ""hi""",', ',')).toEqual(['a', 'b, c', 'say "hi"', '']);
    expect(splitDelimited('a,"open', ',')).toBeUndefined();
  });
});
