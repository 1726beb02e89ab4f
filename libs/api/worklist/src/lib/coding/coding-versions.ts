import type { ChartCodes, CodingVersionView, EditFinding } from '@chartdesk/contracts';
import type { EntityManager } from 'typeorm';
import { oneRow } from '../status/returning-rows';

interface VersionRow {
  number: number;
  kind: 'DRAFT' | 'SUBMISSION';
  created_at: Date;
  codes: ChartCodes;
  findings: EditFinding[];
  acknowledged_warnings: string[];
}

function view(row: VersionRow): CodingVersionView {
  return {
    number: row.number,
    kind: row.kind,
    createdAt: row.created_at.toISOString(),
    codes: row.codes,
    findings: row.findings,
    acknowledgedWarnings: row.acknowledged_warnings,
  };
}

export async function latestCodingVersion(m: EntityManager, encounterId: string): Promise<CodingVersionView | null> {
  const [row] = (await m.query(
    `SELECT number, kind, created_at, codes, findings, acknowledged_warnings FROM coding_version
      WHERE encounter_id = $1 ORDER BY number DESC LIMIT 1`,
    [encounterId],
  )) as VersionRow[];
  return row ? view(row) : null;
}

/**
 * Appends an immutable snapshot. The chart row is locked by the caller, so
 * max + 1 cannot race; the unique (encounter_id, number) would refuse it anyway.
 */
export async function appendCodingVersion(
  m: EntityManager,
  entry: {
    encounterId: string;
    kind: 'DRAFT' | 'SUBMISSION';
    createdBy: string;
    codes: ChartCodes;
    findings: readonly EditFinding[];
    acknowledgedWarnings: readonly string[];
  },
): Promise<CodingVersionView> {
  const row = oneRow(
    (await m.query(
      `INSERT INTO coding_version (encounter_id, number, kind, created_by, codes, findings, acknowledged_warnings)
     SELECT $1, COALESCE(MAX(number), 0) + 1, $2, $3, $4::jsonb, $5::jsonb, $6::jsonb
       FROM coding_version WHERE encounter_id = $1
     RETURNING number, kind, created_at, codes, findings, acknowledged_warnings`,
      [
        entry.encounterId,
        entry.kind,
        entry.createdBy,
        JSON.stringify(entry.codes),
        JSON.stringify(entry.findings),
        JSON.stringify(entry.acknowledgedWarnings),
      ],
    )) as VersionRow[],
  );
  return view(row);
}

/** Only what the client sent, in a fixed shape: nothing else reaches the snapshot. */
export function normalizeCodes(codes: ChartCodes): ChartCodes {
  return {
    diagnoses: [...codes.diagnoses]
      .sort((a, b) => a.sequence - b.sequence)
      .map((d) => ({ sequence: d.sequence, code: d.code, poa: d.poa ?? null })),
    procedures: [...codes.procedures]
      .sort((a, b) => a.sequence - b.sequence)
      .map((p) => ({
        sequence: p.sequence,
        system: p.system,
        code: p.code,
        modifiers: [...p.modifiers],
        units: p.units,
        diagnosisPointers: [...p.diagnosisPointers],
      })),
  };
}
