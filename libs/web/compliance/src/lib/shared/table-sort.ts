export type SortDirection = 'asc' | 'desc';

export interface SortState<K extends string> {
  readonly key: K;
  readonly direction: SortDirection;
}

/** Sorts loaded rows by one column (text compare, numbers as numbers); never mutates the input. */
export function sortRows<T, K extends string>(
  rows: readonly T[],
  state: SortState<K>,
  value: (row: T, key: K) => string | number | null,
): T[] {
  const sign = state.direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = value(a, state.key);
    const y = value(b, state.key);
    if (x === y) return 0;
    if (x === null) return 1;
    if (y === null) return -1;
    return (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y))) * sign;
  });
}

/** Clicking the sorted column flips it; another column starts ascending. */
export function nextSort<K extends string>(current: SortState<K>, key: K): SortState<K> {
  return current.key === key
    ? { key, direction: current.direction === 'asc' ? 'desc' : 'asc' }
    : { key, direction: 'asc' };
}

/** Rows whose text contains every word of the filter, ignoring case. */
export function filterRows<T>(rows: readonly T[], filter: string, text: (row: T) => string): T[] {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...rows];
  return rows.filter((r) => {
    const t = text(r).toLowerCase();
    return words.every((w) => t.includes(w));
  });
}

export function ariaSort<K extends string>(state: SortState<K>, key: K): 'ascending' | 'descending' | 'none' {
  return state.key !== key ? 'none' : state.direction === 'asc' ? 'ascending' : 'descending';
}
