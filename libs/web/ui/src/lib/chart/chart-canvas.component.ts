import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  type OnDestroy,
  effect,
  input,
  viewChild,
} from '@angular/core';
import type { Chart, ChartConfiguration } from 'chart.js';

type ChartJs = typeof import('chart.js');
let chartJs: Promise<ChartJs> | null = null;

/**
 * chart.js is loaded on first use: this lib is also imported by the shell, and a
 * static import would put chart.js in the initial bundle of every page.
 */
function loadChartJs(): Promise<ChartJs> {
  chartJs ??= import('chart.js').then((m) => {
    m.Chart.register(...m.registerables);
    return m;
  });
  return chartJs;
}

/**
 * The one chart.js wrapper of the web libs: a canvas that draws `config` and
 * redraws when it changes. The canvas is an image to assistive technology,
 * named by `label`; callers show the same numbers as text or a table.
 * Animation is off (charts are read, not watched) and the chart fills the
 * host, whose height is `height`.
 */
@Component({
  selector: 'cd-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<canvas #canvas role="img" [attr.aria-label]="label()"></canvas>`,
  host: { '[style.height]': 'height()' },
  styles: `
    :host {
      display: block;
      position: relative;
    }
  `,
})
export class ChartCanvasComponent implements OnDestroy {
  readonly config = input.required<ChartConfiguration>();
  readonly label = input.required<string>();
  readonly height = input('16rem');
  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  private chart: Chart | null = null;
  private destroyed = false;

  constructor() {
    effect(() => {
      const config = this.config();
      const canvas = this.canvas().nativeElement;
      void loadChartJs().then(({ Chart }) => {
        if (this.destroyed) return;
        this.chart?.destroy();
        this.chart = new Chart(canvas, {
          ...config,
          options: { responsive: true, maintainAspectRatio: false, animation: false, ...config.options },
        });
      });
    });
  }

  ngOnDestroy(): void {
    this.destroyed = true;
    this.chart?.destroy();
  }
}
