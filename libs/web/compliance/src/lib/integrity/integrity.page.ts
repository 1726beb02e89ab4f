import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import {
  type AuditCheckpointExport,
  CompliancePaths,
  type ExportManifest,
  type ExportVerification,
  type IntegrityProgressLine,
  apiUrl,
} from '@chartdesk/contracts';
import { AuthService, apiErrorMessage } from '@chartdesk/web-core';
import { ComplianceApi } from '../compliance-api.service';
import { saveBlob } from '../shared/download';
import { fileFacts } from '../shared/file-facts';
import { readNdjson } from './ndjson-reader';

/** Chain verification with live progress, the last signed checkpoint, and checking an export against its manifest. */
@Component({
  selector: 'cd-integrity',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule],
  template: `
    <h1>Audit trail integrity</h1>
    <section aria-labelledby="verify-h">
      <h2 id="verify-h">Verify the hash chain</h2>
      <button mat-flat-button type="button" (click)="verify()" [disabled]="verifying()" data-testid="verify-chain">
        Verify now
      </button>
      <p role="status" aria-live="polite" data-testid="verify-progress">{{ progress() }}</p>
      @if (result(); as r) {
        <p [class.ok]="r.ok" [class.error]="!r.ok" role="alert" data-testid="verify-result">
          {{ r.ok ? 'Intact.' : 'Problem found.' }} {{ r.message }}
          {{ r.reviewItemId ? 'A critical review item was opened.' : '' }}
        </p>
      }
    </section>
    <section aria-labelledby="cp-h">
      <h2 id="cp-h">Last signed checkpoint</h2>
      @if (checkpoint(); as c) {
        <p>
          #{{ c.id }} at {{ c.createdAt }} vouches for {{ c.eventCount }} events in {{ c.heads.length }} chain streams;
          signed by key {{ c.keyId.slice(0, 16) }}….
        </p>
        <button mat-stroked-button type="button" (click)="downloadCheckpoint(c)">Download checkpoint file</button>
      } @else {
        <p>No checkpoint yet.</p>
      }
    </section>
    <section aria-labelledby="ex-h">
      <h2 id="ex-h">Verify an export</h2>
      <p>Choose an exported file and its manifest. The file is hashed in your browser; only the hash is sent.</p>
      <div class="filters">
        <label
          >Export file
          <input type="file" accept=".csv,.ndjson" (change)="exportFile = pick($event)" data-testid="export-file"
        /></label>
        <label
          >Manifest
          <input type="file" accept=".json" (change)="manifestFile = pick($event)" data-testid="manifest-file"
        /></label>
        <button mat-flat-button type="button" (click)="verifyExport()" data-testid="verify-export">
          Verify export
        </button>
      </div>
      @if (exportResult(); as v) {
        <p [class.ok]="v.ok" [class.error]="!v.ok" role="alert" data-testid="export-result">
          {{ v.ok ? 'The export matches its signed manifest.' : 'The export does NOT verify.' }}
        </p>
        <ul>
          @for (c of v.checks; track c.check) {
            <li>{{ c.ok ? '✓' : '✗' }} {{ c.check }}: {{ c.message }}</li>
          }
        </ul>
      }
    </section>
    @if (error(); as e) {
      <p role="alert" class="error">{{ e }}</p>
    }
  `,
  styleUrl: '../shared/compliance-page.scss',
})
export class IntegrityPage {
  private readonly api = inject(ComplianceApi);
  private readonly auth = inject(AuthService);
  readonly checkpoint = signal<AuditCheckpointExport | null>(null);
  readonly verifying = signal(false);
  readonly progress = signal('');
  readonly result = signal<Extract<IntegrityProgressLine, { type: 'result' }> | null>(null);
  readonly exportResult = signal<ExportVerification | null>(null);
  readonly error = signal<string | null>(null);
  exportFile: File | null = null;
  manifestFile: File | null = null;

  constructor() {
    this.api.latestCheckpoint().then(
      (c) => this.checkpoint.set(c),
      () => this.checkpoint.set(null),
    );
  }

  pick(event: Event): File | null {
    return (event.target as HTMLInputElement).files?.[0] ?? null;
  }

  /** fetch, not HttpClient: the answer is read line by line while the server is still walking the chain. */
  async verify(): Promise<void> {
    this.verifying.set(true);
    this.result.set(null);
    this.progress.set('Starting…');
    try {
      const res = await fetch(apiUrl(CompliancePaths.integrityVerify), {
        method: 'POST',
        headers: { authorization: `Bearer ${this.auth.token() ?? ''}` },
      });
      if (!res.ok || !res.body) throw new Error(`The server answered ${res.status}.`);
      for await (const line of readNdjson<IntegrityProgressLine>(res.body)) {
        if (line.type === 'progress') this.progress.set(`${line.eventsChecked.toLocaleString()} events checked…`);
        else {
          this.result.set(line);
          this.progress.set(`${line.eventsChecked.toLocaleString()} events checked.`);
        }
      }
    } catch (e) {
      this.error.set(e instanceof Error ? e.message : apiErrorMessage(e));
    } finally {
      this.verifying.set(false);
    }
  }

  downloadCheckpoint(c: AuditCheckpointExport): void {
    saveBlob(new Blob([JSON.stringify(c, null, 2)], { type: 'application/json' }), `chartdesk-checkpoint-${c.id}.json`);
  }

  async verifyExport(): Promise<void> {
    this.error.set(null);
    this.exportResult.set(null);
    if (!this.exportFile || !this.manifestFile) {
      this.error.set('Choose both the export file and its manifest.');
      return;
    }
    try {
      const manifest = JSON.parse(await this.manifestFile.text()) as ExportManifest;
      const facts = await fileFacts(this.exportFile, manifest.fileFormat, manifest.part2Notice === true);
      this.exportResult.set(await this.api.verifyExport({ manifest, ...facts }));
    } catch (e) {
      this.error.set(e instanceof SyntaxError ? 'The manifest is not valid JSON.' : apiErrorMessage(e));
    }
  }
}
