import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { RouterLink } from '@angular/router';
import type { Role } from '@chartdesk/contracts';
import { AuthService } from '../auth/auth.service';
import { navItemsFor } from '../nav/nav-items';

const ROLE_TITLES: Readonly<Record<Role, string>> = {
  CODER: 'Coder',
  SUPERVISOR: 'Supervisor',
  COMPLIANCE: 'Compliance',
  ADMIN: 'Administrator',
};

/** Each role's landing page: who is signed in and the areas their role opens. */
@Component({
  selector: 'cd-home-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatCardModule, RouterLink],
  template: `
    @if (user(); as u) {
      <h1 data-testid="home-title">{{ roleTitle() }} home</h1>
      <p>
        Signed in as <strong data-testid="home-user">{{ u.displayName }}</strong> ({{ u.username }}).
      </p>
      <ul class="areas">
        @for (item of areas(); track item.path) {
          <li>
            <mat-card appearance="outlined">
              <mat-card-content>
                <a [routerLink]="item.path">{{ item.label }}</a>
                <p>{{ item.description }}</p>
              </mat-card-content>
            </mat-card>
          </li>
        }
      </ul>
    }
  `,
  styles: `
    h1 {
      font: var(--mat-sys-headline-small);
      margin: 0 0 8px;
    }
    .areas {
      list-style: none;
      padding: 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(220px, 1fr));
      gap: 12px;
    }
  `,
})
export class HomePage {
  private readonly auth = inject(AuthService);
  protected readonly user = this.auth.user;
  protected readonly roleTitle = computed(() => {
    const role = this.user()?.role;
    return role ? ROLE_TITLES[role] : '';
  });
  protected readonly areas = computed(() =>
    navItemsFor(this.user()?.permissions ?? []).filter((i) => i.path !== '/home'),
  );
}
