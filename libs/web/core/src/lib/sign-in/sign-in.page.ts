import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router } from '@angular/router';
import type { LoginStepResponse, MfaEnrolment } from '@chartdesk/contracts';
import { apiErrorMessage, apiFieldErrors } from '../auth/api-error-message';
import { AuthService } from '../auth/auth.service';

type Step =
  | { kind: 'credentials' }
  | { kind: 'MFA_VERIFY'; challengeToken: string }
  | { kind: 'PASSWORD_CHANGE'; challengeToken: string }
  | { kind: 'MFA_ENROL'; challengeToken: string; enrolment: MfaEnrolment | null }
  | { kind: 'recovery-codes'; codes: readonly string[] };

/** Password, then the second factor; a first sign-in also replaces the temporary password and enrols. */
@Component({
  selector: 'cd-sign-in-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule, MatCardModule, MatFormFieldModule, MatInputModule],
  templateUrl: './sign-in.page.html',
  styleUrl: './sign-in.page.scss',
})
export class SignInPage {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);

  protected readonly step = signal<Step>({ kind: 'credentials' });
  protected readonly error = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly ended = this.auth.endedReason;

  protected username = '';
  protected password = '';
  protected code = '';
  protected newPassword = '';
  protected confirmPassword = '';

  protected async submitCredentials(): Promise<void> {
    await this.run(() => this.auth.login(this.username.trim(), this.password));
    this.password = '';
  }

  protected async submitCode(challengeToken: string): Promise<void> {
    const code = this.code.trim();
    this.code = '';
    await this.run(() => this.auth.verifyMfa(challengeToken, code));
  }

  protected async submitNewPassword(challengeToken: string): Promise<void> {
    if (this.newPassword !== this.confirmPassword) {
      this.error.set('The two passwords do not match.');
      return;
    }
    await this.run(() => this.auth.setInitialPassword(challengeToken, this.newPassword));
    this.newPassword = '';
    this.confirmPassword = '';
  }

  protected async confirmEnrolment(challengeToken: string): Promise<void> {
    const code = this.code.trim();
    this.code = '';
    await this.run(() => this.auth.confirmEnrolment(challengeToken, code));
  }

  protected async continueHome(): Promise<void> {
    await this.router.navigate(['/home']);
  }

  protected startOver(): void {
    this.step.set({ kind: 'credentials' });
    this.error.set(null);
  }

  private async run(action: () => Promise<LoginStepResponse>): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    try {
      await this.advance(await action());
    } catch (e) {
      const fields = apiFieldErrors(e);
      this.error.set(fields['newPassword']?.[0] ?? apiErrorMessage(e));
      if (/expired|Start again/.test(this.error() ?? '')) this.step.set({ kind: 'credentials' });
    } finally {
      this.busy.set(false);
    }
  }

  private async advance(res: LoginStepResponse): Promise<void> {
    switch (res.stage) {
      case 'DONE':
        if (res.recoveryCodes?.length) this.step.set({ kind: 'recovery-codes', codes: res.recoveryCodes });
        else await this.continueHome();
        return;
      case 'MFA_VERIFY':
      case 'PASSWORD_CHANGE':
        this.step.set({ kind: res.stage, challengeToken: res.challengeToken });
        return;
      case 'MFA_ENROL': {
        this.step.set({ kind: 'MFA_ENROL', challengeToken: res.challengeToken, enrolment: null });
        const enrolment = await this.auth.startEnrolment(res.challengeToken);
        this.step.set({ kind: 'MFA_ENROL', challengeToken: res.challengeToken, enrolment });
        return;
      }
    }
  }
}
