import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { type EditBasis, findingKey } from '@chartdesk/contracts';
import { WorkspaceState } from './workspace-state';

/**
 * The edit findings of the draft (or of the last save), each with why it
 * fired: the rule, its basis, the source release and the table row or
 * tabular note behind it; warnings carry the coder's acknowledgment.
 */
@Component({
  selector: 'cd-edit-findings',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="edits-title" class="edits" data-testid="edit-findings">
      <h2 id="edits-title">Edits</h2>
      @if (shownFindings().length === 0) {
        <p>No edit findings.</p>
      }
      <ul>
        @for (f of shownFindings(); track key(f)) {
          <li [class.error]="f.severity === 'ERROR'" [attr.data-rule]="f.ruleId" [attr.data-severity]="f.severity">
            <strong>{{ f.severity === 'ERROR' ? 'Error' : 'Warning' }}</strong> {{ f.message }}
            <small>({{ f.source.name }} {{ f.source.release }})</small>
            <details class="why" data-testid="finding-why">
              <summary>Why?</summary>
              <dl>
                <dt>Rule</dt>
                <dd>{{ f.ruleId }}</dd>
                <dt>Basis</dt>
                <dd>{{ basisLabel(f.basis) }}</dd>
                <dt>Release</dt>
                <dd>{{ f.source.name }} {{ f.source.release }}</dd>
                @if (f.evidence) {
                  <dt>From</dt>
                  <dd data-testid="finding-evidence">{{ f.evidence }}</dd>
                }
              </dl>
            </details>
            @if (f.severity === 'WARNING' && state.editable()) {
              <label>
                <input
                  type="checkbox"
                  [checked]="state.acknowledged().has(key(f))"
                  (change)="state.toggleAcknowledged(key(f), $any($event.target).checked)"
                />
                I have reviewed this warning
              </label>
            }
          </li>
        }
      </ul>
    </section>
  `,
  styles: `
    :host {
      display: block;
    }
    .edits ul {
      list-style: none;
      padding: 0;
      margin: 0;
    }
    .edits li {
      border-left: 4px solid #8a6d00;
      padding: 4px 8px;
      margin-bottom: 4px;
      background: #fff8e1;
      color: #111;
    }
    .edits li.error {
      border-color: #b00020;
      background: #fdecee;
    }
    .edits .why dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 0 0.5rem;
      margin: 0.25rem 0 0;
    }
    .edits .why dt {
      font-weight: 600;
    }
    .edits .why dd {
      margin: 0;
    }
    .edits label {
      display: block;
      margin-top: 2px;
    }
  `,
})
export class EditFindingsComponent {
  protected readonly state = inject(WorkspaceState);
  protected readonly shownFindings = computed(() => this.state.serverFindings() ?? this.state.findings());
  protected readonly key = findingKey;
  /** Why a finding may block: CMS data and unambiguous guideline rules block; heuristics only warn. */
  protected basisLabel(basis: EditBasis | undefined): string {
    switch (basis) {
      case 'CMS':
        return 'CMS published table';
      case 'GUIDELINE':
        return 'ICD-10-CM Official Guidelines rule';
      case 'LOCAL':
        return "Your organization's edit list";
      case 'HEURISTIC':
        return 'Derived from code titles (a warning, never blocks)';
      case undefined:
        return 'Not recorded';
    }
  }
}
