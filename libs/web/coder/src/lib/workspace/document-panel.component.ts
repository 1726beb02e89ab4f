import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import type { ChartDocumentEntry, DocumentSummaryView, DocumentView } from '@chartdesk/contracts';
import { apiErrorMessage } from '@chartdesk/web-core';
import { CoderApiService } from '../shared/coder-api.service';
import { countMatches, highlightSegments } from './highlight';

const LOAD_CONCURRENCY = 4;

/**
 * The chart's documents by type and date, the open one's text (rendered as
 * text, never HTML), and search across the chart with highlighted matches.
 * Every document text fetched is a read the API audits.
 */
@Component({
  selector: 'cd-document-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe],
  template: `
    <div class="search" role="search">
      <label for="doc-search">Search this chart</label>
      <input
        #search
        id="doc-search"
        type="search"
        data-testid="doc-search"
        [value]="term()"
        (input)="term.set(search.value)"
        placeholder="Word or phrase"
      />
      @if (term().trim().length >= 2) {
        <span role="status" data-testid="doc-search-status">{{ searchStatus() }}</span>
      }
    </div>
    <nav aria-label="Documents" class="list">
      @for (group of groups(); track group.type) {
        <h2 class="group">{{ group.label }}</h2>
        <ul>
          @for (d of group.docs; track d.id) {
            <li>
              <button
                type="button"
                [class.selected]="d.id === selectedId()"
                [attr.aria-current]="d.id === selectedId() ? 'true' : null"
                [attr.data-doc]="d.id"
                (click)="select(d.id)"
              >
                <span class="title">{{ d.title }}</span>
                <span class="meta">{{ d.authoredAt | date: 'yyyy-MM-dd HH:mm' }} · {{ d.author }}</span>
                @if (matchCount(d.id); as n) {
                  <span class="hits">{{ n }} match{{ n === 1 ? '' : 'es' }}</span>
                }
              </button>
            </li>
          }
        </ul>
      }
      @if (withheld() > 0) {
        <p class="withheld">{{ withheld() }} document(s) withheld: restricted.</p>
      }
    </nav>
    <article class="doc clinical" aria-live="polite" data-testid="document-view">
      @if (error(); as e) {
        <p role="alert">{{ e }}</p>
      }
      @if (selected(); as doc) {
        <h2>{{ doc.title }}</h2>
        <p class="meta">{{ doc.type }} · {{ doc.author }} · {{ doc.authoredAt | date: 'yyyy-MM-dd HH:mm' }}</p>
        @if (doc.part2Notice) {
          <p class="notice">{{ doc.part2Notice }}</p>
        }
        <pre
          data-testid="document-text"
        >@for (s of segments(); track $index) {@if (s.match) {<mark>{{ s.text }}</mark>} @else {<span>{{ s.text }}</span>}}</pre>
      } @else {
        <p>Choose a document.</p>
      }
    </article>
  `,
  styles: `
    :host {
      display: grid;
      grid-template-rows: auto minmax(120px, 35%) 1fr;
      min-height: 0;
      height: 100%;
      gap: 8px;
    }
    .search {
      display: flex;
      gap: 8px;
      align-items: center;
      flex-wrap: wrap;
    }
    .search input {
      flex: 1;
      padding: 4px 6px;
      font: inherit;
    }
    .list {
      overflow: auto;
      border: 1px solid #ccc;
      padding: 4px 8px;
    }
    h2.group {
      font-size: 0.85rem;
      margin: 8px 0 2px;
      text-transform: uppercase;
      letter-spacing: 0.04em;
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    li button {
      width: 100%;
      text-align: left;
      background: none;
      border: 0;
      padding: 4px;
      cursor: pointer;
      display: grid;
      grid-template-columns: 1fr auto;
      font: inherit;
      color: inherit;
    }
    li button.selected {
      background: #dde8f5;
      color: #111;
    }
    .title {
      font-weight: 600;
    }
    .meta {
      font-size: 0.85em;
      color: #444;
      grid-column: 1;
    }
    .hits {
      grid-row: 1 / span 2;
      grid-column: 2;
      align-self: center;
      font-size: 0.8em;
      background: #ffe08a;
      color: #111;
      padding: 0 6px;
      border-radius: 8px;
    }
    .doc {
      position: relative;
      overflow: auto;
      border: 1px solid #ccc;
      padding: 8px 12px;
    }
    pre {
      white-space: pre-wrap;
      font:
        0.95rem/1.5 system-ui,
        sans-serif;
      margin: 0;
    }
    mark {
      background: #ffe08a;
      color: #111;
    }
    .notice {
      font-size: 0.85em;
      border-left: 4px solid #b00020;
      padding-left: 8px;
    }
    .withheld {
      font-style: italic;
    }
    @media print {
      .doc,
      .list {
        visibility: hidden !important;
      }
    }
  `,
})
export class DocumentPanelComponent {
  readonly chartId = input.required<string>();
  readonly documents = input.required<readonly ChartDocumentEntry[]>();
  private readonly api = inject(CoderApiService);
  private readonly searchBox = viewChild.required<ElementRef<HTMLInputElement>>('search');
  protected readonly term = signal('');
  protected readonly selectedId = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);
  /** Texts fetched so far, by document id. */
  private readonly texts = signal<ReadonlyMap<string, DocumentView>>(new Map());
  private readonly loading = signal(false);

  private readonly visible = computed(() => this.documents().filter((d): d is DocumentSummaryView => !d.withheld));
  protected readonly withheld = computed(() => this.documents().filter((d) => d.withheld).length);
  /** By type, each type's documents newest first; types in the order their first document appears. */
  protected readonly groups = computed(() => {
    const byType = new Map<string, DocumentSummaryView[]>();
    for (const d of [...this.visible()].sort((a, b) => b.authoredAt.localeCompare(a.authoredAt))) {
      const list = byType.get(d.type) ?? [];
      list.push(d);
      byType.set(d.type, list);
    }
    return [...byType.entries()].map(([type, docs]) => ({ type, label: type.replace(/_/g, ' ').toLowerCase(), docs }));
  });
  protected readonly selected = computed(() => {
    const id = this.selectedId();
    return id ? (this.texts().get(id) ?? null) : null;
  });
  protected readonly segments = computed(() => highlightSegments(this.selected()?.text ?? '', this.term()));
  private readonly counts = computed(() => {
    const term = this.term();
    const result = new Map<string, number>();
    if (term.trim().length < 2) return result;
    for (const [id, doc] of this.texts()) result.set(id, countMatches(doc.text, term));
    return result;
  });
  protected readonly searchStatus = computed(() => {
    if (this.loading()) return 'Searching all documents…';
    const total = [...this.counts().values()].reduce((a, b) => a + b, 0);
    const docs = [...this.counts().values()].filter((n) => n > 0).length;
    return `${total} match(es) in ${docs} document(s)`;
  });

  constructor() {
    // Open the newest document first.
    effect(() => {
      const first = this.groups()[0]?.docs[0];
      if (first && untracked(() => this.selectedId()) === null) void this.select(first.id);
    });
    // Searching the chart needs every visible document's text.
    effect(() => {
      if (this.term().trim().length >= 2) untracked(() => void this.loadAll());
    });
  }

  matchCount(id: string): number {
    return this.counts().get(id) ?? 0;
  }

  focusSearch(): void {
    this.searchBox().nativeElement.focus();
  }

  /** Moves to the next (+1) or previous (−1) document in list order. */
  step(delta: 1 | -1): void {
    const order = this.groups().flatMap((g) => g.docs.map((d) => d.id));
    const at = order.indexOf(this.selectedId() ?? '');
    const next = order[Math.min(order.length - 1, Math.max(0, at + delta))];
    if (next) void this.select(next);
  }

  protected async select(id: string): Promise<void> {
    this.selectedId.set(id);
    await this.ensureText(id);
  }

  private async ensureText(id: string): Promise<void> {
    if (this.texts().has(id)) return;
    try {
      const doc = await this.api.document(this.chartId(), id);
      this.texts.update((m) => new Map(m).set(id, doc));
      this.error.set(null);
    } catch (e) {
      this.error.set(apiErrorMessage(e));
    }
  }

  private async loadAll(): Promise<void> {
    const missing = this.visible()
      .map((d) => d.id)
      .filter((id) => !this.texts().has(id));
    if (missing.length === 0 || this.loading()) return;
    this.loading.set(true);
    try {
      const queue = [...missing];
      await Promise.all(
        Array.from({ length: LOAD_CONCURRENCY }, async () => {
          for (let id = queue.shift(); id; id = queue.shift()) await this.ensureText(id);
        }),
      );
    } finally {
      this.loading.set(false);
    }
  }
}
