import { emptyBatch, type ReferenceBatch, type ReferenceReader, squash } from './reference-rows';
import { type XmlHandler, XmlShapeError } from './xml-stream';

const PCS_CHARACTER = /^[0-9A-HJ-NP-Z]$/;

interface AxisContext {
  readonly pos: number;
  title: string | null;
  readonly labels: { value: string; label: string }[];
  definition: string | null;
}

/**
 * The ICD-10-PCS Tables (`icd10pcs_tables_YYYY.xml`): each pcsTable names
 * positions 1–3 with one label each (the table, e.g. 0DT), then pcsRows
 * whose axes list the values allowed at positions 4–7. Any combination within
 * one row is a code the table allows; the order file says which codes the
 * release actually holds.
 */
export class PcsTablesReader implements XmlHandler, ReferenceReader {
  private batch = emptyBatch();
  private readonly seenTables = new Set<string>();
  private readonly nextRow = new Map<string, number>();
  private tableAxes: AxisContext[] | null = null;
  private tableCode: string | null = null;
  private rowAxes: AxisContext[] | null = null;
  private axis: AxisContext | null = null;
  private labelValue: string | null = null;
  private buffer: string[] | null = null;
  private depth = 0;
  tableCount = 0;
  rowCount = 0;

  take(): ReferenceBatch {
    const out = this.batch;
    this.batch = emptyBatch();
    return out;
  }

  open(name: string, attributes: Readonly<Record<string, string>>): void {
    this.depth++;
    if (this.depth === 1) {
      if (name !== 'ICD10PCS.tabular') {
        throw new XmlShapeError(`not an ICD-10-PCS Tables file: the root element is <${name}>, not <ICD10PCS.tabular>`);
      }
      return;
    }
    switch (name) {
      case 'pcsTable':
        if (this.tableAxes) throw new XmlShapeError('<pcsTable> inside another table');
        this.tableAxes = [];
        this.tableCode = null;
        return;
      case 'pcsRow':
        if (!this.tableAxes) throw new XmlShapeError('<pcsRow> outside a <pcsTable>');
        this.startTable();
        this.rowAxes = [];
        return;
      case 'axis': {
        const pos = Number(attributes['pos']);
        const inRow = this.rowAxes !== null;
        const allowed = inRow ? pos >= 4 && pos <= 7 : pos >= 1 && pos <= 3;
        if (!this.tableAxes || !Number.isInteger(pos) || !allowed) {
          throw new XmlShapeError(
            `<axis pos="${attributes['pos'] ?? ''}"> ${inRow ? 'in a <pcsRow> must be 4–7' : 'of a <pcsTable> must be 1–3'}`,
          );
        }
        this.axis = { pos, title: null, labels: [], definition: null };
        return;
      }
      case 'label': {
        if (!this.axis) throw new XmlShapeError('<label> outside an <axis>');
        const value = attributes['code']?.trim().toUpperCase() ?? '';
        if (!PCS_CHARACTER.test(value)) {
          throw new XmlShapeError(`<label code="${value}"> must be one PCS character (0-9, A-H, J-N, P-Z)`);
        }
        this.labelValue = value;
        this.buffer = [];
        return;
      }
      case 'title':
      case 'definition':
        if (this.axis) this.buffer = [];
        return;
      default:
    }
  }

  text(text: string): void {
    this.buffer?.push(text);
  }

  close(name: string): void {
    this.depth--;
    switch (name) {
      case 'label':
        if (this.axis && this.labelValue) this.axis.labels.push({ value: this.labelValue, label: this.takeText() });
        this.labelValue = null;
        return;
      case 'title':
        if (this.axis && this.buffer) this.axis.title = this.takeText();
        return;
      case 'definition':
        if (this.axis && this.buffer) this.axis.definition = this.takeText();
        return;
      case 'axis':
        this.closeAxis();
        return;
      case 'pcsRow':
        this.closeRow();
        return;
      case 'pcsTable':
        this.startTable();
        this.tableAxes = null;
        return;
      default:
    }
  }

  end(): void {
    if (this.tableCount === 0) throw new XmlShapeError('the file holds no <pcsTable>');
  }

  private takeText(): string {
    const text = squash((this.buffer ?? []).join(''));
    this.buffer = null;
    return text;
  }

  private closeAxis(): void {
    const axis = this.axis;
    this.axis = null;
    if (!axis) return;
    if (axis.labels.length === 0) throw new XmlShapeError(`<axis pos="${axis.pos}"> has no <label>`);
    if (this.rowAxes) {
      if (this.rowAxes.some((a) => a.pos === axis.pos))
        throw new XmlShapeError(`position ${axis.pos} twice in one row`);
      this.rowAxes.push(axis);
    } else {
      if (axis.labels.length !== 1) throw new XmlShapeError(`<axis pos="${axis.pos}"> of a table has one <label>`);
      if (this.tableAxes?.some((a) => a.pos === axis.pos))
        throw new XmlShapeError(`position ${axis.pos} twice in one table`);
      this.tableAxes?.push(axis);
    }
  }

  /** Positions 1–3 are complete once the first row starts; the table's rows hang off its code. */
  private startTable(): void {
    if (this.tableCode || !this.tableAxes) return;
    const byPos = [1, 2, 3].map((pos) => this.tableAxes?.find((a) => a.pos === pos));
    if (byPos.some((a) => !a)) throw new XmlShapeError('a <pcsTable> needs axes 1, 2 and 3 before its rows');
    const axes = byPos as AxisContext[];
    const code = axes.map((a) => a.labels[0].value).join('');
    this.tableCode = code;
    if (this.seenTables.has(code)) return;
    this.seenTables.add(code);
    this.tableCount++;
    for (const axis of axes) {
      this.batch.pcsAxes.push({
        tableCode: code,
        pos: axis.pos,
        value: axis.labels[0].value,
        title: axis.title ?? '',
        label: axis.labels[0].label,
        definition: axis.definition,
      });
    }
  }

  private closeRow(): void {
    const axes = this.rowAxes;
    this.rowAxes = null;
    const code = this.tableCode;
    if (!axes || !code) return;
    for (const pos of [4, 5, 6, 7]) {
      if (!axes.some((a) => a.pos === pos)) throw new XmlShapeError(`a <pcsRow> of table ${code} has no axis ${pos}`);
    }
    const rowSeq = this.nextRow.get(code) ?? 0;
    this.nextRow.set(code, rowSeq + 1);
    this.rowCount++;
    for (const axis of axes) {
      const seen = new Set<string>();
      for (const { value, label } of axis.labels) {
        if (seen.has(value)) throw new XmlShapeError(`value ${value} twice at position ${axis.pos} of one row`);
        seen.add(value);
        this.batch.pcsValues.push({ tableCode: code, rowSeq, pos: axis.pos, value, title: axis.title ?? '', label });
      }
    }
  }
}
