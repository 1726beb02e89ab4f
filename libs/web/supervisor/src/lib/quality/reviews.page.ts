import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import type { ReviewSummary, SamplingRuleView, SamplingRunView } from '@chartdesk/contracts';
import { apiErrorMessage } from '@chartdesk/web-core';
import { QualityApiService } from './quality-api.service';
import { percent } from './quality-format';

/** The audit queue: sampled and pulled charts of the team, the sampling run, and the team's sampling rule. */
@Component({
  selector: 'cd-quality-reviews-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule, RouterLink],
  template: `
    <h1>Quality audit</h1>
    <nav aria-label="Quality"><a routerLink="dashboard">Team dashboard</a></nav>
    @if (error(); as e) {
      <p role="alert" class="error">{{ e }}</p>
    }
    <section aria-labelledby="run-h">
      <h2 id="run-h">Prebill sampling</h2>
      <p>
        Draws the team's charts submitted in the last 24 hours. Drawn charts wait here for review; the rest complete.
      </p>
      <button mat-flat-button type="button" (click)="runSampling()" [disabled]="busy()" data-testid="run-sampling">
        Run sampling
      </button>
      @if (run(); as r) {
        <p role="status" data-testid="run-result">
          Drew {{ r.sampled }} of {{ r.sampled + r.released }} charts (seed {{ r.seed }};
          {{ r.reproducible ? 'selection verified' : 'selection does NOT match its seed' }}).
        </p>
      }
    </section>
    <section aria-labelledby="list-h">
      <h2 id="list-h">Reviews</h2>
      <label
        >Show
        <select name="status" [(ngModel)]="status" (ngModelChange)="load()">
          <option value="OPEN">Open</option>
          <option value="CLOSED">Closed</option>
          <option value="ALL">All</option>
        </select>
      </label>
      <table class="reviews" aria-describedby="list-h">
        <thead>
          <tr>
            <th scope="col">Chart</th>
            <th scope="col">Coder</th>
            <th scope="col">Type</th>
            <th scope="col">Kind</th>
            <th scope="col">Status</th>
            <th scope="col">Findings</th>
            <th scope="col">Accuracy (dx / px)</th>
          </tr>
        </thead>
        <tbody>
          @for (r of reviews(); track r.id) {
            <tr>
              <td>
                <a [routerLink]="['reviews', r.id]" [attr.data-testid]="'review-' + r.encounterId">{{
                  r.encounterId.slice(0, 8)
                }}</a>
              </td>
              <td>{{ r.coderName }}</td>
              <td>{{ r.encounterType }}</td>
              <td>{{ r.kind }}</td>
              <td>{{ r.status }}{{ r.openRebuttals ? ' · ' + r.openRebuttals + ' rebuttal(s)' : '' }}</td>
              <td>{{ r.findings }}</td>
              <td>{{ pct(r.score?.diagnosis?.accuracy) }} / {{ pct(r.score?.procedure?.accuracy) }}</td>
            </tr>
          } @empty {
            <tr>
              <td colspan="7">No reviews.</td>
            </tr>
          }
        </tbody>
      </table>
      <form (ngSubmit)="pull()" aria-label="Pull a completed chart for retrospective review">
        <label>Completed chart id <input name="pullId" [(ngModel)]="pullId" required /></label>
        <button mat-stroked-button type="submit">Pull for retrospective review</button>
      </form>
    </section>
    @if (rule(); as r) {
      <section aria-labelledby="rule-h">
        <h2 id="rule-h">Sampling rule for {{ r.subjectName }}</h2>
        <form class="rule" (ngSubmit)="saveRule()">
          <label
            >New coder: first <input name="ncc" type="number" min="0" [(ngModel)]="form.newCoderCharts" /> charts</label
          >
          <label>at <input name="ncr" type="number" min="0" max="100" [(ngModel)]="form.newCoderRatePct" /> %</label>
          <label
            >then <input name="rate" type="number" min="0" max="100" step="0.5" [(ngModel)]="form.ratePct" /> %</label
          >
          <label>Minimum per day <input name="min" type="number" min="0" [(ngModel)]="form.minimumPerPeriod" /></label>
          <label><input name="strata" type="checkbox" [(ngModel)]="form.stratify" /> Stratify by encounter type</label>
          <label>Pass at <input name="thr" type="number" min="50" max="100" [(ngModel)]="form.thresholdPct" /> %</label>
          <button mat-stroked-button type="submit">Save rule</button>
        </form>
      </section>
    }
  `,
  styles: `
    table {
      border-collapse: collapse;
      margin: 0.5rem 0 1rem;
    }
    th,
    td {
      padding: 0.25rem 0.75rem;
      text-align: left;
      border-bottom: 1px solid #ccc;
    }
    form.rule {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
      align-items: center;
    }
    .error {
      color: #b00020;
    }
  `,
})
export class QualityReviewsPage {
  private readonly api = inject(QualityApiService);
  protected readonly reviews = signal<readonly ReviewSummary[]>([]);
  protected readonly rule = signal<SamplingRuleView | null>(null);
  protected readonly run = signal<SamplingRunView | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly pct = percent;
  protected status: 'OPEN' | 'CLOSED' | 'ALL' = 'OPEN';
  protected pullId = '';
  protected form = {
    newCoderCharts: 20,
    newCoderRatePct: 100,
    ratePct: 5,
    minimumPerPeriod: 1,
    stratify: true,
    thresholdPct: 95,
  };

  constructor() {
    void this.load();
    void this.loadRule();
  }

  protected async load(): Promise<void> {
    try {
      this.reviews.set((await this.api.reviews(this.status)).reviews);
    } catch (e) {
      this.error.set(apiErrorMessage(e));
    }
  }

  protected async runSampling(): Promise<void> {
    this.busy.set(true);
    try {
      this.run.set(await this.api.runSampling());
      await this.load();
    } catch (e) {
      this.error.set(apiErrorMessage(e));
    } finally {
      this.busy.set(false);
    }
  }

  protected async pull(): Promise<void> {
    try {
      await this.api.retrospective(this.pullId.trim());
      this.pullId = '';
      await this.load();
    } catch (e) {
      this.error.set(apiErrorMessage(e));
    }
  }

  protected async saveRule(): Promise<void> {
    try {
      const res = await this.api.setRule({
        rule: {
          newCoderCharts: this.form.newCoderCharts,
          newCoderRate: this.form.newCoderRatePct / 100,
          rate: this.form.ratePct / 100,
          minimumPerPeriod: this.form.minimumPerPeriod,
          stratifyByEncounterType: this.form.stratify,
          passThreshold: this.form.thresholdPct / 100,
        },
      });
      this.showRule(res.team);
    } catch (e) {
      this.error.set(apiErrorMessage(e));
    }
  }

  private async loadRule(): Promise<void> {
    try {
      this.showRule((await this.api.rules()).team);
    } catch (e) {
      this.error.set(apiErrorMessage(e));
    }
  }

  private showRule(rule: SamplingRuleView): void {
    this.rule.set(rule);
    this.form = {
      newCoderCharts: rule.newCoderCharts,
      newCoderRatePct: Math.round(rule.newCoderRate * 1000) / 10,
      ratePct: Math.round(rule.rate * 1000) / 10,
      minimumPerPeriod: rule.minimumPerPeriod,
      stratify: rule.stratifyByEncounterType,
      thresholdPct: Math.round(rule.passThreshold * 1000) / 10,
    };
  }
}
