import { parseOrderFile } from './order-file.parser';

const line = (order: number, code: string, billable: string, short: string, long: string): string =>
  `${String(order).padStart(5, '0')} ${code.padEnd(7)} ${billable} ${short.padEnd(60)} ${long}`;

describe('parseOrderFile', () => {
  it('reads codes, billable flags and both descriptions', () => {
    const text = [
      line(1, 'J18', '0', 'Pneumonia, unsp organism', 'Pneumonia, unspecified organism'),
      line(2, 'J189', '1', 'Pneumonia, unspecified organism', 'Pneumonia, unspecified organism'),
    ].join('\r\n');
    const parsed = parseOrderFile(`${text}\r\n`, 'ICD10CM');
    expect(parsed.rows).toEqual([
      {
        code: 'J18',
        billable: false,
        shortDescription: 'Pneumonia, unsp organism',
        longDescription: 'Pneumonia, unspecified organism',
      },
      {
        code: 'J189',
        billable: true,
        shortDescription: 'Pneumonia, unspecified organism',
        longDescription: 'Pneumonia, unspecified organism',
      },
    ]);
    expect(parsed.problems.count).toBe(0);
  });

  it('reports malformed lines with their numbers and keeps going', () => {
    const text = [
      line(1, 'A000', '1', 'Cholera due to Vibrio cholerae', 'Cholera due to Vibrio cholerae 01, biovar cholerae'),
      'garbage',
      line(3, 'A001', '7', 'Bad flag', 'Bad flag'),
      line(4, '12345', '1', 'Bad code', 'Bad code'),
      line(5, 'A000', '1', 'Repeat', 'Repeat'),
      line(6, 'A009', '1', 'Cholera, unspecified', 'Cholera, unspecified'),
    ].join('\n');
    const parsed = parseOrderFile(text, 'ICD10CM');
    expect(parsed.rows.map((r) => r.code)).toEqual(['A000', 'A009']);
    expect(parsed.rowsRead).toBe(6);
    expect(parsed.problems.problems.map((p) => p.line)).toEqual([2, 3, 4, 5]);
    expect(parsed.problems.problems[1].message).toContain('column 15');
  });

  it('accepts PCS tables as headers and seven-character codes as billable', () => {
    const text = [
      line(1, '0DT', '0', 'Resection of GI system', 'Resection'),
      line(
        2,
        '0DTJ4ZZ',
        '1',
        'Resection of Appendix, Perc Endo',
        'Resection of Appendix, Percutaneous Endoscopic Approach',
      ),
      line(3, '0DTJ4Z', '1', 'Short', 'Short'),
    ].join('\n');
    const parsed = parseOrderFile(text, 'ICD10PCS');
    expect(parsed.rows.map((r) => [r.code, r.billable])).toEqual([
      ['0DT', false],
      ['0DTJ4ZZ', true],
    ]);
    expect(parsed.problems.problems).toEqual([{ line: 3, message: '"0DTJ4Z" is not a valid ICD10PCS code' }]);
  });
});
