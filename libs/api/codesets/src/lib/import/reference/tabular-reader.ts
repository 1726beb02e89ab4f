import { noteRefs } from './note-refs';
import {
  bareCode,
  emptyBatch,
  type ReferenceBatch,
  type ReferenceReader,
  squash,
  type TabularLevel,
  type TabularNoteKind,
} from './reference-rows';
import { type XmlHandler, XmlShapeError } from './xml-stream';

/** The note containers of the Tabular, by element name. */
const CONTAINERS: Readonly<Record<string, TabularNoteKind>> = {
  inclusionTerm: 'INCLUSION_TERM',
  includes: 'INCLUDES',
  excludes1: 'EXCLUDES1',
  excludes2: 'EXCLUDES2',
  codeFirst: 'CODE_FIRST',
  useAdditionalCode: 'USE_ADDITIONAL',
  codeAlso: 'CODE_ALSO',
  notes: 'NOTE',
  sevenChrNote: 'SEVENTH_CHARACTER',
  sevenChrDef: 'SEVENTH_CHARACTER',
};

const DIAG_NAME = /^[A-Z]\d[0-9A-Z](\.[0-9A-Z]{1,4})?$/;
const SECTION_ID = /^[A-Z]\d[0-9A-Z]-[A-Z]\d[0-9A-Z]$/;
const CHAPTER_NAME = /^\d{1,2}$/;

interface NodeContext {
  readonly element: 'chapter' | 'section' | 'diag';
  readonly parentId: string | null;
  readonly seq: number;
  id?: string;
  title?: string;
  hasChildDiag: boolean;
  /** Next seq per note kind of this node. */
  readonly noteSeq: Map<TabularNoteKind, number>;
}

/**
 * The ICD-10-CM Tabular (`icd10cm_tabular_YYYY.xml`): chapter → section →
 * diag (nested), each with its instructional notes. Nodes are handed out when
 * they close (a diag's level depends on whether it has child diags); notes as
 * they end. Inclusion terms are search terms too.
 */
export class TabularReader implements XmlHandler, ReferenceReader {
  private batch = emptyBatch();
  private readonly nodes: NodeContext[] = [];
  private readonly seen = new Set<string>();
  private container: TabularNoteKind | null = null;
  private buffer: string[] | null = null;
  private character: string | null = null;
  private seq = 0;
  private depth = 0;
  private rootSeen = false;
  nodeCount = 0;
  noteCount = 0;
  version: string | null = null;

  take(): ReferenceBatch {
    const out = this.batch;
    this.batch = emptyBatch();
    return out;
  }

  open(name: string, attributes: Readonly<Record<string, string>>): void {
    this.depth++;
    if (this.depth === 1) {
      if (name !== 'ICD10CM.tabular') {
        throw new XmlShapeError(`not an ICD-10-CM Tabular file: the root element is <${name}>, not <ICD10CM.tabular>`);
      }
      this.rootSeen = true;
      return;
    }
    const current = this.nodes[this.nodes.length - 1];
    switch (name) {
      case 'chapter':
        if (this.nodes.length > 0) throw new XmlShapeError('<chapter> inside another chapter');
        this.push('chapter', null);
        return;
      case 'section': {
        if (current?.element !== 'chapter') throw new XmlShapeError('<section> outside a chapter');
        const id = attributes['id']?.trim().toUpperCase() ?? '';
        if (!SECTION_ID.test(id)) throw new XmlShapeError(`<section> needs an id like "A00-A09", found "${id}"`);
        this.push('section', this.requireId(current)).id = id;
        return;
      }
      case 'diag':
        if (current?.element !== 'section' && current?.element !== 'diag') {
          throw new XmlShapeError('<diag> outside a section');
        }
        current.hasChildDiag = true;
        this.push('diag', this.requireId(current));
        return;
      case 'name':
      case 'desc':
      case 'version':
        this.buffer = [];
        return;
      case 'note':
        if (this.container) this.buffer = [];
        return;
      case 'extension':
        if (this.container !== 'SEVENTH_CHARACTER') throw new XmlShapeError('<extension> outside <sevenChrDef>');
        this.character = attributes['char']?.trim().toUpperCase() ?? '';
        if (!/^[0-9A-Z]$/.test(this.character)) {
          throw new XmlShapeError(
            `<extension> needs a char attribute of one letter or digit, found "${this.character}"`,
          );
        }
        this.buffer = [];
        return;
      default:
        if (name in CONTAINERS && current && this.directlyInNode(this.depth)) this.container = CONTAINERS[name];
    }
  }

  text(text: string): void {
    this.buffer?.push(text);
  }

  close(name: string): void {
    const depth = this.depth--;
    const current = this.nodes[this.nodes.length - 1];
    switch (name) {
      case 'chapter':
      case 'section':
      case 'diag':
        this.emitNode(current);
        this.nodes.pop();
        return;
      case 'name': {
        const text = this.takeText();
        if (this.directlyInNode(depth)) this.setName(current, text);
        return;
      }
      case 'desc': {
        const text = this.takeText();
        if (current && current.title === undefined && this.directlyInNode(depth)) current.title = text;
        return;
      }
      case 'version': {
        const text = this.takeText();
        if (depth === 2) this.version = text;
        return;
      }
      case 'note':
      case 'extension':
        if (this.container && this.buffer) this.emitNote(current, this.takeText());
        this.character = null;
        return;
      default:
        if (name in CONTAINERS && this.container && this.directlyInNode(depth)) this.container = null;
    }
  }

  end(): void {
    if (!this.rootSeen) throw new XmlShapeError('the file holds no <ICD10CM.tabular> element');
    if (this.nodeCount === 0) throw new XmlShapeError('the Tabular holds no chapters');
  }

  private push(element: NodeContext['element'], parentId: string | null): NodeContext {
    const context: NodeContext = { element, parentId, seq: ++this.seq, hasChildDiag: false, noteSeq: new Map() };
    this.nodes.push(context);
    return context;
  }

  /** Whether an element at `depth` sits directly in the innermost chapter, section or diag (root is depth 1). */
  private directlyInNode(depth: number): boolean {
    return this.nodes.length > 0 && depth === this.nodes.length + 2;
  }

  private takeText(): string {
    const text = squash((this.buffer ?? []).join(''));
    this.buffer = null;
    return text;
  }

  private requireId(context: NodeContext): string {
    if (!context.id) throw new XmlShapeError(`<${context.element}> content before its <name>`);
    return context.id;
  }

  private setName(context: NodeContext | undefined, name: string): void {
    if (!context || context.id !== undefined) return;
    if (context.element === 'chapter') {
      if (!CHAPTER_NAME.test(name)) throw new XmlShapeError(`a chapter <name> is its number, found "${name}"`);
      context.id = String(Number(name));
    } else if (context.element === 'diag') {
      if (!DIAG_NAME.test(name.toUpperCase())) throw new XmlShapeError(`"${name}" is not an ICD-10-CM code`);
      context.id = bareCode(name);
    }
  }

  private level(context: NodeContext): TabularLevel {
    if (context.element === 'chapter') return 'CHAPTER';
    if (context.element === 'section') return 'SECTION';
    const id = context.id ?? '';
    if (id.length === 3) return 'CATEGORY';
    return context.hasChildDiag ? 'SUBCATEGORY' : 'CODE';
  }

  private emitNode(context: NodeContext | undefined): void {
    if (!context) return;
    const id = this.requireId(context);
    if (!context.title) throw new XmlShapeError(`<${context.element}> ${id} has no <desc>`);
    if (this.seen.has(id)) throw new XmlShapeError(`${id} appears twice`);
    this.seen.add(id);
    this.nodeCount++;
    this.batch.nodes.push({
      nodeId: id,
      level: this.level(context),
      parentId: context.parentId,
      title: context.title,
      seq: context.seq,
    });
  }

  private emitNote(context: NodeContext | undefined, text: string): void {
    const kind = this.container;
    if (!context || !kind || text === '') return;
    const nodeId = this.requireId(context);
    const seq = context.noteSeq.get(kind) ?? 0;
    context.noteSeq.set(kind, seq + 1);
    this.noteCount++;
    this.batch.notes.push({ nodeId, kind, seq, text, refCodes: noteRefs(text), character: this.character });
    if (kind === 'INCLUSION_TERM' && context.element === 'diag') this.batch.terms.push({ code: nodeId, term: text });
  }
}
