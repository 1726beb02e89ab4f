import { displayCode } from '@chartdesk/coding-rules';
import { DomainError } from '@chartdesk/api-platform';
import {
  CODE_SYSTEM_LABELS,
  type CodeReferenceNode,
  type CodeReferenceNote,
  type CodeReferenceResponse,
  type CodeReferenceTarget,
  type CodeSystem,
  type SeventhCharacterOption,
  TABULAR_NOTE_KINDS,
  type TabularLevel,
  type TabularNoteKind,
} from '@chartdesk/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { PcsBuilderService } from './pcs-builder.service';
import { coveringCodeSet, coveringReference } from './releases';
import { placeholderGuidance } from './seventh-character';

interface CodeRow {
  code: string;
  display_code: string;
  long_description: string;
  billable: boolean;
}

interface NodeRow {
  node_id: string;
  level: TabularLevel;
  title: string;
  depth: number;
}

interface NoteRow {
  node_id: string;
  kind: TabularNoteKind;
  seq: number;
  text: string;
  ref_codes: string[];
  character: string | null;
}

/** The deepest Tabular node the code lies under, then its ancestors up to the chapter (deepest first). */
const ANCESTORS_SQL = `
  WITH RECURSIVE up AS (
    (SELECT node_id, level, parent_id, title, 0 AS depth FROM code_tabular_node
      WHERE release_id = $1 AND node_id = ANY($2::text[]) ORDER BY length(node_id) DESC LIMIT 1)
    UNION ALL
    SELECT n.node_id, n.level, n.parent_id, n.title, up.depth + 1
      FROM code_tabular_node n JOIN up ON n.release_id = $1 AND n.node_id = up.parent_id
  )
  SELECT node_id, level, title, depth FROM up ORDER BY depth`;

function nodeDisplay(node: { node_id: string; level: TabularLevel }): string {
  if (node.level === 'CHAPTER') return `Chapter ${node.node_id}`;
  if (node.level === 'SECTION') return node.node_id;
  return displayCode('ICD10CM', node.node_id);
}

/** Every leading part of a code from `from` characters up to the whole code. */
function prefixes(code: string, from: number): string[] {
  const out: string[] = [];
  for (let n = from; n <= code.length; n++) out.push(code.slice(0, n));
  return out;
}

@Injectable()
export class CodeReferenceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly pcs: PcsBuilderService,
  ) {}

  async reference(system: CodeSystem, codeInput: string, dos: string): Promise<CodeReferenceResponse> {
    const code = codeInput.replace('.', '').toUpperCase();
    const codes = await coveringCodeSet(this.dataSource, system, dos);
    const [row] = (await this.dataSource.query(
      'SELECT code, display_code, long_description, billable FROM code WHERE version_id = $1 AND code = $2',
      [codes.id, code],
    )) as CodeRow[];
    if (!row) {
      throw new DomainError(
        'NOT_FOUND',
        `${codeInput} is not a ${CODE_SYSTEM_LABELS[system]} code of ${codes.release}.`,
      );
    }
    const base = {
      system,
      code,
      displayCode: row.display_code,
      title: row.long_description,
      billable: row.billable,
      release: codes.release,
      dos,
    };
    if (system === 'ICD10CM') {
      const tabular = await coveringReference(this.dataSource, 'ICD10CM_TABULAR', dos);
      if (tabular) {
        const fromTabular = await this.fromTabular(tabular.id, codes.id, row);
        if (fromTabular) return { ...base, ...fromTabular, referenceRelease: tabular.release };
      }
    }
    if (system === 'ICD10PCS') return { ...base, ...(await this.fromPcsTables(row, dos)) };
    return {
      ...base,
      hierarchy: await this.fromOrderFile(system, codes.id, row),
      notes: [],
      seventhCharacters: [],
      placeholderGuidance: null,
      referenceRelease: null,
    };
  }

  /** The order file's headers that are leading parts of the code: all it knows of the hierarchy. */
  private async fromOrderFile(system: CodeSystem, versionId: string, row: CodeRow): Promise<CodeReferenceNode[]> {
    const headers = (await this.dataSource.query(
      `SELECT code, display_code, long_description FROM code
        WHERE version_id = $1 AND code = ANY($2::text[]) ORDER BY length(code)`,
      [versionId, prefixes(row.code, 1).slice(0, -1)],
    )) as CodeRow[];
    return [...headers, row].map((h) => ({
      nodeId: h.code,
      display: h.display_code,
      level: h.code === row.code ? 'CODE' : system === 'ICD10PCS' && h.code.length === 3 ? 'TABLE' : 'HEADER',
      title: h.long_description,
    }));
  }

  private async fromTabular(
    releaseId: string,
    versionId: string,
    row: CodeRow,
  ): Promise<Omit<
    CodeReferenceResponse,
    'system' | 'code' | 'displayCode' | 'title' | 'billable' | 'release' | 'dos' | 'referenceRelease'
  > | null> {
    const nodes = (await this.dataSource.query(ANCESTORS_SQL, [releaseId, prefixes(row.code, 3)])) as NodeRow[];
    if (nodes.length === 0) return null;
    const deepest = nodes[0];
    const notes = (await this.dataSource.query(
      `SELECT node_id, kind, seq, text, ref_codes, character FROM code_tabular_note
        WHERE release_id = $1 AND node_id = ANY($2::text[])`,
      [releaseId, nodes.map((n) => n.node_id)],
    )) as NoteRow[];
    const depthOf = new Map(nodes.map((n) => [n.node_id, n.depth]));
    const kindOrder = (k: TabularNoteKind) => TABULAR_NOTE_KINDS.indexOf(k);
    notes.sort(
      (a, b) =>
        (depthOf.get(a.node_id) ?? 0) - (depthOf.get(b.node_id) ?? 0) ||
        kindOrder(a.kind) - kindOrder(b.kind) ||
        a.seq - b.seq,
    );
    // The nearest definition of 7th characters applies (a subcategory may define its own).
    const definitions = notes.filter((n) => n.kind === 'SEVENTH_CHARACTER' && n.character !== null);
    const nearest = definitions[0]?.node_id;
    const seventhCharacters: SeventhCharacterOption[] = definitions
      .filter((n) => n.node_id === nearest)
      .map((n) => ({ character: n.character ?? '', meaning: n.text }));
    const shown = notes.filter((n) => !(n.kind === 'SEVENTH_CHARACTER' && n.character !== null));
    const targets = await this.targets(
      releaseId,
      versionId,
      shown.flatMap((n) => n.ref_codes),
    );
    const byId = new Map(nodes.map((n) => [n.node_id, n]));
    const hierarchy: CodeReferenceNode[] = [...nodes].reverse().map((n) => ({
      nodeId: n.node_id,
      display: nodeDisplay(n),
      level: n.level,
      title: n.title,
    }));
    if (deepest.node_id !== row.code) {
      hierarchy.push({ nodeId: row.code, display: row.display_code, level: 'CODE', title: row.long_description });
    }
    return {
      hierarchy,
      notes: shown.map((n): CodeReferenceNote => {
        const node = byId.get(n.node_id);
        return {
          kind: n.kind,
          nodeId: n.node_id,
          nodeDisplay: node ? nodeDisplay(node) : n.node_id,
          text: n.text,
          targets: n.ref_codes.map(
            (c) => targets.get(c) ?? { code: c, displayCode: displayCode('ICD10CM', c), title: null, billable: null },
          ),
        };
      }),
      seventhCharacters,
      placeholderGuidance: placeholderGuidance(row.code, deepest.node_id, seventhCharacters),
    };
  }

  /** Titles of the codes notes point to: the order file's where it holds them, else the Tabular's. */
  private async targets(
    releaseId: string,
    versionId: string,
    refs: string[],
  ): Promise<Map<string, CodeReferenceTarget>> {
    const unique = [...new Set(refs)];
    const out = new Map<string, CodeReferenceTarget>();
    if (unique.length === 0) return out;
    const codes = (await this.dataSource.query(
      'SELECT code, display_code, long_description, billable FROM code WHERE version_id = $1 AND code = ANY($2::text[])',
      [versionId, unique],
    )) as CodeRow[];
    for (const c of codes) {
      out.set(c.code, { code: c.code, displayCode: c.display_code, title: c.long_description, billable: c.billable });
    }
    const missing = unique.filter((c) => !out.has(c));
    if (missing.length > 0) {
      const nodes = (await this.dataSource.query(
        'SELECT node_id, title FROM code_tabular_node WHERE release_id = $1 AND node_id = ANY($2::text[])',
        [releaseId, missing],
      )) as { node_id: string; title: string }[];
      for (const n of nodes) {
        out.set(n.node_id, {
          code: n.node_id,
          displayCode: displayCode('ICD10CM', n.node_id),
          title: n.title,
          billable: null,
        });
      }
    }
    return out;
  }

  /** A PCS code's hierarchy is its characters: each position with its axis and label (from the PCS builder). */
  private async fromPcsTables(row: CodeRow, dos: string) {
    const built = await this.pcs.build(row.code, dos);
    const hierarchy: CodeReferenceNode[] = built.chosen.map((c) => ({
      nodeId: row.code.slice(0, c.position),
      display: `${c.position}: ${c.value}`,
      level: c.position === 3 ? 'TABLE' : 'HEADER',
      title: `${c.axisTitle}: ${c.label ?? 'not labelled (no PCS Tables imported for this date)'}`,
    }));
    return {
      hierarchy,
      notes: [],
      seventhCharacters: [],
      placeholderGuidance: null,
      referenceRelease: built.referenceRelease,
    };
  }
}
