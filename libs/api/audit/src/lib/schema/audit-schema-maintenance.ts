import type { DataSource } from 'typeorm';

/** Months of partitions kept ready beyond the current one, so an insert never finds no partition. */
export const AUDIT_PARTITION_MONTHS_AHEAD = 3;

/**
 * Makes sure the configured chain streams and the coming months' partitions
 * exist. Safe to call from several instances at once (the functions lock).
 */
export async function ensureAuditSchema(
  dataSource: DataSource,
  chainStreams: number,
): Promise<{ streamsAdded: number; partitionsCreated: number }> {
  const [streams] = (await dataSource.query('SELECT audit_ensure_streams($1) AS n', [chainStreams])) as { n: number }[];
  const partitionsCreated = await createAuditPartitions(dataSource);
  return { streamsAdded: Number(streams?.n ?? 0), partitionsCreated };
}

export async function createAuditPartitions(dataSource: DataSource): Promise<number> {
  const [row] = (await dataSource.query('SELECT audit_create_partitions($1) AS n', [AUDIT_PARTITION_MONTHS_AHEAD])) as {
    n: number;
  }[];
  return Number(row?.n ?? 0);
}
