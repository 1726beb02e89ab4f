import { DomainError } from '@chartdesk/api-platform';
import { CODE_SYSTEM_LABELS, type CodeSystem, type ReferenceDataset } from '@chartdesk/contracts';
import type { DataSource } from 'typeorm';

export interface Release {
  readonly id: string;
  readonly release: string;
}

/** The code set release covering the date of service (404 when none does). */
export async function coveringCodeSet(dataSource: DataSource, system: CodeSystem, dos: string): Promise<Release> {
  const [row] = (await dataSource.query(
    `SELECT id, release FROM code_set_version
      WHERE system = $1 AND replaced_by IS NULL AND effective_from <= $2::date
        AND (effective_to IS NULL OR effective_to >= $2::date)
      ORDER BY effective_from DESC LIMIT 1`,
    [system, dos],
  )) as Release[];
  if (!row) throw new DomainError('NOT_FOUND', `No ${CODE_SYSTEM_LABELS[system]} release covers ${dos}.`);
  return row;
}

/**
 * The reference release of a kind covering the date, or null when none was
 * imported: everything built on it then falls back to the order file.
 */
export async function coveringReference(
  dataSource: DataSource,
  kind: ReferenceDataset,
  dos: string,
): Promise<Release | null> {
  const [row] = (await dataSource.query(
    `SELECT id, release FROM code_reference_release
      WHERE kind = $1 AND effective_from <= $2::date AND (effective_to IS NULL OR effective_to >= $2::date)
      ORDER BY effective_from DESC, imported_at DESC LIMIT 1`,
    [kind, dos],
  )) as Release[];
  return row ?? null;
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
