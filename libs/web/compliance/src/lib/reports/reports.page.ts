import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import {
  type AccessReportRow,
  COMPLIANCE_REPORTS,
  type ComplianceReport,
  type ExportFormat,
  type InvestigationView,
  type PatientSearchHit,
  type ReportQuery,
  type UserSearchHit,
} from '@chartdesk/contracts';
import { apiErrorMessage } from '@chartdesk/web-core';
import { ComplianceApi } from '../compliance-api.service';
import { saveBlob } from '../shared/download';
import { type SortState, ariaSort, filterRows, nextSort, sortRows } from '../shared/table-sort';

type Column = 'recordedAt' | 'actor' | 'role' | 'action' | 'why' | 'outcome' | 'patient' | 'ip';

const LABELS: Record<ComplianceReport, string> = {
  'patient-access': 'Patient access (who looked at this record?)',
  'user-activity': 'User activity',
  denials: 'Denials',
  'break-glass': 'Break-the-glass log',
  'failed-logins': 'Failed sign-ins and lockouts',
  'after-hours': 'After-hours access',
};

function localInput(d: Date): string {
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

function cell(r: AccessReportRow, key: Column): string | null {
  switch (key) {
    case 'recordedAt':
      return r.recordedAt;
    case 'actor':
      return r.actor.displayName ?? r.actor.username;
    case 'role':
      return r.actor.role ? String(r.actor.role) : null;
    case 'action':
      return r.action;
    case 'why':
      return r.why.basis;
    case 'outcome':
      return `${r.outcome}${r.outcomeReason ? ` (${r.outcomeReason})` : ''}`;
    case 'patient':
      return r.patient ? `${r.patient.name ?? ''} ${r.patient.mrn ?? ''}`.trim() : null;
    case 'ip':
      return r.ip;
  }
}

/** Every access report, with patient and user lookup, paging, in-page sort and filter, and signed exports. */
@Component({
  selector: 'cd-compliance-reports',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  templateUrl: './reports.page.html',
  styleUrl: '../shared/compliance-page.scss',
})
export class ReportsPage {
  private readonly api = inject(ComplianceApi);
  readonly reports = COMPLIANCE_REPORTS;
  readonly labels = LABELS;
  readonly columns: readonly { key: Column; label: string }[] = [
    { key: 'recordedAt', label: 'When (UTC)' },
    { key: 'actor', label: 'Who' },
    { key: 'role', label: 'Role' },
    { key: 'action', label: 'What' },
    { key: 'patient', label: 'Patient' },
    { key: 'why', label: 'Why' },
    { key: 'outcome', label: 'Outcome' },
    { key: 'ip', label: 'From (IP)' },
  ];

  report: ComplianceReport = 'patient-access';
  from = localInput(new Date(Date.now() - 30 * 86_400_000));
  to = localInput(new Date(Date.now() + 3_600_000));
  patientQuery = '';
  userQuery = '';
  readonly patientHits = signal<PatientSearchHit[]>([]);
  readonly userHits = signal<UserSearchHit[]>([]);
  readonly patient = signal<PatientSearchHit | null>(null);
  readonly user = signal<UserSearchHit | null>(null);
  readonly rows = signal<AccessReportRow[]>([]);
  readonly nextCursor = signal<string | null>(null);
  readonly ran = signal(false);
  readonly busy = signal(false);
  readonly error = signal<string | null>(null);
  readonly exported = signal<string | null>(null);
  investigationReason = '';
  investigationMinutes = 60;
  readonly investigation = signal<InvestigationView | null>(null);
  readonly sort = signal<SortState<Column>>({ key: 'recordedAt', direction: 'desc' });
  readonly filter = signal('');
  readonly shown = computed(() =>
    sortRows(
      filterRows(this.rows(), this.filter(), (r) => this.columns.map((c) => cell(r, c.key) ?? '').join(' ')),
      this.sort(),
      cell,
    ),
  );
  readonly cell = cell;
  readonly ariaSort = (key: Column) => ariaSort(this.sort(), key);

  async findPatients(): Promise<void> {
    await this.guard(async () => this.patientHits.set(await this.api.searchPatients(this.patientQuery)));
  }

  async findUsers(): Promise<void> {
    await this.guard(async () => this.userHits.set(await this.api.searchUsers(this.userQuery)));
  }

  choosePatient(p: PatientSearchHit): void {
    this.patient.set(p);
    this.investigation.set(null);
    this.patientHits.set([]);
  }

  chooseUser(u: UserSearchHit): void {
    this.user.set(u);
    this.userHits.set([]);
  }

  async openInvestigation(): Promise<void> {
    const patient = this.patient();
    if (!patient) return;
    await this.guard(async () =>
      this.investigation.set(
        await this.api.openInvestigation({
          patientId: patient.patientId,
          reason: this.investigationReason.trim(),
          durationMinutes: Number(this.investigationMinutes),
        }),
      ),
    );
  }

  query(cursor?: string): ReportQuery {
    return {
      from: new Date(this.from).toISOString(),
      to: new Date(this.to).toISOString(),
      patientId: this.report === 'patient-access' ? this.patient()?.patientId : undefined,
      userId: this.user()?.userId,
      direction: this.sort().key === 'recordedAt' ? this.sort().direction : 'desc',
      limit: 100,
      cursor,
    };
  }

  async run(): Promise<void> {
    await this.guard(async () => {
      const page = await this.api.report(this.report, this.query());
      this.rows.set([...page.rows]);
      this.nextCursor.set(page.nextCursor);
      this.ran.set(true);
    });
  }

  async more(): Promise<void> {
    const cursor = this.nextCursor();
    if (!cursor) return;
    await this.guard(async () => {
      const page = await this.api.report(this.report, this.query(cursor));
      this.rows.update((rows) => [...rows, ...page.rows]);
      this.nextCursor.set(page.nextCursor);
    });
  }

  /** The time column sorts on the server (it pages by time); the others sort the loaded rows. */
  async sortBy(key: Column): Promise<void> {
    this.sort.set(nextSort(this.sort(), key));
    if (key === 'recordedAt' && this.ran()) await this.run();
  }

  async export(format: ExportFormat): Promise<void> {
    await this.guard(async () => {
      const { file, manifest, filename } = await this.api.export(this.report, format, this.query());
      saveBlob(file, filename);
      saveBlob(
        new Blob([JSON.stringify(manifest, null, 2)], { type: 'application/json' }),
        `${filename}.manifest.json`,
      );
      this.exported.set(
        `Exported ${manifest.rowCount} rows to ${filename}, with its signed manifest (SHA-256 ${manifest.sha256.slice(0, 12)}…).` +
          (manifest.part2Notice ? ' The file carries the 42 CFR part 2 notice.' : ''),
      );
    });
  }

  private async guard(work: () => Promise<void>): Promise<void> {
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
