import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { AuthService } from '../auth/auth.service';
import { IdleService } from '../auth/idle.service';
import { navItemsFor } from './nav-items';

/** Role-aware navigation, the signed-in user, sign-out, and the idle warning. */
@Component({
  selector: 'cd-session-nav',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, RouterLink, RouterLinkActive],
  template: `
    @if (user(); as u) {
      <nav aria-label="Main" class="nav">
        @for (item of items(); track item.path) {
          <a mat-button [routerLink]="item.path" routerLinkActive="active" ariaCurrentWhenActive="page">{{
            item.label
          }}</a>
        }
      </nav>
      <span class="who" data-testid="nav-user">{{ u.username }}</span>
      <button mat-stroked-button type="button" class="signout" (click)="signOut()">Sign out</button>
    }
    @if (warning(); as seconds) {
      <div
        class="idle"
        role="alertdialog"
        aria-labelledby="idle-title"
        aria-describedby="idle-text"
        data-testid="idle-warning"
      >
        <h2 id="idle-title">Still there?</h2>
        <p id="idle-text">You will be signed out in {{ seconds }} seconds because of inactivity.</p>
        <button mat-flat-button type="button" (click)="stay()">Stay signed in</button>
      </div>
    }
  `,
  styles: `
    :host {
      display: flex;
      align-items: center;
      gap: 8px;
      /* The nav sits on the primary-coloured toolbar, whose buttons take this token for their text. */
      --mat-toolbar-container-text-color: var(--mat-sys-on-primary);
      --mat-button-outlined-outline-color: var(--mat-sys-on-primary);
    }
    .active {
      text-decoration: underline;
    }
    .who {
      font: var(--mat-sys-body-medium);
    }
    .idle {
      --mat-toolbar-container-text-color: var(--mat-sys-on-surface);
      position: fixed;
      right: 24px;
      bottom: 24px;
      z-index: 20;
      max-width: 320px;
      padding: 16px;
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface);
      border-radius: 12px;
      box-shadow: 0 4px 16px rgb(0 0 0 / 25%);
    }
    .idle h2 {
      font: var(--mat-sys-title-medium);
      margin: 0 0 8px;
    }
  `,
})
export class SessionNavComponent {
  private readonly auth = inject(AuthService);
  private readonly idle = inject(IdleService);
  protected readonly user = this.auth.user;
  protected readonly items = computed(() => navItemsFor(this.user()?.permissions ?? []));
  protected readonly warning = this.idle.warningSecondsLeft;

  protected signOut(): void {
    void this.auth.logout('signed-out');
  }

  protected stay(): void {
    this.idle.stayActive();
  }
}
