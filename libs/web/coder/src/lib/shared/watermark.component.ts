import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  type OnDestroy,
  afterRenderEffect,
  computed,
  input,
  viewChild,
} from '@angular/core';

/**
 * Who is looking, when, at which chart — tiled over clinical content so a photo
 * or screenshot of the screen names its source. Drawn on a canvas: it is not
 * text, so it cannot be selected, copied or read out by a screen reader.
 */
@Component({
  selector: 'cd-watermark',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<canvas #canvas aria-hidden="true" data-testid="watermark" [attr.data-text]="text()"></canvas>`,
  styles: `
    :host {
      position: absolute;
      inset: 0;
      pointer-events: none;
      overflow: hidden;
      z-index: 5;
    }
    canvas {
      width: 100%;
      height: 100%;
      display: block;
    }
  `,
})
export class WatermarkComponent implements OnDestroy {
  readonly user = input.required<string>();
  readonly chartId = input.required<string>();
  readonly at = input.required<Date>();
  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  private readonly resize = new ResizeObserver(() => this.draw());
  protected readonly text = computed(
    () =>
      `${this.user()} · ${this.at().toISOString().slice(0, 16).replace('T', ' ')} UTC · chart ${this.chartId().slice(0, 8)}`,
  );

  constructor() {
    afterRenderEffect(() => {
      this.text();
      this.resize.disconnect();
      this.resize.observe(this.canvas().nativeElement);
      this.draw();
    });
  }

  ngOnDestroy(): void {
    this.resize.disconnect();
  }

  private draw(): void {
    const canvas = this.canvas().nativeElement;
    const ratio = window.devicePixelRatio || 1;
    const width = canvas.clientWidth;
    const height = canvas.clientHeight;
    canvas.width = Math.max(1, Math.round(width * ratio));
    canvas.height = Math.max(1, Math.round(height * ratio));
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.scale(ratio, ratio);
    ctx.clearRect(0, 0, width, height);
    ctx.font = '600 14px monospace';
    ctx.fillStyle = 'rgba(120, 120, 120, 0.18)';
    ctx.rotate(-0.4);
    const text = this.text();
    const step = ctx.measureText(text).width + 48;
    for (let y = -height; y < height * 2; y += 72) {
      for (let x = -width; x < width * 2; x += step) ctx.fillText(text, x, y);
    }
  }
}
