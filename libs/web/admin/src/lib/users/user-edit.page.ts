import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import {
  ROLES,
  SENSITIVITY_LABELS,
  SPECIALTIES,
  type SensitivityLabel,
  type Specialty,
  type TeamSummary,
  type UserDetail,
  WEEKDAYS,
} from '@chartdesk/contracts';
import { apiErrorMessage, apiFieldErrors } from '@chartdesk/web-core';
import { AdminApiService } from '../admin-api.service';
import { type UserFormModel, emptyModel, modelFrom, toCreate, toUpdate } from './user-form.model';

/** Create a user (route users/new) or edit one (users/:id), with the account actions an admin needs. */
@Component({
  selector: 'cd-user-edit-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, RouterLink],
  templateUrl: './user-edit.page.html',
  styleUrl: '../admin.scss',
})
export class UserEditPage {
  private readonly api = inject(AdminApiService);

  /** From the route (:id); absent on users/new. */
  readonly id = input<string>();
  protected readonly creating = computed(() => !this.id());
  protected readonly roles = ROLES;
  protected readonly labels = SENSITIVITY_LABELS;
  protected readonly specialtyOptions = SPECIALTIES;
  protected readonly weekdays = WEEKDAYS;

  protected model: UserFormModel = emptyModel();
  protected readonly user = signal<UserDetail | null>(null);
  protected readonly teams = signal<TeamSummary[]>([]);
  protected readonly error = signal<string | null>(null);
  protected readonly fieldErrors = signal<Readonly<Record<string, readonly string[]>>>({});
  protected readonly notice = signal<string | null>(null);
  /** Shown once after create or password reset. */
  protected readonly temporaryPassword = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected adminPassword = '';

  constructor() {
    void this.api.listTeams().then(
      (t) => this.teams.set(t),
      () => undefined,
    );
    effect(() => {
      const id = this.id();
      if (id) void this.load(id);
    });
  }

  protected has<T>(list: readonly T[], value: T): boolean {
    return list.includes(value);
  }

  protected toggleLabel(value: SensitivityLabel, on: boolean): void {
    this.model.clearances = on ? [...this.model.clearances, value] : this.model.clearances.filter((v) => v !== value);
  }

  protected toggleSpecialty(value: Specialty, on: boolean): void {
    this.model.specialties = on
      ? [...this.model.specialties, value]
      : this.model.specialties.filter((v) => v !== value);
  }

  protected addWindow(): void {
    this.model.weeklyHours = [...this.model.weeklyHours, { day: 'MON', start: '08:00', end: '16:00' }];
  }

  protected removeWindow(index: number): void {
    this.model.weeklyHours = this.model.weeklyHours.filter((_, i) => i !== index);
  }

  protected fieldError(field: string): string | null {
    return this.fieldErrors()[field]?.[0] ?? null;
  }

  protected async save(): Promise<void> {
    await this.act(async () => {
      const id = this.id();
      if (!id) {
        // Stay on this page: the temporary password exists only in this component's memory.
        const created = await this.api.createUser(toCreate(this.model));
        this.temporaryPassword.set(created.temporaryPassword);
        this.user.set(created.user);
        this.notice.set('User created. Give them the temporary password below; they replace it at first sign-in.');
      } else {
        const updated = await this.api.updateUser(id, toUpdate(this.model));
        this.user.set(updated);
        this.model = modelFrom(updated);
        this.notice.set('Saved.');
      }
    });
  }

  protected setEnabled(enabled: boolean): Promise<void> {
    return this.act(async (id) => {
      this.user.set(await this.api.setEnabled(id, enabled));
      this.notice.set(enabled ? 'User enabled.' : 'User disabled; their sessions have ended.');
    });
  }

  protected decide(approve: boolean): Promise<void> {
    return this.act(async (id) => {
      this.user.set(await this.api.decide(id, approve));
      this.notice.set(
        approve ? 'Change approved; the account may sign in.' : 'Change rejected; the account is disabled.',
      );
    });
  }

  protected revokeSessions(): Promise<void> {
    return this.act(async (id) => {
      this.user.set(await this.api.revokeSessions(id));
      this.notice.set('All of this user’s sessions have ended.');
    });
  }

  protected resetPassword(): Promise<void> {
    return this.act(async (id) => {
      const res = await this.api.resetPassword(id);
      this.user.set(res.user);
      this.temporaryPassword.set(res.temporaryPassword);
      this.notice.set('Password reset. Give the user the temporary password below.');
    });
  }

  protected resetMfa(): Promise<void> {
    return this.act(async (id) => {
      this.user.set(await this.api.resetMfa(id, this.adminPassword));
      this.adminPassword = '';
      this.notice.set('MFA reset. The user sets up a new authenticator at next sign-in.');
    });
  }

  private async load(id: string): Promise<void> {
    try {
      const u = await this.api.getUser(id);
      this.user.set(u);
      this.model = modelFrom(u);
    } catch (e) {
      this.error.set(apiErrorMessage(e));
    }
  }

  private async act(work: (id: string) => Promise<void>): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    this.fieldErrors.set({});
    this.notice.set(null);
    try {
      await work(this.id() ?? '');
    } catch (e) {
      this.error.set(apiErrorMessage(e));
      this.fieldErrors.set(apiFieldErrors(e));
    } finally {
      this.busy.set(false);
    }
  }
}
