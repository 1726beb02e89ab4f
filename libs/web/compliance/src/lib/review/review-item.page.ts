import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { ActivatedRoute, RouterLink } from '@angular/router';
import {
  REVIEW_TRANSITIONS,
  type ReviewItemChange,
  type ReviewItemDetail,
  type ReviewStatus,
  isClosedStatus,
} from '@chartdesk/contracts';
import { AuthService, apiErrorMessage } from '@chartdesk/web-core';
import { ComplianceApi } from '../compliance-api.service';
import { durationText } from '../shared/duration';

const ACTION_LABEL: Record<ReviewStatus, string> = {
  OPEN: 'Put back in the queue',
  IN_REVIEW: 'Start review',
  ESCALATED: 'Escalate',
  CLOSED_JUSTIFIED: 'Close: justified',
  CLOSED_VIOLATION: 'Close: violation',
};

/** One review item: its evidence, notes and the lifecycle actions its status allows. */
@Component({
  selector: 'cd-review-item',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, RouterLink],
  template: `
    <p><a routerLink="/compliance/review">← Review queue</a></p>
    @if (error(); as e) {
      <p role="alert" class="error">{{ e }}</p>
    }
    @if (item(); as i) {
      <h1>{{ i.title }}</h1>
      <p role="status" data-testid="item-status">
        {{ i.severity }} · {{ i.status }} · open for {{ duration(i.openSeconds) }} · assignee
        {{ i.assignee?.displayName ?? 'nobody' }}
      </p>
      <dl class="evidence">
        <dt>Rule</dt>
        <dd>{{ i.rule }}</dd>
        <dt>User</dt>
        <dd>{{ i.subject ? i.subject.displayName + ' (' + i.subject.username + ', ' + i.subject.role + ')' : '—' }}</dd>
        <dt>Patient</dt>
        <dd>{{ i.patient ? i.patient.name + ' · MRN ' + i.patient.mrn : '—' }}</dd>
        <dt>Raised</dt>
        <dd>{{ i.createdAt }}</dd>
        @for (e of evidence(); track e[0]) {
          <dt>{{ e[0] }}</dt>
          <dd>{{ e[1] }}</dd>
        }
        @if (i.disposition) {
          <dt>Disposition</dt>
          <dd>{{ i.disposition }}</dd>
        }
      </dl>
      @if (!closed()) {
        <section aria-label="Work this item">
          <mat-form-field appearance="outline" class="wide">
            <mat-label>Disposition (needed to close)</mat-label>
            <textarea
              matInput
              name="disposition"
              [(ngModel)]="disposition"
              rows="2"
              data-testid="disposition"
            ></textarea>
          </mat-form-field>
          <div class="toolbar">
            @for (s of nextStatuses(); track s) {
              <button
                mat-flat-button
                type="button"
                (click)="move(s)"
                [disabled]="busy()"
                [attr.data-testid]="'to-' + s"
              >
                {{ label[s] }}
              </button>
            }
            @if (i.assignee?.userId !== me()) {
              <button mat-stroked-button type="button" (click)="assignToMe()" [disabled]="busy()">Assign to me</button>
            }
          </div>
        </section>
      }
      <section aria-label="Notes">
        <h2>Notes</h2>
        <ul>
          @for (n of i.notes; track n.id) {
            <li>{{ n.createdAt }} · {{ n.author.displayName }}: {{ n.text }}</li>
          } @empty {
            <li>No notes yet.</li>
          }
        </ul>
        <form class="filters" (ngSubmit)="note()">
          <mat-form-field appearance="outline" class="wide">
            <mat-label>Add a note</mat-label>
            <textarea matInput name="noteText" [(ngModel)]="noteText" rows="2" data-testid="note-text"></textarea>
          </mat-form-field>
          <button mat-stroked-button type="submit" [disabled]="busy() || !noteText.trim()">Add note</button>
        </form>
      </section>
    }
  `,
  styleUrl: '../shared/compliance-page.scss',
})
export class ReviewItemPage {
  private readonly api = inject(ComplianceApi);
  private readonly auth = inject(AuthService);
  private readonly id = inject(ActivatedRoute).snapshot.paramMap.get('id') ?? '';
  readonly label = ACTION_LABEL;
  readonly duration = durationText;
  readonly item = signal<ReviewItemDetail | null>(null);
  readonly busy = signal(false);
  readonly error = signal<string | null>(null);
  readonly me = computed(() => this.auth.user()?.id ?? null);
  readonly closed = computed(() => {
    const i = this.item();
    return i ? isClosedStatus(i.status) : true;
  });
  readonly nextStatuses = computed(() => {
    const i = this.item();
    return i ? REVIEW_TRANSITIONS[i.status] : [];
  });
  readonly evidence = computed(() =>
    Object.entries(this.item()?.evidence ?? {}).map(
      ([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v)] as const,
    ),
  );
  disposition = '';
  noteText = '';

  constructor() {
    void this.run(async () => this.item.set(await this.api.reviewItem(this.id)));
  }

  move(status: ReviewStatus): Promise<void> {
    const change: ReviewItemChange = {
      version: this.item()?.version ?? 0,
      status,
      ...(this.disposition.trim() ? { disposition: this.disposition.trim() } : {}),
      ...(status === 'IN_REVIEW' && !this.item()?.assignee && this.me() ? { assigneeId: this.me() } : {}),
    };
    return this.run(async () => this.item.set(await this.api.changeReviewItem(this.id, change)));
  }

  assignToMe(): Promise<void> {
    return this.run(async () =>
      this.item.set(
        await this.api.changeReviewItem(this.id, { version: this.item()?.version ?? 0, assigneeId: this.me() }),
      ),
    );
  }

  note(): Promise<void> {
    const text = this.noteText.trim();
    return this.run(async () => {
      this.item.set(await this.api.addNote(this.id, text));
      this.noteText = '';
    });
  }

  private async run(work: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    try {
      await work();
    } catch (e) {
      this.error.set(apiErrorMessage(e));
    } finally {
      this.busy.set(false);
    }
  }
}
