import { TestBed } from '@angular/core/testing';
import { Chart, type ChartConfiguration } from 'chart.js';
import { ChartCanvasComponent } from './chart-canvas.component';

const bars = (values: number[]): ChartConfiguration => ({
  type: 'bar',
  data: { labels: values.map((_, i) => `d${i}`), datasets: [{ label: 'Open charts', data: values }] },
});

describe('ChartCanvasComponent', () => {
  // jsdom cannot draw: chart.js gets a bare 2D context (what it touches outside drawing), and
  // its first layout is replaced by recording the configuration it was given.
  let drawn: ChartConfiguration[];
  let spies: jest.SpyInstance[];
  beforeEach(() => {
    drawn = [];
    const noop = (): void => undefined;
    spies = [
      jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (this: HTMLCanvasElement) {
        return { canvas: this, save: noop, restore: noop, resetTransform: noop, clearRect: noop } as never;
      }),
      jest.spyOn(Chart.prototype as unknown as { _initialize: () => void }, '_initialize').mockImplementation(function (
        this: Chart,
      ) {
        drawn.push(this.config as unknown as ChartConfiguration);
      }),
    ];
  });
  afterEach(() => spies.forEach((s) => s.mockRestore()));

  /** chart.js loads on first use: wait (bounded) until it has drawn `n` charts. */
  async function drawnCount(n: number): Promise<void> {
    for (let tick = 0; tick < 100 && drawn.length < n; tick += 1) await new Promise((r) => setTimeout(r, 0));
    expect(drawn).toHaveLength(n);
  }

  async function render(config: ChartConfiguration, label = 'Open charts by age') {
    const fixture = TestBed.createComponent(ChartCanvasComponent);
    fixture.componentRef.setInput('config', config);
    fixture.componentRef.setInput('label', label);
    await fixture.whenStable();
    return fixture;
  }

  it('names the canvas for assistive technology and sizes the host', async () => {
    const fixture = await render(bars([1, 2]));
    fixture.componentRef.setInput('height', '180px');
    await fixture.whenStable();
    const host = fixture.nativeElement as HTMLElement;
    const canvas = host.querySelector('canvas');
    expect(canvas?.getAttribute('role')).toBe('img');
    expect(canvas?.getAttribute('aria-label')).toBe('Open charts by age');
    expect(host.style.height).toBe('180px');
  });

  it('draws the config with animation off, redraws on change and cleans up on destroy', async () => {
    const destroy = jest.spyOn(Chart.prototype, 'destroy');
    spies.push(destroy);
    const fixture = await render(bars([1, 2]));
    await drawnCount(1);
    fixture.componentRef.setInput('config', bars([3, 4, 5]));
    await fixture.whenStable();
    await drawnCount(2);
    expect(drawn.map((c) => c.data.datasets[0]?.data)).toEqual([
      [1, 2],
      [3, 4, 5],
    ]);
    expect(drawn[0]?.options).toMatchObject({ animation: false, maintainAspectRatio: false });
    expect(destroy).toHaveBeenCalledTimes(1);
    fixture.destroy();
    expect(destroy).toHaveBeenCalledTimes(2);
  });
});
