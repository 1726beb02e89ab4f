import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { ActivatedRoute, RouterLink } from '@angular/router';
import {
  ANOMALY_RULES,
  type AnomalyRule,
  REVIEW_SEVERITIES,
  REVIEW_STATUSES,
  type ReviewItemSummary,
  type ReviewSeverity,
  type ReviewSort,
  type ReviewStatus,
} from '@chartdesk/contracts';
import { apiErrorMessage } from '@chartdesk/web-core';
import { ComplianceApi } from '../compliance-api.service';
import { durationText } from '../shared/duration';
import { filterRows } from '../shared/table-sort';
import { RuleSettingsComponent } from './rule-settings.component';

/** The review queue: filter by status, rule and severity; sort by age or severity; scan on demand. */
@Component({
  selector: 'cd-review-queue',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, RouterLink, RuleSettingsComponent],
  template: `
    <h1>Review queue</h1>
    <form class="filters" (ngSubmit)="load()" aria-label="Queue filters">
      <mat-form-field appearance="outline">
        <mat-label>Status</mat-label>
        <select matNativeControl name="status" [(ngModel)]="status" data-testid="status-filter">
          <option value="">Any</option>
          @for (s of statuses; track s) {
            <option [value]="s">{{ s }}</option>
          }
        </select>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>Rule</mat-label>
        <select matNativeControl name="rule" [(ngModel)]="rule">
          <option value="">Any</option>
          @for (r of rules; track r) {
            <option [value]="r">{{ r }}</option>
          }
        </select>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>Severity</mat-label>
        <select matNativeControl name="severity" [(ngModel)]="severity">
          <option value="">Any</option>
          @for (s of severities; track s) {
            <option [value]="s">{{ s }}</option>
          }
        </select>
      </mat-form-field>
      <button mat-flat-button type="submit">Show</button>
      <button mat-stroked-button type="button" (click)="scan()" [disabled]="busy()">Run anomaly detection now</button>
    </form>
    @if (message(); as m) {
      <p role="status" class="ok">{{ m }}</p>
    }
    @if (error(); as e) {
      <p role="alert" class="error">{{ e }}</p>
    }
    <mat-form-field appearance="outline">
      <mat-label>Filter these items</mat-label>
      <input matInput name="filter" [ngModel]="filter()" (ngModelChange)="filter.set($event)" />
    </mat-form-field>
    <div class="scroll">
      <table class="table" data-testid="review-table">
        <caption class="visually-hidden">
          Review items
        </caption>
        <thead>
          <tr>
            <th scope="col" [attr.aria-sort]="sort === 'severity' ? 'descending' : 'none'">
              <button type="button" class="sort" (click)="sortBy('severity')">Severity</button>
            </th>
            <th scope="col">Rule</th>
            <th scope="col">Finding</th>
            <th scope="col">User</th>
            <th scope="col">Patient</th>
            <th scope="col">Status</th>
            <th scope="col">Assignee</th>
            <th scope="col" [attr.aria-sort]="sort === 'createdAt' ? 'ascending' : 'none'">
              <button type="button" class="sort" (click)="sortBy('createdAt')">Open for</button>
            </th>
          </tr>
        </thead>
        <tbody>
          @for (i of shown(); track i.id) {
            <tr>
              <td>{{ i.severity }}</td>
              <td>{{ i.rule }}</td>
              <td>
                <a [routerLink]="['/compliance/review', i.id]">{{ i.title }}</a>
              </td>
              <td>{{ i.subject?.displayName ?? '—' }}</td>
              <td>{{ i.patient ? i.patient.name + ' · ' + i.patient.mrn : '—' }}</td>
              <td>{{ i.status }}</td>
              <td>{{ i.assignee?.displayName ?? '—' }}</td>
              <td>{{ duration(i.openSeconds) }}</td>
            </tr>
          } @empty {
            <tr>
              <td colspan="8">No review items match.</td>
            </tr>
          }
        </tbody>
      </table>
    </div>
    @if (cursor()) {
      <button mat-stroked-button type="button" (click)="load(true)">Load more</button>
    }
    <cd-rule-settings />
  `,
  styleUrl: '../shared/compliance-page.scss',
})
export class ReviewQueuePage {
  private readonly api = inject(ComplianceApi);
  readonly statuses = REVIEW_STATUSES;
  readonly rules = ANOMALY_RULES;
  readonly severities = REVIEW_SEVERITIES;
  readonly duration = durationText;
  status: ReviewStatus | '' = 'OPEN';
  rule: AnomalyRule | '' = '';
  severity: ReviewSeverity | '' = '';
  sort: ReviewSort = 'severity';
  readonly items = signal<ReviewItemSummary[]>([]);
  readonly cursor = signal<string | null>(null);
  readonly filter = signal('');
  readonly busy = signal(false);
  readonly error = signal<string | null>(null);
  readonly message = signal<string | null>(null);
  readonly shown = computed(() =>
    filterRows(this.items(), this.filter(), (i) =>
      [i.title, i.rule, i.subject?.displayName, i.patient?.name, i.patient?.mrn, i.status].join(' '),
    ),
  );

  constructor() {
    const status = inject(ActivatedRoute).snapshot.queryParamMap.get('status');
    if (status && (REVIEW_STATUSES as readonly string[]).includes(status)) this.status = status as ReviewStatus;
    void this.load();
  }

  async sortBy(sort: ReviewSort): Promise<void> {
    this.sort = sort;
    await this.load();
  }

  async load(more = false): Promise<void> {
    this.error.set(null);
    try {
      const page = await this.api.reviewItems({
        status: this.status || undefined,
        rule: this.rule || undefined,
        severity: this.severity || undefined,
        sort: this.sort,
        limit: 100,
        cursor: more ? (this.cursor() ?? undefined) : undefined,
      });
      this.items.update((items) => (more ? [...items, ...page.items] : [...page.items]));
      this.cursor.set(page.nextCursor);
    } catch (e) {
      this.error.set(apiErrorMessage(e));
    }
  }

  async scan(): Promise<void> {
    this.busy.set(true);
    try {
      const result = await this.api.scanNow();
      this.message.set(`Detection ran; ${result.itemsCreated} new item(s).`);
      await this.load();
    } catch (e) {
      this.error.set(apiErrorMessage(e));
    } finally {
      this.busy.set(false);
    }
  }
}
