/** Rows the reference readers hand to the writer, as the tables hold them (see the codesets README). */

export type TabularLevel = 'CHAPTER' | 'SECTION' | 'CATEGORY' | 'SUBCATEGORY' | 'CODE';

export type TabularNoteKind =
  | 'INCLUSION_TERM'
  | 'INCLUDES'
  | 'EXCLUDES1'
  | 'EXCLUDES2'
  | 'CODE_FIRST'
  | 'USE_ADDITIONAL'
  | 'CODE_ALSO'
  | 'NOTE'
  | 'SEVENTH_CHARACTER';

export interface TabularNodeRow {
  readonly nodeId: string;
  readonly level: TabularLevel;
  readonly parentId: string | null;
  readonly title: string;
  readonly seq: number;
}

export interface TabularNoteRow {
  readonly nodeId: string;
  readonly kind: TabularNoteKind;
  readonly seq: number;
  readonly text: string;
  readonly refCodes: readonly string[];
  readonly character: string | null;
}

export interface SearchTermRow {
  readonly code: string;
  readonly term: string;
}

export interface PcsTableAxisRow {
  readonly tableCode: string;
  readonly pos: number;
  readonly value: string;
  readonly title: string;
  readonly label: string;
  readonly definition: string | null;
}

export interface PcsRowValueRow {
  readonly tableCode: string;
  readonly rowSeq: number;
  readonly pos: number;
  readonly value: string;
  readonly title: string;
  readonly label: string;
}

/** What a reader has read since the writer last took its rows. */
export interface ReferenceBatch {
  nodes: TabularNodeRow[];
  notes: TabularNoteRow[];
  terms: SearchTermRow[];
  pcsAxes: PcsTableAxisRow[];
  pcsValues: PcsRowValueRow[];
}

export function emptyBatch(): ReferenceBatch {
  return { nodes: [], notes: [], terms: [], pcsAxes: [], pcsValues: [] };
}

/** A reader: XML events in, rows out, taken by the writer between chunks. */
export interface ReferenceReader {
  take(): ReferenceBatch;
}

/** "A00.0" → "A000"; the tables and the order files write codes without the dot. */
export function bareCode(code: string): string {
  return code.trim().replace('.', '').toUpperCase();
}

export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
