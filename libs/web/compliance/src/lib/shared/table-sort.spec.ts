import { ariaSort, filterRows, nextSort, sortRows } from './table-sort';

const rows = [
  { name: 'b', n: 2 },
  { name: 'a', n: 10 },
  { name: 'c', n: null },
];
const value = (r: (typeof rows)[number], k: 'name' | 'n') => r[k];

describe('table sorting and filtering', () => {
  it('sorts by text or number, nulls last, in either direction', () => {
    expect(sortRows(rows, { key: 'name', direction: 'asc' }, value).map((r) => r.name)).toEqual(['a', 'b', 'c']);
    expect(sortRows(rows, { key: 'n', direction: 'desc' }, value).map((r) => r.n)).toEqual([10, 2, null]);
  });

  it('flips the sorted column and starts others ascending', () => {
    expect(nextSort({ key: 'name', direction: 'asc' }, 'name')).toEqual({ key: 'name', direction: 'desc' });
    expect(nextSort<'name' | 'n'>({ key: 'name', direction: 'desc' }, 'n')).toEqual({ key: 'n', direction: 'asc' });
    expect(ariaSort({ key: 'name', direction: 'desc' }, 'name')).toBe('descending');
    expect(ariaSort<'name' | 'n'>({ key: 'name', direction: 'desc' }, 'n')).toBe('none');
  });

  it('keeps rows containing every word of the filter', () => {
    expect(filterRows(rows, 'B', (r) => r.name)).toEqual([rows[0]]);
    expect(filterRows(rows, '  ', (r) => r.name)).toHaveLength(3);
  });
});
