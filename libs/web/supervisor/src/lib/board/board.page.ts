import { ChangeDetectionStrategy, Component, HostListener, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import {
  type BoardResponse,
  ENCOUNTER_TYPES,
  type EncounterType,
  SENSITIVITY_LABELS,
  type SensitivityLabel,
  WORK_PRIORITIES,
  WORK_PRIORITY_LABELS,
  type WorkPriority,
} from '@chartdesk/contracts';
import { apiErrorMessage } from '@chartdesk/web-core';
import { OpenQueriesComponent } from './open-queries.component';
import { SupervisorApiService } from './supervisor-api.service';
import { TeamWorkComponent } from './team-work.component';

/** The assignment board: the pool (filtered), assign or auto-distribute, each coder's load, the team's work. */
@Component({
  selector: 'cd-board-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule, OpenQueriesComponent, TeamWorkComponent],
  templateUrl: './board.page.html',
  styleUrl: './board.page.scss',
})
export class BoardPage {
  private readonly api = inject(SupervisorApiService);
  protected readonly types = ENCOUNTER_TYPES;
  protected readonly labels = SENSITIVITY_LABELS;
  protected readonly priorities = WORK_PRIORITIES;
  protected readonly priorityLabels = WORK_PRIORITY_LABELS;
  protected readonly board = signal<BoardResponse | null>(null);
  protected readonly selected = signal<ReadonlySet<string>>(new Set());
  protected readonly error = signal<string | null>(null);
  protected readonly message = signal<string | null>(null);
  protected readonly busy = signal(false);
  // filters
  protected facility = '';
  protected type: EncounterType | '' = '';
  protected minAgeDays: number | null = null;
  protected dueBefore = '';
  protected label: SensitivityLabel | '' = '';
  // assignment terms
  protected coderId = '';
  protected dueDate = '';
  protected priority: WorkPriority | '' = '';

  protected readonly allSelected = computed(() => {
    const pool = this.board()?.pool ?? [];
    return pool.length > 0 && pool.every((p) => this.selected().has(p.encounterId));
  });

  constructor() {
    void this.load();
  }

  /** Alt+D distributes, Alt+A assigns the selection, Alt+R reloads. */
  @HostListener('document:keydown', ['$event'])
  protected onKey(event: KeyboardEvent): void {
    if (!event.altKey || event.ctrlKey || event.metaKey) return;
    const key = /^Key([A-Z])$/.exec(event.code)?.[1];
    const action =
      key === 'D'
        ? () => this.distribute()
        : key === 'A'
          ? () => this.assign()
          : key === 'R'
            ? () => this.load()
            : null;
    if (!action) return;
    event.preventDefault();
    void action();
  }

  protected async load(): Promise<void> {
    try {
      this.board.set(
        await this.api.board({
          facility: this.facility || undefined,
          type: this.type || undefined,
          minAgeDays: this.minAgeDays ?? undefined,
          dueBefore: this.dueBefore || undefined,
          label: this.label || undefined,
        }),
      );
      const ids = new Set((this.board()?.pool ?? []).map((p) => p.encounterId));
      this.selected.set(new Set([...this.selected()].filter((id) => ids.has(id))));
      this.error.set(null);
    } catch (e) {
      this.error.set(apiErrorMessage(e));
    }
  }

  protected toggle(id: string, on: boolean): void {
    const next = new Set(this.selected());
    if (on) next.add(id);
    else next.delete(id);
    this.selected.set(next);
  }

  protected toggleAll(on: boolean): void {
    this.selected.set(on ? new Set((this.board()?.pool ?? []).map((p) => p.encounterId)) : new Set());
  }

  protected priorityLabel(p: WorkPriority): string {
    return WORK_PRIORITY_LABELS[p];
  }

  protected async assign(): Promise<void> {
    if (this.selected().size === 0 || !this.coderId) {
      this.error.set('Select charts and a coder first.');
      return;
    }
    await this.act(async () => {
      const res = await this.api.assign({ encounterIds: [...this.selected()], coderId: this.coderId, ...this.terms() });
      return `Assigned ${res.outcomes.length} chart(s).`;
    });
  }

  protected async distribute(): Promise<void> {
    await this.act(async () => {
      const ids = [...this.selected()];
      const res = await this.api.distribute({ ...(ids.length ? { encounterIds: ids } : {}), ...this.terms() });
      const given = res.outcomes.filter((o) => o.coderId).length;
      return `Distributed ${given} chart(s); ${res.outcomes.length - given} left in the pool (no eligible coder with capacity).`;
    });
  }

  protected async saveSettings(allowSelfPull: boolean, coderCapacity: number): Promise<void> {
    await this.act(async () => {
      await this.api.saveSettings({ allowSelfPull, coderCapacity });
      return 'Team settings saved.';
    });
  }

  private terms(): { dueDate?: string; priority?: WorkPriority } {
    return {
      ...(this.dueDate ? { dueDate: this.dueDate } : {}),
      ...(this.priority ? { priority: this.priority } : {}),
    };
  }

  protected async act(work: () => Promise<string>): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    try {
      const done = await work();
      this.selected.set(new Set());
      await this.load();
      this.message.set(done);
      this.error.set(null);
    } catch (e) {
      this.error.set(apiErrorMessage(e));
    } finally {
      this.busy.set(false);
    }
  }
}
