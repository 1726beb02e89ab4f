import { ChangeDetectionStrategy, Component } from '@angular/core';
import { SystemStatusPage } from '../status/system-status.page';
import { SignInPage } from './sign-in.page';

/** The front door: sign-in, with the server's readiness underneath (useful when something is down). */
@Component({
  selector: 'cd-sign-in-with-status-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [SignInPage, SystemStatusPage],
  template: `
    <cd-sign-in-page />
    <section class="status" aria-label="System status">
      <cd-system-status-page />
    </section>
  `,
  styles: `
    .status {
      max-width: 440px;
      margin: 0 auto;
    }
  `,
})
export class SignInWithStatusPage {}
