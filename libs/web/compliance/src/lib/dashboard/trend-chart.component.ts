import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { DailyCount } from '@chartdesk/contracts';
import { ChartCanvasComponent } from '@chartdesk/web-ui';
import type { ChartConfiguration } from 'chart.js';

/** One daily trend as a line chart, with the same figures in a table for screen readers. */
@Component({
  selector: 'cd-trend-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ChartCanvasComponent],
  template: `
    <figure>
      <figcaption>{{ title() }}</figcaption>
      <cd-chart [config]="config()" [label]="summary()" height="180px" />
      <table class="visually-hidden">
        <caption>
          {{
            title()
          }}
          by day
        </caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Count</th>
          </tr>
        </thead>
        <tbody>
          @for (d of data(); track d.day) {
            <tr>
              <td>{{ d.day }}</td>
              <td>{{ d.count }}</td>
            </tr>
          }
        </tbody>
      </table>
    </figure>
  `,
  styles: `
    figure {
      margin: 0;
    }
    figcaption {
      font-weight: 600;
      margin-bottom: 4px;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
  `,
})
export class TrendChartComponent {
  readonly title = input.required<string>();
  readonly data = input.required<readonly DailyCount[]>();
  readonly color = input('#0b57d0');

  protected readonly config = computed<ChartConfiguration>(() => {
    const data = this.data();
    return {
      type: 'line',
      data: {
        labels: data.map((d) => d.day.slice(5)),
        datasets: [
          { data: data.map((d) => d.count), borderColor: this.color(), fill: false, tension: 0.2, pointRadius: 2 },
        ],
      },
      options: { scales: { y: { beginAtZero: true } } },
    };
  });

  summary(): string {
    const data = this.data();
    const total = data.reduce((s, d) => s + d.count, 0);
    return `${this.title()}: ${total} over ${data.length} days; latest day ${data[data.length - 1]?.count ?? 0}.`;
  }
}
