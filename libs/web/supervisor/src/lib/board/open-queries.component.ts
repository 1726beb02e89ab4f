import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, output, signal } from '@angular/core';
import type { OpenQueryEntry } from '@chartdesk/contracts';
import { apiErrorMessage } from '@chartdesk/web-core';
import { SupervisorApiService } from './supervisor-api.service';

/** Open provider queries of the team; the supervisor records the provider's answer and the chart goes back. */
@Component({
  selector: 'cd-open-queries',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe],
  template: `
    <h2 id="queries-title">Open provider queries ({{ queries().length }})</h2>
    @if (error(); as e) {
      <p role="alert" class="error">{{ e }}</p>
    }
    <ul aria-labelledby="queries-title" data-testid="open-queries">
      @for (q of queries(); track q.queryId) {
        <li>
          <p>
            <strong>{{ q.encounterNumber }}</strong> · to {{ q.attending }} · from {{ q.coderName }} ·
            {{ q.createdAt | date: 'yyyy-MM-dd HH:mm' }}
          </p>
          <blockquote>
            @for (i of q.indicators; track $index) {
              <p>“{{ i.quote }}”</p>
            }
          </blockquote>
          <p>{{ q.question }}</p>
          <form (submit)="$event.preventDefault(); answer(q, opt.value, note.value)">
            <label
              >Provider's answer
              <select #opt required>
                @for (o of q.options; track o) {
                  <option [value]="o">{{ o }}</option>
                }
              </select>
            </label>
            <label>Note <input #note maxlength="2000" /></label>
            <button type="submit">Record answer</button>
          </form>
        </li>
      } @empty {
        <li>No open queries.</li>
      }
    </ul>
  `,
  styles: `
    h2 {
      font-size: 1.05rem;
      margin: 16px 0 6px;
    }
    ul {
      list-style: none;
      padding: 0;
    }
    li {
      border: 1px solid #ccc;
      padding: 6px 10px;
      margin-bottom: 8px;
    }
    blockquote {
      margin: 4px 0 4px 12px;
      font-style: italic;
    }
    form {
      display: flex;
      gap: 8px;
      align-items: flex-end;
      flex-wrap: wrap;
    }
    label {
      display: inline-flex;
      flex-direction: column;
      font-size: 0.9em;
    }
    .error {
      color: #b00020;
    }
  `,
})
export class OpenQueriesComponent {
  readonly changed = output<void>();
  private readonly api = inject(SupervisorApiService);
  protected readonly queries = signal<readonly OpenQueryEntry[]>([]);
  protected readonly error = signal<string | null>(null);

  constructor() {
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.queries.set(await this.api.openQueries());
    } catch (e) {
      this.error.set(apiErrorMessage(e));
    }
  }

  protected async answer(q: OpenQueryEntry, option: string, text: string): Promise<void> {
    try {
      await this.api.answerQuery(q.queryId, { option, ...(text.trim() ? { text: text.trim() } : {}) });
      await this.load();
      this.changed.emit();
    } catch (e) {
      this.error.set(apiErrorMessage(e));
    }
  }
}
