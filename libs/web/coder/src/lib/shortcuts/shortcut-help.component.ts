import { ChangeDetectionStrategy, Component, ElementRef, afterNextRender, inject, input, output } from '@angular/core';
import type { Shortcut } from './shortcuts';

/** The `?` overlay: every shortcut of the page, in a modal dialog that Escape closes. */
@Component({
  selector: 'cd-shortcut-help',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="backdrop" aria-hidden="true"></div>
    <section role="dialog" aria-modal="true" aria-labelledby="shortcut-help-title" data-testid="shortcut-help">
      <h2 id="shortcut-help-title">Keyboard shortcuts</h2>
      <table>
        <caption class="visually-hidden">
          Keyboard shortcuts
        </caption>
        <thead>
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          @for (s of shortcuts(); track s.keys) {
            <tr>
              <td>
                <kbd>{{ s.keys }}</kbd>
              </td>
              <td>{{ s.label }}</td>
            </tr>
          }
        </tbody>
      </table>
      <button type="button" class="close" (click)="closed.emit()">Close (Esc)</button>
    </section>
  `,
  styles: `
    .backdrop {
      position: fixed;
      inset: 0;
      background: rgb(0 0 0 / 40%);
      z-index: 20;
    }
    section {
      position: fixed;
      z-index: 21;
      top: 10vh;
      left: 50%;
      transform: translateX(-50%);
      background: var(--mat-sys-surface, #fff);
      color: var(--mat-sys-on-surface, #111);
      padding: 16px 24px;
      border-radius: 8px;
      max-height: 80vh;
      overflow: auto;
      min-width: 320px;
    }
    h2 {
      margin: 0 0 8px;
      font-size: 1.2rem;
    }
    table {
      border-collapse: collapse;
      width: 100%;
    }
    td,
    th {
      text-align: left;
      padding: 4px 8px;
      border-bottom: 1px solid #ddd;
    }
    kbd {
      font-family: monospace;
      background: #eee;
      color: #111;
      padding: 1px 6px;
      border-radius: 4px;
    }
    .close {
      margin-top: 12px;
    }
  `,
})
export class ShortcutHelpComponent {
  readonly shortcuts = input.required<readonly Shortcut[]>();
  readonly closed = output<void>();
  private readonly host = inject(ElementRef<HTMLElement>);

  constructor() {
    afterNextRender(() => (this.host.nativeElement as HTMLElement).querySelector<HTMLButtonElement>('.close')?.focus());
  }
}
