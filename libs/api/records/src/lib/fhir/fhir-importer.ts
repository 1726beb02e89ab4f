import type { AuditEventInput, AuditService } from '@chartdesk/api-audit';
import type { Actor, RequestMeta } from '@chartdesk/api-platform';
import type { FhirBundleResult, FhirImportSummary } from '@chartdesk/contracts';
import type { DataSource } from 'typeorm';
import type { FieldCipher } from '../crypto/field-cipher';
import { resolved } from '../store/first-row';
import { RecordStore } from '../store/record-store';
import { type MappedBundle, mapBundle } from './fhir-bundle-mapper';

export const DEFAULT_IMPORT_FACILITY = 'MAIN';

export interface BundleSource {
  readonly source: string;
  readonly bundle: unknown;
}

/**
 * FHIR R4 import: each bundle in its own transaction (all or nothing), a bad
 * bundle reported by name and the batch carried on. Idempotent through the
 * store's business-identifier upserts. Used by the admin API and the CLI.
 */
export class FhirImporter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly cipher: FieldCipher,
  ) {}

  async importBundles(
    bundles: readonly BundleSource[],
    by: { actor: Actor | null; meta?: RequestMeta; facility?: string },
    onProgress?: (done: number, result: FhirBundleResult) => void,
  ): Promise<FhirImportSummary> {
    const results: FhirBundleResult[] = [];
    for (const b of bundles) {
      const result = await this.importOne(b, by);
      results.push(result);
      onProgress?.(results.length, result);
    }
    return {
      bundles: results.length,
      imported: results.filter((r) => r.ok).length,
      failed: results.filter((r) => !r.ok).length,
      results,
    };
  }

  private async importOne(
    b: BundleSource,
    by: { actor: Actor | null; meta?: RequestMeta; facility?: string },
  ): Promise<FhirBundleResult> {
    const mapped = mapBundle(b.bundle, by.facility ?? DEFAULT_IMPORT_FACILITY);
    // An admin sees no patient data, so whether an MRN existed stays with the operator's CLI.
    const reveal = by.actor === null;
    const failed = (errors: string[]): FhirBundleResult => ({
      source: b.source,
      ok: false,
      written: 0,
      ...(reveal ? { created: 0, updated: 0, conflicts: 0 } : {}),
      skipped: 0,
      errors,
    });
    if ('errors' in mapped) return failed(mapped.errors.slice(0, 50));
    try {
      const counts = await this.dataSource.transaction(async (m) => {
        const c = await this.write(new RecordStore(m, this.cipher), mapped, async (patientId, fields) => {
          // One event per patient, field names only: compliance reviews it in the patient's access history.
          await this.audit.record(m, {
            action: 'FHIR_IMPORTED',
            outcome: 'denied',
            outcomeReason: 'demographic-conflict',
            actor: by.actor,
            meta: by.meta,
            patientId,
            resourceType: 'Patient',
            resourceId: patientId,
            details: { source: b.source.slice(0, 200), fields },
          });
        });
        const event: AuditEventInput = {
          action: 'FHIR_IMPORTED',
          outcome: 'success',
          actor: by.actor,
          meta: by.meta,
          resourceType: 'Bundle',
          resourceId: b.source.slice(0, 200),
          details: { created: c.created, updated: c.updated, conflicts: c.conflicts, skipped: mapped.skipped.length },
        };
        await this.audit.record(m, event);
        return c;
      });
      return {
        source: b.source,
        ok: true,
        written: counts.created + counts.updated,
        ...(reveal ? { created: counts.created, updated: counts.updated, conflicts: counts.conflicts } : {}),
        skipped: mapped.skipped.length,
        errors: [],
      };
    } catch (error) {
      // The database's reason by code only: its message may quote values from the bundle.
      const code = (error as { code?: unknown })?.code;
      const known = error instanceof Error && /^encounter .* already belongs/.test(error.message);
      return failed([
        known
          ? (error as Error).message.slice(0, 300)
          : `the database refused the bundle (${typeof code === 'string' ? code : 'error'})`,
      ]);
    }
  }

  /**
   * A changed name, birth date or sex for an existing MRN is a conflict, never
   * silently applied: the stored patient stays as it is (the bundle's encounters
   * attach to it) and `onConflict` audits it.
   */
  private async write(
    store: RecordStore,
    mapped: MappedBundle,
    onConflict: (patientId: string, fields: string[]) => Promise<void>,
  ): Promise<{ created: number; updated: number; conflicts: number }> {
    let created = 0;
    let updated = 0;
    let conflicts = 0;
    const count = (u: { created: boolean }): void => void (u.created ? created++ : updated++);
    const patientIds = new Map<string, string>();
    const written = new Map<object, string>();
    for (const [key, p] of mapped.patients) {
      let id = written.get(p);
      if (!id) {
        const existing = await store.demographicChanges(p);
        if (existing && existing.fields.length > 0) {
          await onConflict(existing.id, existing.fields);
          conflicts++;
          updated++;
          id = existing.id;
        } else {
          const u = await store.upsertPatient(p);
          count(u);
          id = u.id;
        }
        written.set(p, id);
      }
      patientIds.set(key, id);
    }
    const encounterIds = new Map<string, string>();
    for (const e of mapped.encounters) {
      const u = await store.upsertEncounter(resolved(patientIds.get(e.patientRef), 'patient'), e.input);
      count(u);
      for (const r of e.refs) encounterIds.set(r, u.id);
    }
    for (const d of mapped.documents)
      count(await store.upsertDocument(resolved(encounterIds.get(d.encounterRef), 'encounter'), d.input));
    let position = 0;
    for (const li of mapped.lists)
      count(await store.upsertListItem(resolved(encounterIds.get(li.encounterRef), 'encounter'), li.input, position++));
    return { created, updated, conflicts };
  }
}
