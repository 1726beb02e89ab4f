import { ChangeDetectionStrategy, Component, computed, inject, input, viewChild } from '@angular/core';
import { type CodeSystem, POA_VALUES } from '@chartdesk/contracts';
import { CodeReferenceSelection } from '../reference/code-reference-selection';
import { CodeTypeaheadComponent } from './code-typeahead.component';
import { EditFindingsComponent } from './edit-findings.component';
import {
  codeLabel,
  moveDiagnosis,
  parseModifiers,
  parsePointers,
  removeDiagnosis,
  removeProcedure,
  updateDiagnosis,
  updateProcedure,
} from './coding-draft';
import { WorkspaceState } from './workspace-state';

/** Diagnoses (sequence, principal, POA), procedures (modifiers, units, pointers), search and inline edits. */
@Component({
  selector: 'cd-coding-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [CodeTypeaheadComponent, EditFindingsComponent],
  template: `
    @if (state.editable()) {
      <cd-code-typeahead [dateOfService]="dateOfService()" (picked)="state.add($event)" />
    }
    <h2 id="dx-title">Diagnoses</h2>
    <table aria-labelledby="dx-title" data-testid="diagnoses">
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">Code</th>
          @if (inpatient()) {
            <th scope="col">POA</th>
          }
          <th scope="col"><span class="visually-hidden">Actions</span></th>
        </tr>
      </thead>
      <tbody>
        @for (d of state.draft().diagnoses; track d.sequence; let i = $index; let last = $last) {
          <tr
            [attr.data-code]="d.code"
            (mouseenter)="showReference('ICD10CM', d.code)"
            (focusin)="showReference('ICD10CM', d.code)"
          >
            <td>{{ d.sequence }}{{ i === 0 ? (inpatient() ? ' principal' : ' first-listed') : '' }}</td>
            <td class="code">{{ label('ICD10CM', d.code) }}</td>
            @if (inpatient()) {
              <td>
                <select
                  [attr.aria-label]="'POA for ' + label('ICD10CM', d.code)"
                  [disabled]="!state.editable()"
                  [value]="d.poa ?? ''"
                  (change)="setPoa(i, $event)"
                >
                  <option value="">—</option>
                  @for (p of poaValues; track p) {
                    <option [value]="p">{{ p }}</option>
                  }
                </select>
              </td>
            }
            <td class="actions">
              <button
                type="button"
                (click)="showReference('ICD10CM', d.code)"
                [attr.aria-label]="'Reference for ' + label('ICD10CM', d.code)"
              >
                ⓘ
              </button>
              @if (state.editable()) {
                <button
                  type="button"
                  [disabled]="i === 0"
                  (click)="move(i, -1)"
                  [attr.aria-label]="'Move ' + label('ICD10CM', d.code) + ' up'"
                >
                  ↑
                </button>
                <button
                  type="button"
                  [disabled]="last"
                  (click)="move(i, 1)"
                  [attr.aria-label]="'Move ' + label('ICD10CM', d.code) + ' down'"
                >
                  ↓
                </button>
                <button type="button" (click)="removeDx(i)" [attr.aria-label]="'Remove ' + label('ICD10CM', d.code)">
                  ✕
                </button>
              }
            </td>
          </tr>
        } @empty {
          <tr>
            <td [attr.colspan]="inpatient() ? 4 : 3">No diagnoses yet.</td>
          </tr>
        }
      </tbody>
    </table>
    <h2 id="px-title">Procedures</h2>
    <table aria-labelledby="px-title" data-testid="procedures">
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">Code</th>
          <th scope="col">Modifiers</th>
          <th scope="col">Units</th>
          <th scope="col">Dx pointers</th>
          <th scope="col"><span class="visually-hidden">Actions</span></th>
        </tr>
      </thead>
      <tbody>
        @for (p of state.draft().procedures; track p.sequence; let i = $index) {
          <tr
            [attr.data-code]="p.code"
            (mouseenter)="showReference(p.system, p.code)"
            (focusin)="showReference(p.system, p.code)"
          >
            <td>{{ p.sequence }}</td>
            <td class="code">
              {{ p.code }} <small>{{ p.system }}</small>
            </td>
            <td>
              <input
                [attr.aria-label]="'Modifiers for ' + p.code"
                size="6"
                [disabled]="!state.editable()"
                [value]="p.modifiers.join(', ')"
                (change)="setModifiers(i, $event)"
              />
            </td>
            <td>
              <input
                [attr.aria-label]="'Units for ' + p.code"
                type="number"
                min="1"
                max="999"
                size="3"
                [disabled]="!state.editable()"
                [value]="p.units"
                (change)="setUnits(i, $event)"
              />
            </td>
            <td>
              <input
                [attr.aria-label]="'Diagnosis pointers for ' + p.code"
                size="6"
                [disabled]="!state.editable()"
                [value]="p.diagnosisPointers.join(', ')"
                (change)="setPointers(i, $event)"
              />
            </td>
            <td class="actions">
              <button
                type="button"
                (click)="showReference(p.system, p.code)"
                [attr.aria-label]="'Reference for ' + p.code"
              >
                ⓘ
              </button>
              @if (state.editable()) {
                <button type="button" (click)="removePx(i)" [attr.aria-label]="'Remove ' + p.code">✕</button>
              }
            </td>
          </tr>
        } @empty {
          <tr>
            <td colspan="6">No procedures.</td>
          </tr>
        }
      </tbody>
    </table>
    <cd-edit-findings />
  `,
  styles: `
    :host {
      display: block;
    }
    h2 {
      font-size: 1rem;
      margin: 12px 0 4px;
    }
    table {
      border-collapse: collapse;
      width: 100%;
    }
    th,
    td {
      text-align: left;
      padding: 3px 6px;
      border-bottom: 1px solid #ddd;
    }
    .code {
      font-family: monospace;
      font-weight: 700;
    }
    .actions button {
      margin-right: 2px;
    }
  `,
})
export class CodingPanelComponent {
  protected readonly state = inject(WorkspaceState);
  private readonly reference = inject(CodeReferenceSelection, { optional: true });
  readonly dateOfService = input.required<string>();
  private readonly typeahead = viewChild(CodeTypeaheadComponent);
  protected readonly poaValues = POA_VALUES;
  protected readonly inpatient = computed(() => this.state.chart()?.encounter.type === 'INPATIENT');
  protected readonly label = codeLabel;

  protected showReference(system: CodeSystem, code: string): void {
    this.reference?.show(system, code);
  }

  focusSearch(): void {
    this.typeahead()?.focus();
  }

  protected move(i: number, delta: -1 | 1): void {
    this.state.update(moveDiagnosis(this.state.draft(), i, delta));
  }

  protected removeDx(i: number): void {
    this.state.update(removeDiagnosis(this.state.draft(), i));
  }

  protected removePx(i: number): void {
    this.state.update(removeProcedure(this.state.draft(), i));
  }

  protected setPoa(i: number, event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.state.update(updateDiagnosis(this.state.draft(), i, { poa: value || null }));
  }

  protected setModifiers(i: number, event: Event): void {
    const modifiers = parseModifiers((event.target as HTMLInputElement).value);
    this.state.update(updateProcedure(this.state.draft(), i, { modifiers }));
  }

  protected setUnits(i: number, event: Event): void {
    const units = Math.min(999, Math.max(1, Number.parseInt((event.target as HTMLInputElement).value, 10) || 1));
    this.state.update(updateProcedure(this.state.draft(), i, { units }));
  }

  protected setPointers(i: number, event: Event): void {
    const pointers = parsePointers((event.target as HTMLInputElement).value, this.state.draft().diagnoses.length);
    this.state.update(updateProcedure(this.state.draft(), i, { diagnosisPointers: pointers }));
  }
}
