import { DomainError } from '@chartdesk/api-platform';
import type { PcsBuilderChoice, PcsBuilderResponse } from '@chartdesk/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { defaultAxisTitle, deriveHeaderLabels, type HeaderLabels } from './pcs-header-labels';
import { coveringCodeSet, coveringReference, type Release } from './releases';

/**
 * The next characters that lead to at least one valid code of the release:
 * a loose index scan over the code index (one seek per distinct character),
 * so the choices are exactly the release's codes and never a combination the
 * tables allow but the order file does not hold. Codes are counted from the
 * body part on: above it the counts run to tens of thousands and cost a scan
 * of the whole section (0.3 s at the root against 25 ms without).
 */
const NEXT_CHARACTERS_SQL = `
  WITH RECURSIVE pick AS (
    (SELECT code FROM code WHERE version_id = $1 AND code >= $2 AND code < $2 || '~' AND length(code) = 7
      ORDER BY code LIMIT 1)
    UNION ALL
    SELECT (SELECT c.code FROM code c
             WHERE c.version_id = $1 AND c.code > substr(p.code, 1, $3 + 1) || '~' AND c.code < $2 || '~'
               AND length(c.code) = 7
             ORDER BY c.code LIMIT 1)
      FROM pick p WHERE p.code IS NOT NULL
  )
  SELECT substr(p.code, $3 + 1, 1) AS value, c.long_description AS example,
         CASE WHEN $3 >= 3 THEN (SELECT count(*) FROM code n WHERE n.version_id = $1 AND length(n.code) = 7
             AND n.code >= substr(p.code, 1, $3 + 1) AND n.code < substr(p.code, 1, $3 + 1) || '~')::int END AS "codeCount"
    FROM pick p JOIN code c ON c.version_id = $1 AND c.code = p.code
   ORDER BY p.code`;

interface TableLabels {
  readonly axes: readonly { table_code: string; pos: number; value: string; title: string; label: string }[];
}

interface RowValue {
  row_seq: number;
  pos: number;
  value: string;
  title: string;
  label: string;
}

interface Labeller {
  label(prefix: string, value: string): string | null;
  title(prefix: string): string;
}

@Injectable()
export class PcsBuilderService {
  /** Both are immutable once imported, so they are read once per release. */
  private readonly headerLabels = new Map<string, Promise<HeaderLabels>>();
  private readonly tableLabels = new Map<string, Promise<TableLabels>>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async build(prefixInput: string, dos: string): Promise<PcsBuilderResponse> {
    const prefix = prefixInput.toUpperCase();
    const codes = await coveringCodeSet(this.dataSource, 'ICD10PCS', dos);
    const tables = await coveringReference(this.dataSource, 'ICD10PCS_TABLES', dos);
    const labeller = await this.labeller(codes, tables, prefix);
    const base = {
      prefix,
      dos,
      release: codes.release,
      referenceRelease: tables?.release ?? null,
      chosen: [...prefix].map((value, i) => ({
        position: i + 1,
        value,
        axisTitle: labeller.title(prefix.slice(0, i)),
        label: labeller.label(prefix.slice(0, i), value),
      })),
    };
    if (prefix.length === 7) {
      const [row] = (await this.dataSource.query(
        'SELECT long_description AS title FROM code WHERE version_id = $1 AND code = $2',
        [codes.id, prefix],
      )) as { title: string }[];
      if (!row) throw new DomainError('NOT_FOUND', `${prefix} is not an ICD-10-PCS code of ${codes.release}.`);
      return { ...base, position: null, axisTitle: null, choices: [], code: { code: prefix, title: row.title } };
    }
    const rows = (await this.dataSource.query(NEXT_CHARACTERS_SQL, [codes.id, prefix, prefix.length])) as Omit<
      PcsBuilderChoice,
      'label'
    >[];
    if (rows.length === 0) {
      throw new DomainError('NOT_FOUND', `No ICD-10-PCS code of ${codes.release} starts with ${prefix}.`);
    }
    return {
      ...base,
      position: prefix.length + 1,
      axisTitle: labeller.title(prefix),
      choices: rows.map((r) => ({ ...r, label: labeller.label(prefix, r.value) })),
      code: null,
    };
  }

  /** Labels from the PCS Tables covering the date; else what the order file's headers say. */
  private async labeller(codes: Release, tables: Release | null, prefix: string): Promise<Labeller> {
    const headers = await this.cached(this.headerLabels, codes.id, () => this.loadHeaders(codes.id));
    const fromHeaders: Labeller = {
      label: (p, value) => {
        if (p.length === 0) return headers.section.get(value) ?? null;
        if (p.length === 1) return headers.bodySystem.get(p + value) ?? null;
        if (p.length === 2) return headers.operation.get(p + value) ?? null;
        return null;
      },
      title: (p) => defaultAxisTitle(p[0], p.length + 1),
    };
    if (!tables) return fromHeaders;
    const table = await this.cached(this.tableLabels, tables.id, () => this.loadTableAxes(tables.id));
    const rowValues =
      prefix.length >= 3
        ? ((await this.dataSource.query(
            'SELECT row_seq, pos, value, title, label FROM code_pcs_row_value WHERE release_id = $1 AND table_code = $2',
            [tables.id, prefix.slice(0, 3)],
          )) as RowValue[])
        : [];
    const tableAxis = (p: string, value: string) =>
      table.axes.find((a) => a.pos === p.length + 1 && a.table_code.startsWith(p + value));
    /** Rows of the table that allow every character chosen after position 3. */
    const rowsMatching = (p: string) => {
      const rows = new Set(rowValues.map((v) => v.row_seq));
      for (let i = 3; i < p.length; i++) {
        const allowed = new Set(rowValues.filter((v) => v.pos === i + 1 && v.value === p[i]).map((v) => v.row_seq));
        for (const r of rows) if (!allowed.has(r)) rows.delete(r);
      }
      return rows;
    };
    return {
      label: (p, value) => {
        if (p.length < 3) return tableAxis(p, value)?.label ?? fromHeaders.label(p, value);
        const rows = rowsMatching(p);
        const hit = rowValues.find((v) => v.pos === p.length + 1 && v.value === value && rows.has(v.row_seq));
        return hit?.label ?? null;
      },
      title: (p) => {
        if (p.length < 3)
          return (
            table.axes.find((a) => a.pos === p.length + 1 && a.table_code.startsWith(p))?.title ?? fromHeaders.title(p)
          );
        return rowValues.find((v) => v.pos === p.length + 1)?.title || fromHeaders.title(p);
      },
    };
  }

  private cached<T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
    let value = cache.get(key);
    if (!value) {
      value = load().catch((error: unknown) => {
        cache.delete(key);
        throw error;
      });
      cache.set(key, value);
    }
    return value;
  }

  private async loadHeaders(versionId: string): Promise<HeaderLabels> {
    const rows = (await this.dataSource.query(
      'SELECT code, long_description AS title FROM code WHERE version_id = $1 AND length(code) = 3 ORDER BY code',
      [versionId],
    )) as { code: string; title: string }[];
    return deriveHeaderLabels(rows);
  }

  private async loadTableAxes(releaseId: string): Promise<TableLabels> {
    const axes = (await this.dataSource.query(
      'SELECT table_code, pos, value, title, label FROM code_pcs_table_axis WHERE release_id = $1 ORDER BY table_code, pos',
      [releaseId],
    )) as TableLabels['axes'];
    return { axes };
  }
}
