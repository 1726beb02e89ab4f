import type { ReferenceDataset } from '@chartdesk/contracts';
import { bareCode, emptyBatch, type ReferenceBatch, type ReferenceReader, squash } from './reference-rows';
import { type XmlHandler, XmlShapeError } from './xml-stream';

const CODE = /[A-Z]\d[0-9A-Z](?:\.[0-9A-Z]{1,4})?/g;
/** Table cells with no code for that column. */
const EMPTY_CELL = /^-*$/;

interface TermContext {
  /** The titles from the main term down to this term, joined: "Diabetes, diabetic type 2 with nephropathy". */
  path: string | null;
  readonly depth: number;
  cells: number;
}

/**
 * The ICD-10-CM Index files (`icd10cm_index_YYYY.xml`, `icd10cm_eindex_YYYY.xml`,
 * and the Neoplasm and Drug tables `icd10cm_neoplasm_YYYY.xml`,
 * `icd10cm_drug_YYYY.xml`): letter → mainTerm → term (nested). Every code a
 * term leads to becomes a search term written as the path of titles; a table
 * cell adds its column heading ("… Malignant Primary"). Cross-references
 * (see, seeAlso) lead to other terms, not codes, and are counted only.
 */
export class IndexReader implements XmlHandler, ReferenceReader {
  private batch = emptyBatch();
  private readonly terms: TermContext[] = [];
  private readonly headings = new Map<number, string>();
  private buffer: string[] | null = null;
  /** The element whose text is being read. */
  private capture: string | null = null;
  private column = 0;
  private depth = 0;
  termCount = 0;
  crossReferences = 0;

  constructor(private readonly dataset: ReferenceDataset) {}

  take(): ReferenceBatch {
    const out = this.batch;
    this.batch = emptyBatch();
    return out;
  }

  open(name: string, attributes: Readonly<Record<string, string>>): void {
    this.depth++;
    if (this.depth === 1) {
      if (name !== 'ICD10CM.index') {
        throw new XmlShapeError(`not an ICD-10-CM Index file: the root element is <${name}>, not <ICD10CM.index>`);
      }
      return;
    }
    if (this.capture) return; // <nemod> and the like inside a title: their text belongs to the title
    switch (name) {
      case 'mainTerm':
      case 'term':
        if (name === 'term' && this.terms.length === 0) throw new XmlShapeError('<term> outside a <mainTerm>');
        this.terms.push({ path: null, depth: this.depth, cells: 0 });
        return;
      case 'title': {
        const term = this.innermost();
        if (term && this.depth === term.depth + 1) this.start(name);
        return;
      }
      case 'code':
      case 'manif':
        if (this.terms.length > 0) this.start(name);
        return;
      case 'cell':
      case 'head': {
        // Columns are numbered by col="n"; without it they count from the first (heads) or second (cells) column.
        const given = attributes['col'];
        const term = this.innermost();
        const next = name === 'head' ? this.headings.size + 1 : term ? term.cells + 2 : 2;
        this.column = given === undefined ? next : Number(given);
        if (!Number.isInteger(this.column) || this.column < 1) {
          throw new XmlShapeError(`<${name}> has col="${given ?? ''}"; a column is 1, 2, …`);
        }
        if (name === 'cell' && term) term.cells++;
        this.start(name);
        return;
      }
      case 'see':
      case 'seeAlso':
        this.crossReferences++;
        return;
      default:
    }
  }

  text(text: string): void {
    this.buffer?.push(text);
  }

  close(name: string): void {
    this.depth--;
    if (this.capture !== null && name !== this.capture) return;
    switch (name) {
      case 'mainTerm':
      case 'term':
        this.terms.pop();
        return;
      case 'title':
        if (this.capture === name) this.setTitle(this.finish());
        return;
      case 'code':
      case 'manif':
        if (this.capture === name) this.emit(this.finish(), null, `<${name}>`);
        return;
      case 'cell': {
        const value = this.finish();
        if (this.column > 1 && !EMPTY_CELL.test(value))
          this.emit(value, this.headings.get(this.column) ?? null, '<cell>');
        return;
      }
      case 'head':
        this.headings.set(this.column, this.finish());
        return;
      default:
    }
  }

  end(): void {
    if (this.depth !== 0) throw new XmlShapeError('the file ends inside an element');
    if (this.termCount === 0 && this.crossReferences === 0)
      throw new XmlShapeError(`the ${this.dataset} file holds no terms`);
  }

  private innermost(): TermContext | undefined {
    return this.terms[this.terms.length - 1];
  }

  private start(element: string): void {
    this.capture = element;
    this.buffer = [];
  }

  private finish(): string {
    const text = squash((this.buffer ?? []).join(''));
    this.buffer = null;
    this.capture = null;
    return text;
  }

  private setTitle(title: string): void {
    const term = this.innermost();
    if (!term) return;
    const parent = this.terms[this.terms.length - 2];
    term.path = parent?.path ? `${parent.path} ${title}` : title;
  }

  private emit(value: string, heading: string | null, element: string): void {
    const term = this.terms[this.terms.length - 1];
    if (!term) return;
    if (!term.path) throw new XmlShapeError(`${element} before the term's <title>`);
    const codes = value.toUpperCase().match(CODE);
    if (!codes) throw new XmlShapeError(`${element} "${value}" holds no ICD-10-CM code`);
    for (const code of codes) {
      this.termCount++;
      this.batch.terms.push({ code: bareCode(code), term: heading ? `${term.path} ${heading}` : term.path });
    }
  }
}
