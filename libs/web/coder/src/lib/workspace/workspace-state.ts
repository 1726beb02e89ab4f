import { Injectable, computed, inject, signal } from '@angular/core';
import { runEdits } from '@chartdesk/coding-rules';
import {
  type ChartView,
  type CodeSearchHit,
  type EditFinding,
  type EditInput,
  type EditReferenceData,
  type WorkspaceView,
  findingKey,
} from '@chartdesk/contracts';
import { apiErrorMessage } from '@chartdesk/web-core';
import { CoderApiService } from '../shared/coder-api.service';
import { type CodingDraft, EMPTY_DRAFT, addCode, sameCodes } from './coding-draft';

export type SaveOutcome = 'saved' | 'submitted' | 'failed';

/**
 * One open chart's coding state, scoped to the workspace page. The browser
 * runs the same edit engine as the server for instant feedback; the server's
 * answer on save and submit is the one that counts.
 */
@Injectable()
export class WorkspaceState {
  private readonly api = inject(CoderApiService);
  readonly chartId = signal('');
  readonly workspace = signal<WorkspaceView | null>(null);
  readonly chart = signal<ChartView | null>(null);
  readonly draft = signal<CodingDraft>(EMPTY_DRAFT);
  readonly saved = signal<CodingDraft>(EMPTY_DRAFT);
  readonly version = signal(0);
  readonly editData = signal<EditReferenceData | null>(null);
  readonly acknowledged = signal<ReadonlySet<string>>(new Set());
  readonly message = signal<string | null>(null);
  readonly error = signal<string | null>(null);
  readonly busy = signal(false);
  /** Findings the server returned with its last refusal (they win over the preview). */
  readonly serverFindings = signal<readonly EditFinding[] | null>(null);

  readonly status = computed(() => this.workspace()?.status ?? null);
  readonly editable = computed(() => this.status() === 'IN_PROGRESS');
  readonly dirty = computed(() => !sameCodes(this.draft(), this.saved()));
  readonly findings = computed<readonly EditFinding[]>(() => {
    const data = this.editData();
    const input = this.editInput();
    if (!data || !input) return [];
    try {
      return runEdits(input, data);
    } catch {
      return [];
    }
  });
  readonly errors = computed(() => this.findings().filter((f) => f.severity === 'ERROR'));
  readonly warnings = computed(() => this.findings().filter((f) => f.severity === 'WARNING'));
  readonly unacknowledged = computed(() => this.warnings().filter((w) => !this.acknowledged().has(findingKey(w))));
  readonly canSubmit = computed(
    () =>
      this.editable() &&
      this.draft().diagnoses.length > 0 &&
      this.errors().length === 0 &&
      this.unacknowledged().length === 0,
  );

  private readonly editInput = computed<EditInput | null>(() => {
    const chart = this.chart();
    const ws = this.workspace();
    if (!chart || !ws) return null;
    const draft = this.draft();
    return {
      encounter: {
        type: chart.encounter.type,
        dateOfService: ws.dateOfService,
        patientAgeYears: chart.patient.ageAtService,
        patientSex: chart.patient.sex,
        payer: chart.encounter.payer ?? chart.patient.payer ?? '',
      },
      diagnoses: draft.diagnoses,
      procedures: draft.procedures,
    };
  });

  async open(id: string): Promise<void> {
    this.chartId.set(id);
    const ws = await this.api.openWorkspace(id);
    const chart = await this.api.chart(id);
    this.workspace.set(ws);
    this.chart.set(chart);
    this.version.set(ws.version);
    const codes = ws.latest?.codes ?? EMPTY_DRAFT;
    this.draft.set(codes);
    this.saved.set(codes);
    this.editData.set(ws.editData);
    this.acknowledged.set(new Set(ws.latest?.acknowledgedWarnings ?? []));
  }

  async add(hit: CodeSearchHit): Promise<void> {
    this.draft.set(addCode(this.draft(), hit));
    this.serverFindings.set(null);
    await this.refreshEditData();
  }

  update(next: CodingDraft): void {
    this.draft.set(next);
    this.serverFindings.set(null);
  }

  /** Reference data for every code on the draft, so pair edits (NCCI, Excludes1) see them together. */
  async refreshEditData(): Promise<void> {
    const draft = this.draft();
    const codes = [
      ...draft.diagnoses.map((d) => ({ system: 'ICD10CM' as const, code: d.code })),
      ...draft.procedures.map((p) => ({ system: p.system, code: p.code })),
    ];
    try {
      this.editData.set(await this.api.editData(this.chartId(), codes));
    } catch (e) {
      this.error.set(apiErrorMessage(e));
    }
  }

  toggleAcknowledged(key: string, on: boolean): void {
    const next = new Set(this.acknowledged());
    if (on) next.add(key);
    else next.delete(key);
    this.acknowledged.set(next);
  }

  acknowledgeAll(): void {
    this.acknowledged.set(new Set([...this.acknowledged(), ...this.warnings().map(findingKey)]));
  }

  async save(): Promise<SaveOutcome> {
    return this.run(async () => {
      const res = await this.api.save(this.chartId(), this.version(), this.draft());
      this.version.set(res.version);
      this.saved.set(res.codingVersion.codes);
      this.message.set(`Saved as version ${res.codingVersion.number}.`);
      return 'saved';
    });
  }

  async submit(): Promise<SaveOutcome> {
    return this.run(async () => {
      const res = await this.api.submit(this.chartId(), this.version(), this.draft(), [...this.acknowledged()]);
      this.version.set(res.version);
      this.saved.set(res.codingVersion.codes);
      this.workspace.update((ws) => (ws ? { ...ws, status: res.status } : ws));
      this.message.set('Submitted.');
      return 'submitted';
    });
  }

  private async run(work: () => Promise<SaveOutcome>): Promise<SaveOutcome> {
    if (this.busy()) return 'failed';
    this.busy.set(true);
    this.error.set(null);
    try {
      return await work();
    } catch (e) {
      this.error.set(apiErrorMessage(e));
      const details = (e as { error?: { details?: { findings?: EditFinding[] } } }).error?.details;
      if (details?.findings) this.serverFindings.set(details.findings);
      return 'failed';
    } finally {
      this.busy.set(false);
    }
  }
}
