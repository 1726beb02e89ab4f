import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { CoderScorecard, ReviewSummary } from '@chartdesk/contracts';
import { apiErrorMessage } from '@chartdesk/web-core';

import { MyQualityApiService } from './my-quality-api.service';

const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)} %`);

/** The coder's scorecard and the reviews of their work, newest first. */
@Component({
  selector: 'cd-my-quality-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <h1>My quality</h1>
    @if (error(); as e) {
      <p role="alert" class="error">{{ e }}</p>
    }
    @if (card(); as c) {
      <section aria-labelledby="card-h">
        <h2 id="card-h">Scorecard (last 30 days)</h2>
        <dl class="card" data-testid="my-scorecard">
          <dt>Reviews closed</dt>
          <dd data-testid="reviews-closed">{{ c.reviewsClosed }}</dd>
          <dt>Diagnosis accuracy</dt>
          <dd data-testid="dx-accuracy">{{ pct(c.diagnosisAccuracy) }}</dd>
          <dt>Procedure accuracy</dt>
          <dd>{{ pct(c.procedureAccuracy) }}</dd>
          <dt>Pass rate</dt>
          <dd>{{ pct(c.passRate) }}</dd>
          <dt>Charts per active hour</dt>
          <dd>{{ c.chartsPerHour ?? '—' }} ({{ c.chartsSubmitted }} charts, {{ c.activeCodingHours }} h active)</dd>
          <dt>Median turnaround</dt>
          <dd>{{ c.medianTurnaroundHours === null ? '—' : c.medianTurnaroundHours + ' h' }}</dd>
          <dt>Open items</dt>
          <dd>{{ c.openAssignments }} charts · {{ c.reviewsAwaitingResponse }} reviews to answer</dd>
        </dl>
        @if (c.accuracyOverTime.length > 0) {
          <table aria-label="Accuracy by week">
            <thead>
              <tr>
                <th scope="col">Week of</th>
                <th scope="col">Reviews</th>
                <th scope="col">Diagnoses</th>
                <th scope="col">Procedures</th>
              </tr>
            </thead>
            <tbody>
              @for (p of c.accuracyOverTime; track p.week) {
                <tr>
                  <td>{{ p.week }}</td>
                  <td>{{ p.reviews }}</td>
                  <td>{{ pct(p.diagnosisAccuracy) }}</td>
                  <td>{{ pct(p.procedureAccuracy) }}</td>
                </tr>
              }
            </tbody>
          </table>
        }
      </section>
    }
    <section aria-labelledby="reviews-h">
      <h2 id="reviews-h">Reviews of my work</h2>
      <ul>
        @for (r of reviews(); track r.id) {
          <li>
            <a [routerLink]="['reviews', r.id]" [attr.data-testid]="'my-review-' + r.encounterId"
              >Chart {{ r.encounterId.slice(0, 8) }}</a
            >
            · {{ r.status === 'AWAITING_CODER' ? 'your answer is needed' : r.status }} · {{ r.findings }} finding(s) ·
            diagnoses {{ pct(r.score?.diagnosis?.accuracy) }}
          </li>
        } @empty {
          <li>No reviews yet.</li>
        }
      </ul>
    </section>
  `,
  styles: `
    dl.card {
      display: grid;
      grid-template-columns: max-content auto;
      gap: 0.25rem 1rem;
    }
    dt {
      font-weight: 600;
    }
    table {
      border-collapse: collapse;
    }
    th,
    td {
      padding: 0.25rem 0.6rem;
      border-bottom: 1px solid #ccc;
      text-align: left;
    }
    .error {
      color: #b00020;
    }
  `,
})
export class MyQualityPage {
  private readonly api = inject(MyQualityApiService);
  protected readonly card = signal<CoderScorecard | null>(null);
  protected readonly reviews = signal<readonly ReviewSummary[]>([]);
  protected readonly error = signal<string | null>(null);
  protected readonly pct = pct;

  constructor() {
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      const [card, list] = await Promise.all([this.api.scorecard(), this.api.reviews()]);
      this.card.set(card);
      this.reviews.set(list.reviews);
    } catch (e) {
      this.error.set(apiErrorMessage(e));
    }
  }
}
