import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterOutlet } from '@angular/router';
import { ConnectionBannerComponent, SessionNavComponent } from '@chartdesk/web-core';
import { ShellLayoutComponent } from '@chartdesk/web-ui';

@Component({
  selector: 'cd-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterOutlet, ShellLayoutComponent, SessionNavComponent, ConnectionBannerComponent],
  template: `<cd-connection-banner /><cd-shell-layout><cd-session-nav shellNav /><router-outlet /></cd-shell-layout>`,
})
export class App {}
