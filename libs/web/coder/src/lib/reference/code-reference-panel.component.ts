import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import {
  type CodeReferenceNote,
  type CodeReferenceResponse,
  TABULAR_NOTE_LABELS,
  type TabularNoteKind,
} from '@chartdesk/contracts';
import { apiErrorMessage } from '@chartdesk/web-core';
import { CodeReferenceApiService } from './code-reference-api.service';
import { CodeReferenceSelection } from './code-reference-selection';

interface NoteGroup {
  readonly kind: TabularNoteKind;
  readonly label: string;
  readonly notes: readonly CodeReferenceNote[];
}

/**
 * The Tabular around the selected code: hierarchy, instructional notes with
 * the codes they point to, 7th characters and placeholder X. Answers to an
 * older selection are dropped, so fast hovering never shows the wrong code.
 */
@Component({
  selector: 'cd-code-reference-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="ref-title" data-testid="code-reference" [attr.data-code]="reference()?.code ?? null">
      <h2 id="ref-title">Code reference</h2>
      @if (!selection.target()) {
        <p class="hint">Point at a search result or a coded line (or focus it) to see its Tabular notes.</p>
      } @else if (error(); as e) {
        <p role="alert">{{ e }}</p>
      } @else if (reference(); as ref) {
        <div aria-live="polite">
          <p class="title">
            <span class="code">{{ ref.displayCode }}</span> {{ ref.title }}
            @if (!ref.billable) {
              <span class="tag">header, not billable</span>
            }
          </p>
          <nav aria-label="Hierarchy">
            <ol class="path" data-testid="reference-hierarchy">
              @for (node of ref.hierarchy; track node.nodeId) {
                <li>
                  <span class="code">{{ node.display }}</span> {{ node.title }}
                </li>
              }
            </ol>
          </nav>
          @if (ref.placeholderGuidance; as guidance) {
            <p class="guidance" data-testid="reference-guidance">{{ guidance }}</p>
          }
          @if (ref.seventhCharacters.length > 0) {
            <table class="seventh" aria-label="7th characters" data-testid="reference-seventh">
              <thead>
                <tr>
                  <th scope="col">7th</th>
                  <th scope="col">Meaning</th>
                </tr>
              </thead>
              <tbody>
                @for (c of ref.seventhCharacters; track c.character) {
                  <tr>
                    <td class="code">{{ c.character }}</td>
                    <td>{{ c.meaning }}</td>
                  </tr>
                }
              </tbody>
            </table>
          }
          @for (group of groups(); track group.kind) {
            <h3 [attr.data-kind]="group.kind">{{ group.label }}</h3>
            <ul class="notes">
              @for (note of group.notes; track $index) {
                <li [attr.data-kind]="note.kind">
                  {{ note.text }}
                  @if (note.nodeId !== ref.code) {
                    <small>(at {{ note.nodeDisplay }})</small>
                  }
                  @if (note.targets.length > 0) {
                    <ul class="targets" [attr.aria-label]="'Codes this note points to'">
                      @for (t of note.targets; track t.code) {
                        <li>
                          <span class="code">{{ t.displayCode }}</span>
                          {{ t.title ?? 'not in this release' }}
                        </li>
                      }
                    </ul>
                  }
                </li>
              }
            </ul>
          }
          <p class="release">
            {{ ref.system }} {{ ref.release }} ·
            {{ ref.referenceRelease ? 'reference ' + ref.referenceRelease : 'no Tabular imported: order file only' }}
          </p>
        </div>
      } @else {
        <p role="status">Loading the reference…</p>
      }
    </section>
  `,
  styles: `
    :host {
      display: block;
      margin-top: 12px;
      border-top: 1px solid #ccc;
    }
    h2 {
      font-size: 1rem;
      margin: 8px 0 4px;
    }
    h3 {
      font-size: 0.9rem;
      margin: 8px 0 2px;
    }
    .code {
      font-family: monospace;
      font-weight: 700;
    }
    .title {
      margin: 0 0 4px;
    }
    .tag {
      font-size: 0.8em;
      border: 1px solid currentColor;
      border-radius: 8px;
      padding: 0 6px;
    }
    .path {
      margin: 0;
      padding-left: 18px;
    }
    .notes,
    .targets {
      margin: 0;
      padding-left: 18px;
    }
    .guidance {
      background: #eef4ff;
      color: #111;
      padding: 4px 8px;
    }
    .seventh {
      border-collapse: collapse;
    }
    .seventh td,
    .seventh th {
      text-align: left;
      padding: 1px 6px;
      border-bottom: 1px solid #ddd;
    }
    .release,
    .hint,
    small {
      color: #444;
      font-size: 0.85em;
    }
  `,
})
export class CodeReferencePanelComponent {
  readonly dateOfService = input.required<string>();
  protected readonly selection = inject(CodeReferenceSelection);
  private readonly api = inject(CodeReferenceApiService);
  protected readonly reference = signal<CodeReferenceResponse | null>(null);
  protected readonly error = signal<string | null>(null);
  private requested = 0;

  protected readonly groups = computed<NoteGroup[]>(() => {
    const notes = this.reference()?.notes ?? [];
    const kinds = [...new Set(notes.map((n) => n.kind))];
    return kinds.map((kind) => ({
      kind,
      label: TABULAR_NOTE_LABELS[kind],
      notes: notes.filter((n) => n.kind === kind),
    }));
  });

  constructor() {
    effect(() => {
      const target = this.selection.target();
      const dos = this.dateOfService();
      if (target && dos) void this.load(target.system, target.code, dos);
    });
  }

  private async load(system: Parameters<CodeReferenceApiService['reference']>[0], code: string, dos: string) {
    const ticket = ++this.requested;
    this.reference.set(null);
    this.error.set(null);
    try {
      const ref = await this.api.reference(system, code, dos);
      if (ticket === this.requested) this.reference.set(ref);
    } catch (e) {
      if (ticket === this.requested) this.error.set(apiErrorMessage(e));
    }
  }
}
