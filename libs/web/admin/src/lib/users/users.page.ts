import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { ROLES, type Role, type UserList, type UserStatus } from '@chartdesk/contracts';
import { apiErrorMessage } from '@chartdesk/web-core';
import { AdminApiService } from '../admin-api.service';

/** Users: search by name, username or email; filter by role and status. */
@Component({
  selector: 'cd-users-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, RouterLink],
  template: `
    <div class="head">
      <h1>Users</h1>
      <a mat-flat-button routerLink="/admin/users/new">New user</a>
    </div>
    <form class="filters" (ngSubmit)="load()" role="search">
      <mat-form-field appearance="outline">
        <mat-label>Search</mat-label>
        <input matInput name="q" [(ngModel)]="q" />
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>Role</mat-label>
        <select matNativeControl name="role" [(ngModel)]="role">
          <option value="">Any</option>
          @for (r of roles; track r) {
            <option [value]="r">{{ r }}</option>
          }
        </select>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>Status</mat-label>
        <select matNativeControl name="status" [(ngModel)]="status">
          <option value="">Any</option>
          <option value="ACTIVE">ACTIVE</option>
          <option value="DISABLED">DISABLED</option>
        </select>
      </mat-form-field>
      <button mat-stroked-button type="submit">Search</button>
    </form>
    @if (error(); as e) {
      <p role="alert" class="error">{{ e }}</p>
    }
    @if (list(); as l) {
      <p role="status">{{ l.total }} user(s)</p>
      <table class="table" data-testid="users-table">
        <caption class="visually-hidden">
          Users
        </caption>
        <thead>
          <tr>
            <th scope="col">Username</th>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">Team</th>
            <th scope="col">Status</th>
            <th scope="col">MFA</th>
          </tr>
        </thead>
        <tbody>
          @for (u of l.items; track u.id) {
            <tr>
              <td>
                <a [routerLink]="['/admin/users', u.id]">{{ u.username }}</a>
              </td>
              <td>{{ u.displayName }}</td>
              <td>{{ u.role }}</td>
              <td>{{ u.teamName ?? '—' }}</td>
              <td>{{ u.status }}{{ u.locked ? ' (locked)' : '' }}</td>
              <td>{{ u.mfaEnrolled ? 'enrolled' : 'not yet' }}</td>
            </tr>
          }
        </tbody>
      </table>
    }
  `,
  styleUrl: '../admin.scss',
})
export class UsersPage {
  private readonly api = inject(AdminApiService);
  protected readonly roles = ROLES;
  protected q = '';
  protected role: Role | '' = '';
  protected status: UserStatus | '' = '';
  protected readonly list = signal<UserList | null>(null);
  protected readonly error = signal<string | null>(null);

  constructor() {
    void this.load();
  }

  protected async load(): Promise<void> {
    try {
      this.list.set(
        await this.api.listUsers({
          q: this.q.trim() || undefined,
          role: this.role || undefined,
          status: this.status || undefined,
        }),
      );
      this.error.set(null);
    } catch (e) {
      this.error.set(apiErrorMessage(e));
    }
  }
}
