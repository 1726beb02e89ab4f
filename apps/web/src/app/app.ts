import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterOutlet } from '@angular/router';
import { SessionNavComponent } from '@chartdesk/web-core';
import { ShellLayoutComponent } from '@chartdesk/web-ui';

@Component({
  selector: 'cd-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterOutlet, ShellLayoutComponent, SessionNavComponent],
  template: `<cd-shell-layout><cd-session-nav shellNav /><router-outlet /></cd-shell-layout>`,
})
export class App {}
