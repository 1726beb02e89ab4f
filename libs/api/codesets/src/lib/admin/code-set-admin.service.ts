import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AuditService } from '@chartdesk/api-audit';
import { type Actor, APP_CONFIG, type AppConfig, DomainError, type RequestMeta } from '@chartdesk/api-platform';
import {
  type DataReleaseView,
  type ImportFilesResponse,
  type ImportSummary,
  isCodeSystem,
  isReferenceDataset,
  REFERENCE_DATASET_LABELS,
} from '@chartdesk/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { importCodeSetFile } from '../import/code-set.importer';
import { importEditDataFile } from '../import/edit-data.importer';
import { importReferenceFile } from '../import/reference/reference.importer';
import type { StartImportDto } from './dto/start-import.dto';

/** json_build_object arguments mapping each reference kind to its label (constants, never user input). */
function labelCases(): string {
  return Object.entries(REFERENCE_DATASET_LABELS)
    .map(([kind, label]) => `'${kind}', '${label}'`)
    .join(', ');
}

/** Code set administration: list releases and import files from the server's import folder. */
@Injectable()
export class CodeSetAdminService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  importDir(): string {
    return join(this.config.dataDir, 'imports');
  }

  async releases(): Promise<DataReleaseView[]> {
    const rows = (await this.dataSource.query(`
      SELECT system AS dataset, label, release, effective_from::text AS "effectiveFrom", effective_to::text AS "effectiveTo",
             row_count AS "rowCount", imported_at AS "importedAt"
        FROM code_set_version
      UNION ALL
      SELECT kind, source_name || ' ' || release, release, effective_from::text, effective_to::text, row_count, imported_at
        FROM edit_data_version
      UNION ALL
      SELECT kind, (json_build_object(${labelCases()})->>kind) || ' ' || release, release, effective_from::text,
             effective_to::text, row_count, imported_at
        FROM code_reference_release
      ORDER BY 1, 4`)) as (Omit<DataReleaseView, 'importedAt'> & { importedAt: Date })[];
    return rows.map((r) => ({ ...r, importedAt: new Date(r.importedAt).toISOString() }));
  }

  async importFiles(): Promise<ImportFilesResponse> {
    const dir = this.importDir();
    const names = await readdir(dir).catch(() => [] as string[]);
    const files: { name: string; bytes: number }[] = [];
    for (const name of names.sort()) {
      const info = await stat(join(dir, name));
      if (info.isFile()) files.push({ name, bytes: info.size });
    }
    return { files };
  }

  async startImport(actor: Actor, meta: RequestMeta, request: StartImportDto): Promise<ImportSummary> {
    const path = join(this.importDir(), request.fileName);
    const known = await this.importFiles();
    if (!known.files.some((f) => f.name === request.fileName)) {
      throw new DomainError('NOT_FOUND', `There is no file named ${request.fileName} in the import folder.`);
    }
    const requester = { actor, meta, via: 'api' as const };
    if (isReferenceDataset(request.dataset)) {
      return importReferenceFile(
        this.audit,
        { path, dataset: request.dataset, release: request.release, effectiveFrom: request.effectiveFrom },
        requester,
      );
    }
    if (isCodeSystem(request.dataset)) {
      return importCodeSetFile(
        this.audit,
        { system: request.dataset, path, release: request.release, effectiveFrom: request.effectiveFrom },
        requester,
      );
    }
    if (!request.release || !request.effectiveFrom) {
      throw new DomainError('VALIDATION', 'Edit data imports need a release name and an effective date.');
    }
    return importEditDataFile(
      this.audit,
      {
        kind: request.dataset,
        path,
        release: request.release,
        effectiveFrom: request.effectiveFrom,
        providerType: request.providerType,
      },
      requester,
    );
  }
}
