import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { type CoderLoad, type TeamWorkEntry, WORK_PRIORITY_LABELS } from '@chartdesk/contracts';
import { apiErrorMessage } from '@chartdesk/web-core';
import { SupervisorApiService } from './supervisor-api.service';

/** The team's charts: reassign, unassign, break a stuck lease, return or accept a submission. */
@Component({
  selector: 'cd-team-work',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 id="team-work-title">Team work ({{ work().length }})</h2>
    @if (error(); as e) {
      <p role="alert" class="error">{{ e }}</p>
    }
    <table class="table" aria-labelledby="team-work-title" data-testid="team-work">
      <thead>
        <tr>
          <th scope="col">Encounter</th>
          <th scope="col">Coder</th>
          <th scope="col">Status</th>
          <th scope="col">Priority</th>
          <th scope="col">Due</th>
          <th scope="col">Open by</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        @for (w of work(); track w.encounterId) {
          <tr [attr.data-encounter]="w.encounterId">
            <td>
              {{ w.encounterNumber }} <small>{{ w.facility }} · {{ w.type }}</small>
            </td>
            <td>{{ w.coderName }}</td>
            <td>{{ w.status }}</td>
            <td>{{ priorityLabels[w.priority] }}</td>
            <td>{{ w.dueDate ?? '—' }}</td>
            <td>{{ w.leasedBy ?? '—' }}</td>
            <td class="actions">
              @if (w.status === 'ASSIGNED' || w.status === 'IN_PROGRESS' || w.status === 'RETURNED') {
                <select [attr.aria-label]="'Reassign ' + w.encounterNumber" (change)="reassign(w, $event)">
                  <option value="">Reassign to…</option>
                  @for (c of coders(); track c.coderId) {
                    @if (c.coderId !== w.coderId) {
                      <option [value]="c.coderId">{{ c.displayName }}</option>
                    }
                  }
                </select>
                <button type="button" (click)="run(api.unassign([w.encounterId]))">Unassign</button>
              }
              @if (w.leasedBy) {
                <button type="button" (click)="run(api.breakLease(w.encounterId))">Break lease</button>
              }
              @if (w.status === 'SUBMITTED') {
                <button type="button" (click)="returning.set(w.encounterId)">Return…</button>
                <button type="button" (click)="run(api.complete(w.encounterId))">Accept</button>
              }
            </td>
          </tr>
          @if (returning() === w.encounterId) {
            <tr>
              <td colspan="7">
                <form class="return" (submit)="$event.preventDefault(); returnChart(w, reason.value)">
                  <label
                    >Why is {{ w.encounterNumber }} going back to {{ w.coderName }}?
                    <textarea #reason rows="2" minlength="5" maxlength="2000" required></textarea>
                  </label>
                  <button type="submit">Return to coder</button>
                  <button type="button" (click)="returning.set(null)">Cancel</button>
                </form>
              </td>
            </tr>
          }
        } @empty {
          <tr>
            <td colspan="7">No open work in your team.</td>
          </tr>
        }
      </tbody>
    </table>
  `,
  styles: `
    h2 {
      font-size: 1.05rem;
      margin: 16px 0 6px;
    }
    .table {
      border-collapse: collapse;
      width: 100%;
    }
    .table th,
    .table td {
      text-align: left;
      padding: 4px 6px;
      border-bottom: 1px solid #ccc;
    }
    .actions {
      display: flex;
      gap: 4px;
      flex-wrap: wrap;
    }
    .return {
      display: flex;
      gap: 8px;
      align-items: flex-end;
    }
    .return label {
      display: flex;
      flex-direction: column;
      flex: 1;
    }
    .error {
      color: #b00020;
    }
  `,
})
export class TeamWorkComponent {
  readonly work = input.required<readonly TeamWorkEntry[]>();
  readonly coders = input.required<readonly CoderLoad[]>();
  readonly changed = output<void>();
  protected readonly api = inject(SupervisorApiService);
  protected readonly priorityLabels = WORK_PRIORITY_LABELS;
  protected readonly error = signal<string | null>(null);
  /** The submitted chart whose return reason is being written. */
  protected readonly returning = signal<string | null>(null);

  protected reassign(w: TeamWorkEntry, event: Event): void {
    const coderId = (event.target as HTMLSelectElement).value;
    if (coderId) void this.run(this.api.assign({ encounterIds: [w.encounterId], coderId }));
  }

  protected returnChart(w: TeamWorkEntry, reason: string): void {
    if (reason.trim().length < 5) {
      this.error.set('Give the coder a reason of at least a few words.');
      return;
    }
    this.returning.set(null);
    void this.run(this.api.returnChart(w.encounterId, reason.trim()));
  }

  protected async run(action: Promise<unknown>): Promise<void> {
    try {
      await action;
      this.error.set(null);
      this.changed.emit();
    } catch (e) {
      this.error.set(apiErrorMessage(e));
    }
  }
}
