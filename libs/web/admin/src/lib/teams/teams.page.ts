import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { TeamSummary } from '@chartdesk/contracts';
import { apiErrorMessage } from '@chartdesk/web-core';
import { AdminApiService } from '../admin-api.service';

/** Teams: create, rename, delete (only when empty). */
@Component({
  selector: 'cd-teams-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  template: `
    <h1>Teams</h1>
    <form class="row" (ngSubmit)="create()">
      <mat-form-field appearance="outline">
        <mat-label>New team name</mat-label>
        <input matInput name="name" required [(ngModel)]="name" />
      </mat-form-field>
      <button mat-flat-button type="submit">Add team</button>
    </form>
    @if (error(); as e) {
      <p role="alert" class="error">{{ e }}</p>
    }
    <table class="table">
      <caption class="visually-hidden">
        Teams
      </caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Members</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        @for (t of teams(); track t.id) {
          <tr>
            <td>
              <label class="visually-hidden" [for]="'team-' + t.id">Name of {{ t.name }}</label>
              <input [id]="'team-' + t.id" [value]="t.name" #nameInput />
            </td>
            <td>{{ t.memberCount }}</td>
            <td class="actions">
              <button mat-button type="button" (click)="rename(t, nameInput.value)">Rename</button>
              <button mat-button type="button" (click)="remove(t)" [disabled]="t.memberCount > 0">Delete</button>
            </td>
          </tr>
        }
      </tbody>
    </table>
  `,
  styleUrl: '../admin.scss',
})
export class TeamsPage {
  private readonly api = inject(AdminApiService);
  protected readonly teams = signal<TeamSummary[]>([]);
  protected readonly error = signal<string | null>(null);
  protected name = '';

  constructor() {
    void this.reload();
  }

  protected create(): Promise<void> {
    return this.run(async () => {
      await this.api.createTeam(this.name.trim());
      this.name = '';
    });
  }

  protected rename(team: TeamSummary, name: string): Promise<void> {
    return this.run(() => this.api.renameTeam(team.id, name.trim()).then(() => undefined));
  }

  protected remove(team: TeamSummary): Promise<void> {
    return this.run(() => this.api.deleteTeam(team.id));
  }

  private async run(work: () => Promise<void>): Promise<void> {
    try {
      await work();
      this.error.set(null);
    } catch (e) {
      this.error.set(apiErrorMessage(e));
    }
    await this.reload();
  }

  private async reload(): Promise<void> {
    try {
      this.teams.set(await this.api.listTeams());
    } catch (e) {
      this.error.set(apiErrorMessage(e));
    }
  }
}
