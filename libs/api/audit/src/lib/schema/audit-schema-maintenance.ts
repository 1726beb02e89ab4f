import type { DataSource, EntityManager } from 'typeorm';

/**
 * Schema upkeep waits this long for another instance's upkeep (the functions
 * lock), instead of failing on the short lock timeout meant for requests.
 */
const MAINTENANCE_LOCK_TIMEOUT = '60s';

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
  return dataSource.transaction(async (m) => {
    await m.query(`SET LOCAL lock_timeout = '${MAINTENANCE_LOCK_TIMEOUT}'`);
    const [streams] = (await m.query('SELECT audit_ensure_streams($1) AS n', [chainStreams])) as { n: number }[];
    const partitionsCreated = await partitionsIn(m);
    return { streamsAdded: Number(streams?.n ?? 0), partitionsCreated };
  });
}

export async function createAuditPartitions(dataSource: DataSource): Promise<number> {
  return dataSource.transaction(async (m) => {
    await m.query(`SET LOCAL lock_timeout = '${MAINTENANCE_LOCK_TIMEOUT}'`);
    return partitionsIn(m);
  });
}

async function partitionsIn(m: EntityManager): Promise<number> {
  const [row] = (await m.query('SELECT audit_create_partitions($1) AS n', [AUDIT_PARTITION_MONTHS_AHEAD])) as {
    n: number;
  }[];
  return Number(row?.n ?? 0);
}
