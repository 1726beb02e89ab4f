import { ChangeDetectionStrategy, Component, type OnInit, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { FINDING_KIND_LABELS, REASON_CATEGORY_LABELS, type ReviewWorksheet } from '@chartdesk/contracts';
import { apiErrorMessage } from '@chartdesk/web-core';
import { MyQualityApiService } from './my-quality-api.service';

const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)} %`);

/** One review of the coder's work: each finding to acknowledge or rebut, with a comment. */
@Component({
  selector: 'cd-my-review-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule, RouterLink],
  template: `
    <p><a routerLink="../..">← My quality</a></p>
    @if (error(); as e) {
      <p role="alert" class="error" data-testid="my-review-error">{{ e }}</p>
    }
    @if (ws(); as w) {
      <h1>Review of chart {{ w.encounterId.slice(0, 8) }}</h1>
      <p>
        Status <strong data-testid="my-review-status">{{ w.status }}</strong>
        @if (w.score; as s) {
          · diagnoses {{ pct(s.diagnosis.accuracy) }} · procedures {{ pct(s.procedure.accuracy) }} ·
          {{ s.passed ? 'Pass' : 'Fail' }}
        }
      </p>
      <table aria-label="Findings">
        <thead>
          <tr>
            <th scope="col">Finding</th>
            <th scope="col">Reason</th>
            <th scope="col">Your answer</th>
            <th scope="col">Decision</th>
          </tr>
        </thead>
        <tbody>
          @for (f of w.findingsDetail; track f.id; let i = $index) {
            <tr [attr.data-testid]="'my-finding-' + f.kind">
              <td>{{ kindLabels[f.kind] }}: {{ f.detail }}</td>
              <td>{{ reasonLabels[f.reason] }}{{ f.auditorComment ? ' — ' + f.auditorComment : '' }}</td>
              <td>
                @if (f.response === 'PENDING' && w.status === 'AWAITING_CODER') {
                  <input
                    [name]="'comment' + i"
                    [(ngModel)]="comments[f.id]"
                    [attr.aria-label]="'Your comment on ' + f.detail"
                    [attr.data-testid]="'rebut-comment-' + f.kind"
                  />
                  <button
                    mat-button
                    type="button"
                    (click)="respond(f.id, 'ACKNOWLEDGED')"
                    [disabled]="busy()"
                    [attr.data-testid]="'acknowledge-' + f.kind"
                  >
                    Acknowledge
                  </button>
                  <button
                    mat-button
                    type="button"
                    (click)="respond(f.id, 'REBUTTED')"
                    [disabled]="busy()"
                    [attr.data-testid]="'rebut-' + f.kind"
                  >
                    Rebut
                  </button>
                } @else {
                  {{ f.response }}{{ f.coderComment ? ': ' + f.coderComment : '' }}
                }
              </td>
              <td>{{ f.decision ?? '' }}{{ f.decisionComment ? ': ' + f.decisionComment : '' }}</td>
            </tr>
          } @empty {
            <tr>
              <td colspan="4">No findings: your codes stood as submitted.</td>
            </tr>
          }
        </tbody>
      </table>
    }
  `,
  styles: `
    table {
      border-collapse: collapse;
    }
    th,
    td {
      padding: 0.25rem 0.6rem;
      border-bottom: 1px solid #ccc;
      text-align: left;
      vertical-align: top;
    }
    .error {
      color: #b00020;
    }
  `,
})
export class MyReviewPage implements OnInit {
  private readonly api = inject(MyQualityApiService);
  /** From the route (`reviews/:id`), bound by the router. */
  readonly id = input.required<string>();
  protected readonly ws = signal<ReviewWorksheet | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly kindLabels = FINDING_KIND_LABELS;
  protected readonly reasonLabels = REASON_CATEGORY_LABELS;
  protected readonly pct = pct;
  protected comments: Record<string, string> = {};

  ngOnInit(): void {
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.ws.set(await this.api.review(this.id()));
    } catch (e) {
      this.error.set(apiErrorMessage(e));
    }
  }

  protected async respond(findingId: string, response: 'ACKNOWLEDGED' | 'REBUTTED'): Promise<void> {
    const w = this.ws();
    if (!w) return;
    this.busy.set(true);
    this.error.set(null);
    try {
      this.ws.set(
        await this.api.respond(w.id, findingId, { response, comment: (this.comments[findingId] ?? '').trim() }),
      );
    } catch (e) {
      this.error.set(apiErrorMessage(e));
    } finally {
      this.busy.set(false);
    }
  }
}
