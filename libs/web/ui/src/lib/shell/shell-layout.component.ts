import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatToolbarModule } from '@angular/material/toolbar';

/** Presentational page frame: product bar, optional nav slot, main content. */
@Component({
  selector: 'cd-shell-layout',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatToolbarModule],
  template: `
    <a class="skip-link" href="#main">Skip to content</a>
    <mat-toolbar class="bar" role="banner">
      <span class="brand">ChartDesk</span>
      <span class="spacer"></span>
      <ng-content select="[shellNav]" />
    </mat-toolbar>
    <main id="main" class="content" tabindex="-1">
      <ng-content />
    </main>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      min-height: 100vh;
    }
    .bar {
      background: var(--mat-sys-primary);
      color: var(--mat-sys-on-primary);
    }
    .brand {
      font-weight: 600;
      letter-spacing: 0.02em;
    }
    .spacer {
      flex: 1;
    }
    .content {
      padding: 24px;
      flex: 1;
    }
    .skip-link {
      position: absolute;
      left: -1000px;
    }
    .skip-link:focus {
      left: 8px;
      top: 8px;
      z-index: 10;
      background: var(--mat-sys-surface);
      padding: 8px;
    }
  `,
})
export class ShellLayoutComponent {}
