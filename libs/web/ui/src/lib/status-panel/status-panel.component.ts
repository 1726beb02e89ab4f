import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import type { HealthReady } from '@chartdesk/contracts';

/** Presentational: one card with the server's readiness. */
@Component({
  selector: 'cd-status-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatCardModule],
  template: `
    @if (health(); as h) {
      <mat-card appearance="outlined" class="panel">
        <mat-card-header>
          <mat-card-title>Server</mat-card-title>
        </mat-card-header>
        <mat-card-content>
          <dl>
            <dt>Status</dt>
            <dd data-testid="status" [class.bad]="h.status !== 'ready'">{{ h.status }}</dd>
            <dt>Database</dt>
            <dd data-testid="database">{{ h.database.mode }} · {{ h.database.up ? 'up' : 'down' }}</dd>
            <dt>Version</dt>
            <dd data-testid="version">{{ h.version }}</dd>
          </dl>
        </mat-card-content>
      </mat-card>
    }
  `,
  styles: `
    .panel {
      max-width: 420px;
    }
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 8px 24px;
      margin: 0;
    }
    dt {
      font-weight: 500;
    }
    dd {
      margin: 0;
    }
    .bad {
      color: var(--mat-sys-error);
    }
  `,
})
export class StatusPanelComponent {
  readonly health = input<HealthReady | null>(null);
}
