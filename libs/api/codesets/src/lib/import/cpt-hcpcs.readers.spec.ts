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
  it('reads codes, joins continuation records and counts modifiers', async () => {
    const text = [
      'HCPC,RECID,LONG DESCRIPTION,SHORT DESCRIPTION',
      'J1100,3,"Injection, dexamethasone sodium phosphate, 1 mg",Dexamethasone sodium phos',
      'J1101,3,First part of a long description,Short',
      'J1101,4,and its continuation,',
      '25,7,Significant separately identifiable e/m service,Sig sep e/m svc',
      'BAD,3,Not a code,Bad',
    ].join('\n');
    const parsed = await readHcpcs(file('hcpcs.csv', text));
    expect(parsed.rows.map((r) => [r.code, r.longDescription])).toEqual([
      ['J1100', 'Injection, dexamethasone sodium phosphate, 1 mg'],
      ['J1101', 'First part of a long description and its continuation'],
    ]);
    expect(parsed.modifiers).toBe(1);
    expect(parsed.problems.problems).toEqual([{ line: 6, message: '"BAD" is not a HCPCS Level II code' }]);
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
