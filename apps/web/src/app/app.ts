import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterOutlet } from '@angular/router';
import { ShellLayoutComponent } from '@chartdesk/web-ui';

@Component({
  selector: 'cd-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterOutlet, ShellLayoutComponent],
  template: `<cd-shell-layout><router-outlet /></cd-shell-layout>`,
})
export class App {}
