import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { AuthPaths, apiUrl } from '@chartdesk/contracts';
import { firstValueFrom } from 'rxjs';
import { apiErrorMessage, apiFieldErrors } from '../auth/api-error-message';

/** Self-service password change; re-authenticated with the current password, other sessions end. */
@Component({
  selector: 'cd-account-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  template: `
    <h1>Account</h1>
    <h2>Change password</h2>
    <form (ngSubmit)="change()" class="form">
      <mat-form-field appearance="outline">
        <mat-label>Current password</mat-label>
        <input matInput name="current" type="password" autocomplete="current-password" required [(ngModel)]="current" />
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>New password</mat-label>
        <input matInput name="next" type="password" autocomplete="new-password" required [(ngModel)]="next" />
      </mat-form-field>
      <button mat-flat-button type="submit" [disabled]="busy()">Change password</button>
    </form>
    @if (message(); as m) {
      <p [attr.role]="failed() ? 'alert' : 'status'" [class.error]="failed()">{{ m }}</p>
    }
  `,
  styles: `
    h1 {
      font: var(--mat-sys-headline-small);
    }
    h2 {
      font: var(--mat-sys-title-medium);
    }
    .form {
      display: flex;
      flex-direction: column;
      max-width: 400px;
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
})
export class AccountPage {
  private readonly http = inject(HttpClient);
  protected current = '';
  protected next = '';
  protected readonly busy = signal(false);
  protected readonly message = signal<string | null>(null);
  protected readonly failed = signal(false);

  protected async change(): Promise<void> {
    this.busy.set(true);
    try {
      await firstValueFrom(
        this.http.post<void>(apiUrl(AuthPaths.changePassword), {
          currentPassword: this.current,
          newPassword: this.next,
        }),
      );
      this.failed.set(false);
      this.message.set('Password changed. Your other sessions were signed out.');
      this.current = '';
      this.next = '';
    } catch (e) {
      this.failed.set(true);
      this.message.set(apiFieldErrors(e)['newPassword']?.[0] ?? apiErrorMessage(e));
    } finally {
      this.busy.set(false);
    }
  }
}
