import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';

/** The workbench's own navigation between its pages. */
@Component({
  selector: 'cd-compliance-shell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, RouterLinkActive, RouterOutlet],
  template: `
    <nav class="tabs" aria-label="Compliance">
      @for (t of tabs; track t.path) {
        <a [routerLink]="t.path" routerLinkActive="active" ariaCurrentWhenActive="page">{{ t.label }}</a>
      }
    </nav>
    <router-outlet />
  `,
  styles: `
    .tabs {
      display: flex;
      gap: 4px;
      border-bottom: 1px solid #c4c7c5;
      margin-bottom: 16px;
      flex-wrap: wrap;
    }
    .tabs a {
      padding: 8px 14px;
      color: #1f1f1f;
      text-decoration: none;
      border-bottom: 3px solid transparent;
    }
    .tabs a.active {
      border-bottom-color: #0b57d0;
      font-weight: 600;
    }
    .tabs a:focus-visible {
      outline: 2px solid #0b57d0;
      outline-offset: 2px;
    }
  `,
})
export class ComplianceShellComponent {
  readonly tabs = [
    { path: 'dashboard', label: 'Dashboard' },
    { path: 'reports', label: 'Access reports' },
    { path: 'review', label: 'Review queue' },
    { path: 'integrity', label: 'Integrity' },
  ];
}
