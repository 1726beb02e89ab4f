import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { CodeSearchHit, PcsBuilderResponse } from '@chartdesk/contracts';
import { apiErrorMessage } from '@chartdesk/web-core';
import { CodeReferenceApiService } from './code-reference-api.service';

/**
 * ICD-10-PCS by its tables: section → body system → operation → body part →
 * approach → device → qualifier. Each step offers only characters that lead
 * to a valid code of the release covering the date of service, so whatever
 * it builds exists.
 */
@Component({
  selector: 'cd-pcs-builder',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule],
  template: `
    <button
      mat-stroked-button
      type="button"
      data-testid="pcs-builder-toggle"
      aria-controls="pcs-builder"
      [attr.aria-expanded]="open()"
      (click)="toggle()"
    >
      {{ open() ? 'Close the PCS builder' : 'Build a PCS code' }}
    </button>
    @if (open()) {
      <section id="pcs-builder" aria-labelledby="pcs-title" data-testid="pcs-builder">
        <h2 id="pcs-title">ICD-10-PCS builder</h2>
        @if (step(); as s) {
          <ol class="chosen" aria-label="Characters chosen">
            @for (c of s.chosen; track c.position) {
              <li>
                {{ c.axisTitle }}: <span class="code">{{ c.value }}</span> {{ c.label ?? '' }}
                <button
                  type="button"
                  class="link"
                  [attr.aria-label]="'Change ' + c.axisTitle + ' (position ' + c.position + ')'"
                  (click)="go(s.prefix.slice(0, c.position - 1))"
                >
                  change
                </button>
              </li>
            }
          </ol>
          @if (s.code; as built) {
            <p class="built" data-testid="pcs-built">
              <span class="code">{{ built.code }}</span> {{ built.title }}
            </p>
            <button
              mat-flat-button
              type="button"
              data-testid="pcs-add"
              [disabled]="disabled()"
              (click)="add(built.code, built.title)"
            >
              Add {{ built.code }} to procedures
            </button>
          } @else {
            <fieldset>
              <legend>
                {{ s.axisTitle }} <small>(character {{ s.position }} of 7)</small>
              </legend>
              <ul class="choices" data-testid="pcs-choices">
                @for (c of s.choices; track c.value) {
                  <li>
                    <button type="button" [attr.data-value]="c.value" (click)="go(s.prefix + c.value)">
                      <span class="code">{{ c.value }}</span>
                      {{ c.label ?? c.example }}
                      @if (c.codeCount !== null) {
                        <small>{{ c.codeCount }} {{ c.codeCount === 1 ? 'code' : 'codes' }}</small>
                      }
                    </button>
                  </li>
                }
              </ul>
            </fieldset>
          }
          <p class="release">
            ICD-10-PCS {{ s.release }} ·
            {{ s.referenceRelease ? 'labels from PCS Tables ' + s.referenceRelease : 'labels from the order file' }}
          </p>
        } @else if (error(); as e) {
          <p role="alert">{{ e }}</p>
        } @else {
          <p role="status">Loading…</p>
        }
      </section>
    }
  `,
  styles: `
    :host {
      display: block;
      margin-top: 12px;
    }
    h2 {
      font-size: 1rem;
      margin: 8px 0 4px;
    }
    .code {
      font-family: monospace;
      font-weight: 700;
    }
    .chosen {
      margin: 0 0 6px;
      padding-left: 18px;
    }
    fieldset {
      border: 1px solid #bbb;
      margin: 0;
    }
    .choices {
      list-style: none;
      padding: 0;
      margin: 0;
      max-height: 260px;
      overflow-y: auto;
    }
    .choices button {
      display: block;
      width: 100%;
      text-align: left;
      font: inherit;
      padding: 3px 6px;
      margin: 1px 0;
      background: transparent;
      border: 1px solid transparent;
      color: inherit;
      cursor: pointer;
    }
    .choices button:hover,
    .choices button:focus-visible {
      border-color: #555;
    }
    .link {
      background: none;
      border: none;
      color: #0b57d0;
      text-decoration: underline;
      cursor: pointer;
      font: inherit;
      padding: 0 4px;
    }
    small,
    .release {
      color: #444;
      font-size: 0.85em;
    }
  `,
})
export class PcsBuilderComponent {
  readonly dateOfService = input.required<string>();
  readonly disabled = input(false);
  readonly built = output<CodeSearchHit>();
  private readonly api = inject(CodeReferenceApiService);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly open = signal(false);
  protected readonly step = signal<PcsBuilderResponse | null>(null);
  protected readonly error = signal<string | null>(null);
  private requested = 0;

  protected toggle(): void {
    this.open.set(!this.open());
    if (this.open() && !this.step()) void this.go('');
  }

  protected async go(prefix: string): Promise<void> {
    const ticket = ++this.requested;
    this.error.set(null);
    try {
      const step = await this.api.pcsBuilder(prefix, this.dateOfService());
      if (ticket !== this.requested) return;
      this.step.set(step);
      // Keyboard users land on the first choice (or the add button) of the new step.
      afterNextRender(
        () =>
          this.host.nativeElement
            .querySelector<HTMLElement>('[data-testid="pcs-choices"] button, [data-testid="pcs-add"]')
            ?.focus(),
        { injector: this.injector },
      );
    } catch (e) {
      if (ticket === this.requested) {
        this.step.set(null);
        this.error.set(apiErrorMessage(e));
      }
    }
  }

  protected add(code: string, title: string): void {
    this.built.emit({
      system: 'ICD10PCS',
      code,
      displayCode: code,
      description: title,
      billable: true,
      match: 'exact',
    });
    void this.go('');
  }
}
