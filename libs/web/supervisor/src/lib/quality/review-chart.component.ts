import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import {
  type ChartView,
  type DocumentSummaryView,
  type DocumentView,
  RecordsPaths,
  apiUrl,
  qualityPath,
} from '@chartdesk/contracts';
import { AuthService, apiErrorMessage } from '@chartdesk/web-core';
import { firstValueFrom } from 'rxjs';

/**
 * The chart under review, read through the records API: the same
 * ChartAccessPolicy and the same audit events as any chart read, so a
 * supervisor sees only what they could open anyway. Text is rendered escaped,
 * under a watermark naming the reader, the time and the chart.
 */
@Component({
  selector: 'cd-review-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule],
  template: `
    <section aria-labelledby="chart-h">
      <h2 id="chart-h">Documentation</h2>
      @if (error(); as e) {
        <p role="alert" class="error">{{ e }}</p>
      }
      @if (chart(); as c) {
        <p>
          {{ c.encounter.type }} · {{ c.encounter.admittedAt?.slice(0, 10) ?? c.encounter.serviceDate }}
          @if (c.encounter.dischargedAt) {
            to {{ c.encounter.dischargedAt.slice(0, 10) }}
          }
          · age {{ c.patient.ageAtService }} · {{ c.patient.sex }}
        </p>
        <ul class="docs">
          @for (d of readable(); track d.id) {
            <li>
              <button mat-button type="button" (click)="open(d.id)" [attr.aria-pressed]="doc()?.id === d.id">
                {{ d.title }} ({{ d.authoredAt.slice(0, 10) }})
              </button>
            </li>
          }
          @if (withheld() > 0) {
            <li>{{ withheld() }} document(s) withheld: above your clearance.</li>
          }
        </ul>
        @if (doc(); as d) {
          <article class="doc" aria-live="polite">
            <p class="watermark" aria-hidden="true">{{ watermark() }}</p>
            <h3>{{ d.title }}</h3>
            <p>{{ d.author }} · {{ d.authoredAt.slice(0, 16).replace('T', ' ') }}</p>
            <pre>{{ d.text }}</pre>
          </article>
        }
      }
    </section>
  `,
  styles: `
    ul.docs {
      list-style: none;
      padding: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem;
    }
    article.doc {
      position: relative;
      border: 1px solid #ccc;
      padding: 0.5rem 1rem;
      max-height: 28rem;
      overflow: auto;
    }
    pre {
      white-space: pre-wrap;
      font-family: inherit;
      user-select: text;
    }
    .watermark {
      position: sticky;
      top: 0;
      margin: 0;
      color: #595959;
      font-size: 0.8rem;
      background: #fffe;
    }
    .error {
      color: #b00020;
    }
  `,
})
export class ReviewChartComponent {
  private readonly http = inject(HttpClient);
  private readonly auth = inject(AuthService);
  readonly encounterId = input.required<string>();
  protected readonly chart = signal<ChartView | null>(null);
  protected readonly doc = signal<DocumentView | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly readable = computed(() =>
    (this.chart()?.documents ?? []).filter((d): d is DocumentSummaryView => !d.withheld),
  );
  protected readonly withheld = computed(() => (this.chart()?.documents ?? []).filter((d) => d.withheld).length);
  protected readonly watermark = computed(
    () =>
      `${this.auth.user()?.username ?? ''} · ${new Date().toISOString().slice(0, 16)} · chart ${this.encounterId().slice(0, 8)}`,
  );

  constructor() {
    effect(() => {
      const id = this.encounterId();
      void this.load(id);
    });
  }

  private async load(id: string): Promise<void> {
    try {
      this.chart.set(await firstValueFrom(this.http.get<ChartView>(apiUrl(qualityPath(RecordsPaths.chart, { id })))));
    } catch (e) {
      this.error.set(apiErrorMessage(e));
    }
  }

  protected async open(docId: string): Promise<void> {
    try {
      const path = qualityPath(RecordsPaths.chartDocument, { id: this.encounterId(), docId });
      this.doc.set(await firstValueFrom(this.http.get<DocumentView>(apiUrl(path))));
    } catch (e) {
      this.error.set(apiErrorMessage(e));
    }
  }
}
