/** The row a statement must return (INSERT … RETURNING, a resolved reference); its absence is a bug. */
export function firstRow<T>(rows: readonly T[], what: string): T {
  const row = rows[0];
  if (row === undefined) throw new Error(`expected a row: ${what}`);
  return row;
}

export function resolved<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`unresolved: ${what}`);
  return value;
}
