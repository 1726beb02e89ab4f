import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { ConnectionStatus } from './connection-status';

/** A small, polite notice while the server cannot be reached; the page stays usable and signed in. */
@Component({
  selector: 'cd-connection-banner',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div role="status" aria-live="polite" class="holder">
      @if (status.reconnecting()) {
        <p class="banner" data-testid="connection-lost">Connection to the server lost — retrying…</p>
      }
    </div>
  `,
  styles: `
    .holder {
      position: fixed;
      top: 8px;
      left: 50%;
      transform: translateX(-50%);
      z-index: 30;
    }
    .banner {
      margin: 0;
      padding: 6px 14px;
      border-radius: 16px;
      background: var(--mat-sys-inverse-surface);
      color: var(--mat-sys-inverse-on-surface);
      font: var(--mat-sys-body-medium);
    }
  `,
})
export class ConnectionBannerComponent {
  protected readonly status = inject(ConnectionStatus);
}
