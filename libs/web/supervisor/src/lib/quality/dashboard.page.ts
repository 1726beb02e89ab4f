import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import type { TeamDashboard } from '@chartdesk/contracts';
import { apiErrorMessage } from '@chartdesk/web-core';
import { ChartCanvasComponent } from '@chartdesk/web-ui';
import type { ChartConfiguration } from 'chart.js';
import { QualityApiService } from './quality-api.service';
import { percent } from './quality-format';

const PALETTE = ['#1565c0', '#2e7d32', '#6a1b9a', '#ef6c00', '#00838f', '#ad1457'];

/** The team dashboard: accuracy over time, throughput, backlog aging, charts at risk, and every coder's scorecard. */
@Component({
  selector: 'cd-quality-dashboard-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, RouterLink, ChartCanvasComponent],
  templateUrl: './dashboard.page.html',
  styles: `
    .charts {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr));
      gap: 1.5rem;
    }
    table {
      border-collapse: collapse;
      margin: 0.5rem 0 1rem;
    }
    th,
    td {
      padding: 0.25rem 0.6rem;
      text-align: left;
      border-bottom: 1px solid #ccc;
    }
    .error {
      color: #b00020;
    }
  `,
})
export class QualityDashboardPage {
  private readonly api = inject(QualityApiService);
  protected readonly data = signal<TeamDashboard | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly pct = percent;

  protected readonly accuracyChart = computed<ChartConfiguration | null>(() => {
    const d = this.data();
    if (!d) return null;
    const weeks = [...new Set(d.coders.flatMap((c) => c.accuracyOverTime.map((p) => p.week)))].sort();
    return {
      type: 'line',
      data: {
        labels: weeks,
        datasets: d.coders.map((c, i) => ({
          label: c.coderName,
          data: weeks.map((w) => {
            const v = c.accuracyOverTime.find((p) => p.week === w)?.diagnosisAccuracy;
            return v === null || v === undefined ? null : Math.round(v * 1000) / 10;
          }),
          borderColor: PALETTE[i % PALETTE.length],
          backgroundColor: PALETTE[i % PALETTE.length],
          // A coder with one reviewed week is one point: make it visible.
          pointRadius: 5,
          spanGaps: true,
        })),
      },
      options: { scales: { y: { min: 0, max: 100, title: { display: true, text: 'Diagnosis accuracy %' } } } },
    };
  });

  protected readonly throughputChart = computed<ChartConfiguration | null>(() => {
    const d = this.data();
    if (!d) return null;
    return {
      type: 'bar',
      data: {
        labels: d.throughput.map((p) => p.day.slice(5)),
        datasets: [
          { label: 'Submitted', data: d.throughput.map((p) => p.submitted), backgroundColor: PALETTE[0] },
          { label: 'Completed', data: d.throughput.map((p) => p.completed), backgroundColor: PALETTE[1] },
        ],
      },
    };
  });

  protected readonly backlogChart = computed<ChartConfiguration | null>(() => {
    const d = this.data();
    if (!d) return null;
    return {
      type: 'bar',
      data: {
        labels: d.backlogAging.map((b) => b.label),
        datasets: [{ label: 'Open charts', data: d.backlogAging.map((b) => b.charts), backgroundColor: PALETTE[3] }],
      },
    };
  });

  constructor() {
    void this.load();
  }

  protected async load(): Promise<void> {
    try {
      this.data.set(await this.api.dashboard());
    } catch (e) {
      this.error.set(apiErrorMessage(e));
    }
  }

  /** Builds the file in memory: nothing about the team goes into a URL or browser history. */
  protected async downloadCsv(): Promise<void> {
    try {
      const csv = await this.api.scorecardsCsv();
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = 'team-scorecards.csv';
      a.click();
      URL.revokeObjectURL(url);
    } catch (e) {
      this.error.set(apiErrorMessage(e));
    }
  }
}
