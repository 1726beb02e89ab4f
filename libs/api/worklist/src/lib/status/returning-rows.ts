/**
 * TypeORM's postgres driver answers UPDATE and DELETE with `[rows, affected]`
 * but SELECT and INSERT with `rows`; this gives the rows either way.
 */
export function returningRows<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0] as T[];
  }
  return result as T[];
}

/** The one row a statement must return (an INSERT … RETURNING, a lookup by a key just checked). */
export function oneRow<T>(rows: readonly T[]): T {
  const [row] = rows;
  if (row === undefined) throw new Error('expected exactly one row');
  return row;
}
