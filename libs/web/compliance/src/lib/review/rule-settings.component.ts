import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { type AnomalyRuleSetting, REVIEW_SEVERITIES, type ReviewSeverity } from '@chartdesk/contracts';
import { apiErrorMessage } from '@chartdesk/web-core';
import { ComplianceApi } from '../compliance-api.service';

interface EditableRule {
  rule: AnomalyRuleSetting['rule'];
  enabled: boolean;
  severity: ReviewSeverity;
  params: { name: string; value: number }[];
}

/** The anomaly rules' settings: on/off, severity of the items they open, and their thresholds. */
@Component({
  selector: 'cd-rule-settings',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule],
  template: `
    <details>
      <summary>Detection rules</summary>
      @if (message(); as m) {
        <p role="status">{{ m }}</p>
      }
      <table class="table">
        <caption class="visually-hidden">
          Anomaly rule settings
        </caption>
        <thead>
          <tr>
            <th scope="col">Rule</th>
            <th scope="col">On</th>
            <th scope="col">Severity</th>
            <th scope="col">Thresholds</th>
            <th scope="col"><span class="visually-hidden">Save</span></th>
          </tr>
        </thead>
        <tbody>
          @for (r of rules(); track r.rule) {
            <tr>
              <th scope="row">{{ r.rule }}</th>
              <td><input type="checkbox" [(ngModel)]="r.enabled" [attr.aria-label]="r.rule + ' enabled'" /></td>
              <td>
                <select [(ngModel)]="r.severity" [attr.aria-label]="r.rule + ' severity'">
                  @for (s of severities; track s) {
                    <option [value]="s">{{ s }}</option>
                  }
                </select>
              </td>
              <td>
                @for (p of r.params; track p.name) {
                  <label class="param">{{ p.name }} <input type="number" [(ngModel)]="p.value" /></label>
                }
              </td>
              <td><button mat-stroked-button type="button" (click)="save(r)">Save</button></td>
            </tr>
          }
        </tbody>
      </table>
    </details>
  `,
  styleUrl: '../shared/compliance-page.scss',
  styles: `
    .param {
      margin-right: 12px;
      white-space: nowrap;
    }
    .param input {
      width: 80px;
    }
  `,
})
export class RuleSettingsComponent {
  private readonly api = inject(ComplianceApi);
  readonly severities = REVIEW_SEVERITIES;
  readonly rules = signal<EditableRule[]>([]);
  readonly message = signal<string | null>(null);

  constructor() {
    this.api.anomalyRules().then(
      (rules) =>
        this.rules.set(
          rules.map((r) => ({
            rule: r.rule,
            enabled: r.enabled,
            severity: r.severity,
            params: Object.entries(r.params).map(([name, value]) => ({ name, value })),
          })),
        ),
      (e: unknown) => this.message.set(apiErrorMessage(e)),
    );
  }

  async save(r: EditableRule): Promise<void> {
    try {
      await this.api.updateAnomalyRule(r.rule, {
        enabled: r.enabled,
        severity: r.severity,
        params: Object.fromEntries(r.params.map((p) => [p.name, Number(p.value)])),
      });
      this.message.set(`${r.rule} saved.`);
    } catch (e) {
      this.message.set(apiErrorMessage(e));
    }
  }
}
