import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { StatusPanelComponent } from '@chartdesk/web-ui';
import { HealthService } from '../health/health.service';

/** Landing page until sign-in exists: shows whether the server and its database are ready. */
@Component({
  selector: 'cd-system-status-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [StatusPanelComponent],
  template: `
    <h1 class="page-title">System status</h1>
    @switch (state().kind) {
      @case ('loading') {
        <p role="status">Checking the server…</p>
      }
      @case ('error') {
        <p role="alert" class="error">{{ errorMessage() }}</p>
      }
      @case ('ok') {
        <cd-status-panel [health]="healthOrNull()" />
      }
    }
  `,
  styles: `
    .page-title {
      font: var(--mat-sys-headline-small);
      margin: 0 0 16px;
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
})
export class SystemStatusPage {
  protected readonly state = inject(HealthService).readySignal();

  protected errorMessage(): string {
    const s = this.state();
    return s.kind === 'error' ? s.message : '';
  }

  protected healthOrNull() {
    const s = this.state();
    return s.kind === 'ok' ? s.health : null;
  }
}
