import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  afterNextRender,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { type DocumentSummaryView, REQUIRED_QUERY_OPTIONS } from '@chartdesk/contracts';

export interface QueryDraft {
  readonly indicators: { documentId: string; quote: string }[];
  readonly question: string;
  readonly options: string[];
}

/**
 * The provider query template: clinical indicators quoted from the chart, an
 * open question, and answer options; "other" and "unable to determine" are
 * always offered, so the query cannot lead the provider to one answer.
 */
@Component({
  selector: 'cd-query-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule],
  template: `
    <div class="backdrop"></div>
    <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="query-title" data-testid="query-form">
      <form (ngSubmit)="send()">
        <h2 id="query-title">Query the attending provider</h2>
        <p>
          Quote the clinical indicators exactly as documented, ask an open question, and offer clinically reasonable
          options.
        </p>
        @for (ind of indicators(); track $index; let i = $index) {
          <fieldset>
            <legend>Indicator {{ i + 1 }}</legend>
            <label
              >Document
              <select [name]="'doc' + i" [(ngModel)]="ind.documentId" required>
                @for (d of documents(); track d.id) {
                  <option [value]="d.id">{{ d.title }}</option>
                }
              </select>
            </label>
            <label>Quote <input [name]="'quote' + i" [(ngModel)]="ind.quote" required minlength="3" /></label>
          </fieldset>
        }
        <button type="button" (click)="addIndicator()">Add indicator</button>
        <label class="block"
          >Question
          <textarea name="question" rows="3" [(ngModel)]="question" required minlength="10"></textarea>
        </label>
        <label class="block"
          >Options (one per line)
          <textarea name="options" rows="3" [(ngModel)]="optionsText"></textarea>
        </label>
        <p class="hint">Always added: {{ required.join(' · ') }}</p>
        <div class="buttons">
          <button type="submit">Send query (puts the chart on hold)</button>
          <button type="button" (click)="cancelled.emit()">Cancel (Esc)</button>
        </div>
      </form>
    </div>
  `,
  styles: `
    .backdrop {
      position: fixed;
      inset: 0;
      background: rgb(0 0 0 / 40%);
      z-index: 20;
    }
    .dialog {
      position: fixed;
      z-index: 21;
      top: 6vh;
      left: 50%;
      transform: translateX(-50%);
      width: min(640px, 94vw);
      max-height: 88vh;
      overflow: auto;
      background: var(--mat-sys-surface, #fff);
      color: var(--mat-sys-on-surface, #111);
      padding: 16px 20px;
      border-radius: 8px;
    }
    fieldset {
      margin: 8px 0;
    }
    label {
      display: inline-flex;
      flex-direction: column;
      margin-right: 8px;
    }
    .block {
      display: flex;
      margin-top: 8px;
    }
    textarea,
    input,
    select {
      font: inherit;
    }
    .buttons {
      display: flex;
      gap: 8px;
      margin-top: 12px;
    }
    .hint {
      font-size: 0.9em;
      color: #444;
    }
  `,
})
export class QueryFormComponent {
  readonly documents = input.required<readonly DocumentSummaryView[]>();
  readonly sent = output<QueryDraft>();
  readonly cancelled = output<void>();
  protected readonly required = REQUIRED_QUERY_OPTIONS;
  protected readonly indicators = signal<{ documentId: string; quote: string }[]>([]);
  protected question = '';
  protected optionsText = '';
  private readonly host = inject(ElementRef<HTMLElement>);

  constructor() {
    afterNextRender(() => {
      this.addIndicator();
      queueMicrotask(() =>
        (this.host.nativeElement as HTMLElement).querySelector<HTMLElement>('select, input')?.focus(),
      );
    });
  }

  protected addIndicator(): void {
    this.indicators.update((list) => [...list, { documentId: this.documents()[0]?.id ?? '', quote: '' }]);
  }

  protected send(): void {
    this.sent.emit({
      indicators: this.indicators().filter((i) => i.documentId && i.quote.trim().length >= 3),
      question: this.question.trim(),
      options: this.optionsText
        .split('\n')
        .map((o) => o.trim())
        .filter((o) => o.length > 0),
    });
  }
}
