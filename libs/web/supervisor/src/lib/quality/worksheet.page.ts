import { ChangeDetectionStrategy, Component, type OnInit, computed, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import {
  FINDING_KIND_LABELS,
  type FindingDecision,
  REASON_CATEGORIES,
  REASON_CATEGORY_LABELS,
  type ReasonCategory,
  type ReviewWorksheet,
} from '@chartdesk/contracts';
import { apiErrorMessage } from '@chartdesk/web-core';
import { QualityApiService } from './quality-api.service';
import { ReviewChartComponent } from './review-chart.component';
import { type EditableLine, accuracyText, codesOf, linesOf } from './quality-format';

/**
 * The review worksheet: what the coder submitted and its edit findings, the
 * auditor's corrected code set, the computed differences with a reason each,
 * then the coder's answers, the decisions on rebuttals, and closing.
 */
@Component({
  selector: 'cd-review-worksheet-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule, RouterLink, ReviewChartComponent],
  templateUrl: './worksheet.page.html',
  styleUrl: './worksheet.page.scss',
})
export class ReviewWorksheetPage implements OnInit {
  private readonly api = inject(QualityApiService);
  /** From the route (`reviews/:id`), bound by the router. */
  readonly id = input.required<string>();
  protected readonly ws = signal<ReviewWorksheet | null>(null);
  protected readonly lines = signal<EditableLine[]>([]);
  protected readonly error = signal<string | null>(null);
  protected readonly message = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly kindLabels = FINDING_KIND_LABELS;
  protected readonly reasonCategories = REASON_CATEGORIES;
  protected readonly reasonLabels = REASON_CATEGORY_LABELS;
  protected readonly accuracy = accuracyText;
  protected reasons: Record<string, { reason: ReasonCategory; comment: string }> = {};
  protected decisionComments: Record<string, string> = {};
  protected returnReason = '';
  protected readonly canClose = computed(() => {
    const w = this.ws();
    return w?.status === 'AWAITING_SUPERVISOR' && w.openRebuttals === 0;
  });

  ngOnInit(): void {
    void this.load();
  }

  protected async load(): Promise<void> {
    try {
      this.show(await this.api.worksheet(this.id()));
    } catch (e) {
      this.error.set(apiErrorMessage(e));
    }
  }

  protected addLine(group: EditableLine['group']): void {
    const system = group === 'DIAGNOSIS' ? 'ICD10CM' : 'CPT';
    this.lines.update((ls) => [...ls, { group, system, code: '', poa: '', modifiers: '', units: 1 }]);
  }

  protected removeLine(index: number): void {
    this.lines.update((ls) => ls.filter((_, i) => i !== index));
  }

  /** Moves a line within its own group (sequence is the order on screen). */
  protected moveLine(index: number, delta: -1 | 1): void {
    this.lines.update((ls) => {
      const line = ls[index];
      if (!line) return ls;
      let target = index + delta;
      while (target >= 0 && target < ls.length && ls[target]?.group !== line.group) target += delta;
      if (target < 0 || target >= ls.length) return ls;
      const copy = [...ls];
      copy[index] = copy[target] as EditableLine;
      copy[target] = line;
      return copy;
    });
  }

  /** The differences on screen belong to the saved correction: edits not saved yet would not be sent. */
  protected isDirty(): boolean {
    const w = this.ws();
    return !!w && JSON.stringify(codesOf(this.lines())) !== JSON.stringify(codesOf(linesOf(w.correctedCodes)));
  }

  protected lineLabel(line: EditableLine, index: number): string {
    const n = this.lines().filter((l, i) => l.group === line.group && i <= index).length;
    return `${line.group === 'DIAGNOSIS' ? 'Diagnosis' : 'Procedure'} ${n}`;
  }

  protected async saveCorrection(): Promise<void> {
    const w = this.ws();
    if (!w) return;
    await this.act(
      async () => this.show(await this.api.saveCorrection(w.id, w.version, codesOf(this.lines()))),
      'Correction saved.',
    );
  }

  protected async send(): Promise<void> {
    const w = this.ws();
    if (!w) return;
    const reasons = w.differences.map((d) => ({
      key: d.key,
      reason: this.reasons[d.key]?.reason ?? d.suggestedReason,
      comment: this.reasons[d.key]?.comment ?? '',
    }));
    await this.act(
      async () => this.show(await this.api.send(w.id, { expectedVersion: w.version, reasons })),
      'Findings sent to the coder.',
    );
  }

  protected async decide(findingId: string, decision: FindingDecision): Promise<void> {
    const w = this.ws();
    if (!w) return;
    const comment = (this.decisionComments[findingId] ?? '').trim();
    await this.act(
      async () => this.show(await this.api.decide(w.id, findingId, { decision, comment })),
      `Rebuttal ${decision.toLowerCase()}.`,
    );
  }

  protected async close(outcome: 'COMPLETED' | 'RETURNED'): Promise<void> {
    const w = this.ws();
    if (!w) return;
    const request =
      outcome === 'RETURNED'
        ? { expectedVersion: w.version, outcome, reason: this.returnReason.trim() }
        : { expectedVersion: w.version, outcome };
    await this.act(
      async () => this.show(await this.api.close(w.id, request)),
      outcome === 'COMPLETED' ? 'Review closed; the chart is complete.' : 'Chart returned to the coder.',
    );
  }

  private async act(work: () => Promise<void>, done: string): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    try {
      await work();
      this.message.set(done);
    } catch (e) {
      this.error.set(apiErrorMessage(e));
    } finally {
      this.busy.set(false);
    }
  }

  private show(w: ReviewWorksheet): void {
    this.ws.set(w);
    this.lines.set(linesOf(w.correctedCodes));
    for (const d of w.differences) {
      this.reasons[d.key] ??= { reason: d.suggestedReason, comment: '' };
    }
  }
}
