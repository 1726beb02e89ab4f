import {
  ChangeDetectionStrategy,
  Component,
  HostListener,
  type OnDestroy,
  type OnInit,
  computed,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { Router } from '@angular/router';
import {
  type DocumentSummaryView,
  LEASE_HEARTBEAT_SECONDS,
  WorklistPaths,
  apiUrl,
  worklistPath,
} from '@chartdesk/contracts';
import { AuthService, apiErrorMessage } from '@chartdesk/web-core';
import { CodeReferencePanelComponent } from '../reference/code-reference-panel.component';
import { CodeReferenceSelection } from '../reference/code-reference-selection';
import { PcsBuilderComponent } from '../reference/pcs-builder.component';
import { CoderApiService } from '../shared/coder-api.service';
import { WatermarkComponent } from '../shared/watermark.component';
import { ShortcutHelpComponent } from '../shortcuts/shortcut-help.component';
import { type Shortcut, isTextField, keyFromEvent, matchShortcut } from '../shortcuts/shortcuts';
import { CodingPanelComponent } from './coding-panel.component';
import { DocumentPanelComponent } from './document-panel.component';
import { type QueryDraft, QueryFormComponent } from './query-form.component';
import type { LeavesSafely } from './unsaved-changes.guard';
import { WorkspaceState } from './workspace-state';

const leaseUrl = (id: string) => apiUrl(worklistPath(WorklistPaths.lease, { id }));

/** One chart: documents on the left, the coding panel on the right, every action on a key. */
@Component({
  selector: 'cd-workspace-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [WorkspaceState, CodeReferenceSelection],
  imports: [
    CodeReferencePanelComponent,
    CodingPanelComponent,
    PcsBuilderComponent,
    DocumentPanelComponent,
    QueryFormComponent,
    ShortcutHelpComponent,
    WatermarkComponent,
  ],
  templateUrl: './workspace.page.html',
  styleUrl: './workspace.page.scss',
})
export class WorkspacePage implements OnInit, OnDestroy, LeavesSafely {
  readonly id = input.required<string>();
  protected readonly state = inject(WorkspaceState);
  private readonly api = inject(CoderApiService);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly documents = viewChild(DocumentPanelComponent);
  private readonly coding = viewChild(CodingPanelComponent);
  protected readonly loadError = signal<string | null>(null);
  protected readonly notFound = signal(false);
  protected readonly help = signal(false);
  protected readonly querying = signal(false);
  protected readonly openedAt = signal(new Date());
  protected readonly userName = computed(() => this.auth.user()?.username ?? '');
  protected readonly visibleDocuments = computed(() =>
    (this.state.chart()?.documents ?? []).filter((d): d is DocumentSummaryView => !d.withheld),
  );
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  private released = false;
  private lastActivity = Date.now();
  private lastBeat = Date.now();

  protected readonly shortcuts: readonly Shortcut[] = [
    { keys: 'Alt+C', label: 'Find a code', run: () => this.coding()?.focusSearch() },
    { keys: 'Alt+F', label: 'Search inside the chart', run: () => this.documents()?.focusSearch() },
    { keys: 'Alt+J', label: 'Next document', run: () => this.documents()?.step(1) },
    { keys: 'Alt+K', label: 'Previous document', run: () => this.documents()?.step(-1) },
    { keys: 'Alt+A', label: 'Acknowledge all warnings', run: () => this.state.acknowledgeAll() },
    { keys: 'Alt+S', label: 'Save codes', run: () => void this.save() },
    { keys: 'Alt+Enter', label: 'Submit the chart', run: () => void this.submit() },
    { keys: 'Alt+Q', label: 'Query the provider', run: () => this.startQuery() },
    { keys: 'Alt+L', label: 'Leave the chart (back to my work)', run: () => void this.router.navigate(['/work']) },
    { keys: '?', label: 'Show these shortcuts', run: () => this.help.set(true) },
    { keys: 'Escape', label: 'Close an overlay', run: () => this.closeOverlays() },
  ];

  ngOnInit(): void {
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      await this.state.open(this.id());
      this.openedAt.set(new Date());
      this.heartbeat = setInterval(() => void this.beat(), LEASE_HEARTBEAT_SECONDS * 1000);
    } catch (e) {
      this.notFound.set((e as { status?: number }).status === 404);
      this.loadError.set(apiErrorMessage(e));
    }
  }

  ngOnDestroy(): void {
    clearInterval(this.heartbeat);
    this.leave();
  }

  hasUnsavedChanges(): boolean {
    return this.state.editable() && this.state.dirty();
  }

  leave(): void {
    clearInterval(this.heartbeat);
    if (this.released || !this.state.workspace()) return;
    this.released = true;
    void this.api.release(this.id()).catch(() => undefined);
  }

  @HostListener('window:beforeunload', ['$event'])
  protected onUnload(event: BeforeUnloadEvent): void {
    if (this.hasUnsavedChanges()) event.preventDefault();
  }

  /** Closing the tab gives the chart back too; keepalive lets the request outlive the page. */
  @HostListener('window:pagehide')
  protected onPageHide(): void {
    const token = this.auth.token();
    if (this.released || !this.state.workspace() || !token) return;
    this.released = true;
    void fetch(leaseUrl(this.id()), {
      method: 'DELETE',
      keepalive: true,
      headers: { authorization: `Bearer ${token}` },
    });
  }

  @HostListener('document:pointerdown')
  protected onPointer(): void {
    this.lastActivity = Date.now();
  }

  @HostListener('document:keydown', ['$event'])
  protected onKey(event: KeyboardEvent): void {
    this.lastActivity = Date.now();
    const shortcut = matchShortcut(keyFromEvent(event), this.shortcuts, isTextField(event.target));
    if (!shortcut) return;
    event.preventDefault();
    shortcut.run();
  }

  protected async save(): Promise<void> {
    if (!this.state.editable()) return;
    await this.state.save();
  }

  protected async submit(): Promise<void> {
    if (!this.state.editable()) return;
    if ((await this.state.submit()) === 'submitted') {
      this.leave();
      await this.router.navigate(['/work'], { state: { submitted: this.state.chart()?.encounter.encounterNumber } });
    }
  }

  protected startQuery(): void {
    if (this.state.editable()) this.querying.set(true);
  }

  protected async sendQuery(draft: QueryDraft): Promise<void> {
    try {
      await this.api.createQuery(this.id(), { expectedVersion: this.state.version(), ...draft });
      this.querying.set(false);
      this.state.workspace.update((ws) => (ws ? { ...ws, status: 'ON_HOLD' } : ws));
      this.leave();
      await this.router.navigate(['/work']);
    } catch (e) {
      this.state.error.set(apiErrorMessage(e));
      this.querying.set(false);
    }
  }

  private closeOverlays(): void {
    this.help.set(false);
    this.querying.set(false);
  }

  /** The lease is renewed only while the coder is active, so it lapses 30 minutes after they stop. */
  private async beat(): Promise<void> {
    if (this.lastActivity < this.lastBeat) return;
    this.lastBeat = Date.now();
    try {
      await this.api.heartbeat(this.id());
    } catch (e) {
      this.state.error.set(apiErrorMessage(e));
      clearInterval(this.heartbeat);
    }
  }
}
