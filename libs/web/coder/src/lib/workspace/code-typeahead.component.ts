import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  type OnDestroy,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { type CodeSearchHit, type CodeSystem } from '@chartdesk/contracts';
import { CodeReferenceSelection } from '../reference/code-reference-selection';
import { CoderApiService } from '../shared/coder-api.service';

/** Short enough that results follow the typing; late answers to older queries are dropped anyway. */
const DEBOUNCE_MS = 40;

/**
 * Code search as you type: an ARIA combobox whose listbox is driven by the
 * arrow keys, Enter picks, Escape closes. Late answers never overwrite newer ones.
 */
@Component({
  selector: 'cd-code-typeahead',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="row">
      <label for="code-search">Find a code</label>
      <select id="code-system" aria-label="Code system" [value]="system()" (change)="setSystem($event)">
        <option value="">All systems</option>
        <option value="ICD10CM">ICD-10-CM</option>
        <option value="ICD10PCS">ICD-10-PCS</option>
        <option value="CPT">CPT</option>
        <option value="HCPCS">HCPCS</option>
      </select>
    </div>
    <input
      #box
      id="code-search"
      type="text"
      role="combobox"
      autocomplete="off"
      aria-autocomplete="list"
      [attr.aria-controls]="open() ? 'code-search-results' : null"
      [attr.aria-expanded]="open()"
      [attr.aria-activedescendant]="open() && active() >= 0 ? 'code-hit-' + active() : null"
      placeholder="Code or words, e.g. J18.9 or pneumonia"
      data-testid="code-search"
      (input)="onInput(box.value)"
      (keydown)="onKey($event)"
    />
    @if (open()) {
      <div class="pop">
        <ul
          id="code-search-results"
          role="listbox"
          aria-label="Matching codes"
          data-testid="code-results"
          [attr.data-query]="shownQuery()"
        >
          @for (hit of hits(); track hit.system + hit.code; let i = $index) {
            <li
              [id]="'code-hit-' + i"
              role="option"
              [attr.aria-selected]="i === active()"
              [class.active]="i === active()"
              (mouseenter)="active.set(i)"
              (mousedown)="$event.preventDefault(); pick(i)"
            >
              <span class="code">{{ hit.displayCode }}</span>
              <span class="sys">{{ hit.system }}</span>
              <span class="desc">{{ hit.description }}</span>
              @if (!hit.billable) {
                <span class="nb">header</span>
              }
            </li>
          } @empty {
            <li role="option" aria-disabled="true" aria-selected="false">No codes match.</li>
          }
        </ul>
        <div class="more" aria-live="polite">
          <span data-testid="code-result-count">{{ countLabel() }}</span>
          @if (hasMore()) {
            <button
              type="button"
              data-testid="code-more"
              title="More results (Page Down)"
              (mousedown)="$event.preventDefault(); more()"
            >
              More results
            </button>
          }
        </div>
      </div>
    }
  `,
  styles: `
    :host {
      display: block;
      position: relative;
    }
    .row {
      display: flex;
      gap: 8px;
      align-items: center;
      justify-content: space-between;
    }
    label {
      font-weight: 600;
    }
    input {
      width: 100%;
      box-sizing: border-box;
      padding: 6px 8px;
      font: inherit;
      margin-top: 4px;
    }
    .pop {
      position: absolute;
      z-index: 10;
      left: 0;
      right: 0;
      margin-top: 2px;
      background: var(--mat-sys-surface, #fff);
      border: 1px solid #888;
    }
    ul {
      margin: 0;
      padding: 0;
      list-style: none;
      max-height: 320px;
      overflow: auto;
    }
    li {
      display: grid;
      grid-template-columns: 6em 5em 1fr auto;
      gap: 6px;
      padding: 4px 8px;
      cursor: pointer;
    }
    li.active {
      background: #1a4f8b;
      color: #fff;
    }
    .code {
      font-family: monospace;
      font-weight: 700;
    }
    .sys {
      font-size: 0.85em;
    }
    .more {
      display: flex;
      justify-content: space-between;
      align-items: center;
      font-size: 0.85em;
      padding: 2px 4px;
    }
    .nb {
      font-size: 0.8em;
      border: 1px solid currentColor;
      padding: 0 4px;
      border-radius: 4px;
    }
  `,
})
export class CodeTypeaheadComponent implements OnDestroy {
  readonly dateOfService = input.required<string>();
  readonly picked = output<CodeSearchHit>();
  private readonly api = inject(CoderApiService);
  private readonly box = viewChild.required<ElementRef<HTMLInputElement>>('box');
  protected readonly hits = signal<readonly CodeSearchHit[]>([]);
  protected readonly active = signal(-1);
  protected readonly open = signal(false);
  protected readonly system = signal<CodeSystem | ''>('');
  /** The query the listed results answer (what the user typed may have moved on). */
  protected readonly shownQuery = signal('');
  protected readonly total = signal(0);
  protected readonly hasMore = signal(false);
  protected readonly countLabel = computed(() => {
    const n = this.total();
    return n === 0 ? '' : `${this.hits().length} of ${n.toLocaleString('en-US')} codes`;
  });
  private timer: ReturnType<typeof setTimeout> | undefined;
  private requestSeq = 0;
  private readonly reference = inject(CodeReferenceSelection, { optional: true });

  constructor() {
    // The result under the arrow keys or the pointer shows its Tabular notes beside the panel.
    effect(() => {
      const hit = this.open() ? this.hits()[this.active()] : undefined;
      if (hit) this.reference?.show(hit.system, hit.code);
    });
  }

  focus(): void {
    this.box().nativeElement.focus();
    this.box().nativeElement.select();
  }

  ngOnDestroy(): void {
    clearTimeout(this.timer);
  }

  protected setSystem(event: Event): void {
    this.system.set((event.target as HTMLSelectElement).value as CodeSystem | '');
    this.onInput(this.box().nativeElement.value);
  }

  protected onInput(value: string): void {
    clearTimeout(this.timer);
    const q = value.trim();
    if (q.length < 2) {
      this.open.set(false);
      this.hits.set([]);
      return;
    }
    this.timer = setTimeout(() => void this.search(q), DEBOUNCE_MS);
  }

  private async search(q: string): Promise<void> {
    const seq = ++this.requestSeq;
    try {
      const res = await this.api.searchCodes(q, this.dateOfService(), this.system() || undefined);
      if (seq !== this.requestSeq) return;
      this.hits.set(res.results);
      this.total.set(res.total);
      this.hasMore.set(res.hasMore);
      this.shownQuery.set(q);
      this.active.set(res.results.length > 0 ? 0 : -1);
      this.open.set(true);
    } catch {
      if (seq === this.requestSeq) {
        this.hits.set([]);
        this.open.set(true);
      }
    }
  }

  /** The next page, appended; the active option stays where it was. */
  protected async more(): Promise<void> {
    const q = this.shownQuery();
    const seq = ++this.requestSeq;
    try {
      const res = await this.api.searchCodes(q, this.dateOfService(), this.system() || undefined, this.hits().length);
      if (seq !== this.requestSeq) return;
      this.hits.set([...this.hits(), ...res.results]);
      this.total.set(res.total);
      this.hasMore.set(res.hasMore);
    } catch {
      if (seq === this.requestSeq) this.hasMore.set(false);
    }
  }

  protected onKey(event: KeyboardEvent): void {
    const count = this.hits().length;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!this.open()) return;
        this.active.set(count === 0 ? -1 : (this.active() + 1) % count);
        this.scrollActive();
        return;
      case 'ArrowUp':
        event.preventDefault();
        if (!this.open()) return;
        this.active.set(count === 0 ? -1 : (this.active() - 1 + count) % count);
        this.scrollActive();
        return;
      case 'PageDown':
        // keyboard path to "More results"
        if (this.open() && this.hasMore()) {
          event.preventDefault();
          void this.more();
        }
        return;
      case 'Enter':
        if (this.open() && this.active() >= 0) {
          event.preventDefault();
          this.pick(this.active());
        }
        return;
      case 'Escape':
        if (this.open()) {
          event.preventDefault();
          event.stopPropagation();
          this.open.set(false);
        }
        return;
    }
  }

  protected pick(index: number): void {
    const hit = this.hits()[index];
    if (!hit) return;
    this.picked.emit(hit);
    this.open.set(false);
    this.hits.set([]);
    this.box().nativeElement.value = '';
  }

  private scrollActive(): void {
    queueMicrotask(() => document.getElementById(`code-hit-${this.active()}`)?.scrollIntoView({ block: 'nearest' }));
  }
}
