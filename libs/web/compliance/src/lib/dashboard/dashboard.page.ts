import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { type ComplianceDashboard, REVIEW_SEVERITIES, REVIEW_STATUSES } from '@chartdesk/contracts';
import { apiErrorMessage } from '@chartdesk/web-core';
import { ComplianceApi } from '../compliance-api.service';
import { TrendChartComponent } from './trend-chart.component';
import { durationText } from '../shared/duration';

/** Queue counts, how long the oldest item has waited, and 30-day trends. */
@Component({
  selector: 'cd-compliance-dashboard',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, RouterLink, TrendChartComponent],
  template: `
    <h1>Compliance dashboard</h1>
    @if (error(); as e) {
      <p role="alert" class="error">{{ e }}</p>
    }
    @if (data(); as d) {
      <section class="cards" aria-label="Review queue">
        @for (s of statuses; track s) {
          <a class="card" [routerLink]="['/compliance/review']" [queryParams]="{ status: s }">
            <span class="n" [attr.data-testid]="'count-' + s">{{ d.byStatus[s] }}</span>
            <span>{{ s.replace('_', ' ').toLowerCase() }}</span>
          </a>
        }
      </section>
      <p>
        Open by severity:
        @for (s of severities; track s) {
          <span class="sev">{{ s.toLowerCase() }} {{ d.openBySeverity[s] }}</span>
        }
        · oldest open item: {{ d.oldestOpenSeconds === null ? 'none' : duration(d.oldestOpenSeconds) }}
      </p>
      <section class="charts" aria-label="Trends over 30 days">
        <cd-trend-chart title="Chart accesses per day" [data]="d.accessesPerDay" />
        <cd-trend-chart title="Denials per day" [data]="d.denialsPerDay" color="#b3261e" />
        <cd-trend-chart title="Open review items" [data]="d.openItemsPerDay" color="#146c2e" />
      </section>
    }
  `,
  styles: `
    .cards {
      display: flex;
      gap: 12px;
      flex-wrap: wrap;
      margin-bottom: 12px;
    }
    .card {
      display: flex;
      flex-direction: column;
      min-width: 120px;
      padding: 12px;
      border: 1px solid #c4c7c5;
      border-radius: 8px;
      color: inherit;
      text-decoration: none;
    }
    .card:focus-visible {
      outline: 2px solid #0b57d0;
    }
    .n {
      font-size: 28px;
      font-weight: 600;
    }
    .sev {
      margin-right: 12px;
    }
    .charts {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(300px, 1fr));
      gap: 24px;
    }
    .error {
      color: #b3261e;
    }
  `,
})
export class DashboardPage {
  private readonly api = inject(ComplianceApi);
  readonly statuses = REVIEW_STATUSES;
  readonly severities = REVIEW_SEVERITIES;
  readonly data = signal<ComplianceDashboard | null>(null);
  readonly error = signal<string | null>(null);
  readonly duration = durationText;

  constructor() {
    this.api.dashboard().then(
      (d) => this.data.set(d),
      (e: unknown) => this.error.set(apiErrorMessage(e)),
    );
  }
}
