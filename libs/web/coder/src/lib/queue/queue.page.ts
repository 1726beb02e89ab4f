import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, HostListener, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { Router, RouterLink } from '@angular/router';
import { type QueueResponse, WORK_PRIORITY_LABELS, type WorkPriority } from '@chartdesk/contracts';
import { apiErrorMessage } from '@chartdesk/web-core';
import { CoderApiService } from '../shared/coder-api.service';
import { ShortcutHelpComponent } from '../shortcuts/shortcut-help.component';
import { type Shortcut, isTextField, keyFromEvent, matchShortcut } from '../shortcuts/shortcuts';

/** The coder's queue. Next chart decides what to open, so nobody cherry-picks. */
@Component({
  selector: 'cd-queue-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, MatButtonModule, RouterLink, ShortcutHelpComponent],
  template: `
    <div class="head">
      <h1>My work</h1>
      <button mat-flat-button type="button" data-testid="next-chart" (click)="next()" [disabled]="busy()">
        Next chart <kbd>N</kbd>
      </button>
      <button mat-stroked-button type="button" (click)="help.set(true)">Shortcuts <kbd>?</kbd></button>
    </div>
    @if (message(); as m) {
      <p role="status" data-testid="queue-message">{{ m }}</p>
    }
    @if (error(); as e) {
      <p role="alert" class="error">{{ e }}</p>
    }
    @if (queue(); as q) {
      <p>
        {{ q.entries.length }} chart(s) in your queue{{
          q.selfPullAllowed ? '; Next chart also pulls from the team pool when it is empty' : ''
        }}.
      </p>
      <table class="table" data-testid="queue-table">
        <caption class="visually-hidden">
          Your queue, in the order Next chart takes it
        </caption>
        <thead>
          <tr>
            <th scope="col">Encounter</th>
            <th scope="col">Facility</th>
            <th scope="col">Type</th>
            <th scope="col">Service date</th>
            <th scope="col">Priority</th>
            <th scope="col">Due</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          @for (e of q.entries; track e.encounterId) {
            <tr [attr.data-encounter]="e.encounterId">
              <td>
                @if (e.status === 'IN_PROGRESS' || e.status === 'ON_HOLD') {
                  <a [routerLink]="['/work/charts', e.encounterId]">{{ e.encounterNumber }}</a>
                } @else {
                  {{ e.encounterNumber }}
                }
              </td>
              <td>{{ e.facility }}</td>
              <td>{{ e.type }}</td>
              <td>{{ e.serviceDate }}</td>
              <td>{{ priorityLabel(e.priority) }}</td>
              <td>{{ e.dueDate ?? '—' }}</td>
              <td>{{ e.status }}</td>
            </tr>
          } @empty {
            <tr>
              <td colspan="7">Your queue is empty.</td>
            </tr>
          }
        </tbody>
      </table>
      <p class="hint">
        Charts you have started can be reopened from the list; new work always comes through Next chart.
      </p>
      <p class="hint">Loaded {{ loadedAt() | date: 'HH:mm' }}</p>
    }
    @if (help()) {
      <cd-shortcut-help [shortcuts]="shortcuts" (closed)="help.set(false)" />
    }
  `,
  styles: `
    .head {
      display: flex;
      gap: 12px;
      align-items: center;
      flex-wrap: wrap;
    }
    h1 {
      margin: 0 auto 0 0;
      font: var(--mat-sys-headline-small);
    }
    kbd {
      font-family: monospace;
      font-size: 0.8em;
      opacity: 0.8;
      margin-left: 6px;
    }
    .table {
      border-collapse: collapse;
      width: 100%;
      margin-top: 8px;
    }
    .table th,
    .table td {
      text-align: left;
      padding: 6px 8px;
      border-bottom: 1px solid #ccc;
    }
    .error {
      color: #b00020;
    }
    .hint {
      color: #555;
      font-size: 0.9em;
    }
  `,
})
export class QueuePage {
  private readonly api = inject(CoderApiService);
  private readonly router = inject(Router);
  protected readonly queue = signal<QueueResponse | null>(null);
  protected readonly loadedAt = signal(new Date());
  protected readonly busy = signal(false);
  protected readonly help = signal(false);
  protected readonly message = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);

  protected readonly shortcuts: readonly Shortcut[] = [
    { keys: 'N', label: 'Open the next chart', run: () => void this.next() },
    { keys: 'R', label: 'Reload the queue', run: () => void this.load() },
    { keys: '?', label: 'Show these shortcuts', run: () => this.help.set(true) },
    { keys: 'Escape', label: 'Close this overlay', run: () => this.help.set(false) },
  ];

  constructor() {
    void this.load();
  }

  @HostListener('document:keydown', ['$event'])
  protected onKey(event: KeyboardEvent): void {
    const shortcut = matchShortcut(keyFromEvent(event), this.shortcuts, isTextField(event.target));
    if (!shortcut) return;
    event.preventDefault();
    shortcut.run();
  }

  protected priorityLabel(p: WorkPriority): string {
    return WORK_PRIORITY_LABELS[p];
  }

  protected async load(): Promise<void> {
    try {
      this.queue.set(await this.api.queue());
      this.loadedAt.set(new Date());
      this.error.set(null);
    } catch (e) {
      this.error.set(apiErrorMessage(e));
    }
  }

  protected async next(): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    try {
      const next = await this.api.next();
      if (next.encounterId) await this.router.navigate(['/work/charts', next.encounterId]);
      else this.message.set('Nothing to work on right now. Your supervisor will assign more charts.');
    } catch (e) {
      this.error.set(apiErrorMessage(e));
    } finally {
      this.busy.set(false);
    }
  }
}
