import type { ExportManifest, ExportVerification } from '@chartdesk/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type FileFacts, type ManifestSigningKey, verifyManifest } from './export-manifest';
import { EXPORT_SIGNING_KEY } from './export.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The integrity page's "verify an uploaded export": the browser hashes the
 * file; here the manifest is checked against the app's own audit key and
 * against the manifest recorded when the export was made.
 */
@Injectable()
export class ExportVerificationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(EXPORT_SIGNING_KEY) private readonly key: ManifestSigningKey,
  ) {}

  async verify(manifest: ExportManifest, file: FileFacts): Promise<ExportVerification> {
    const result = verifyManifest(manifest, file, { keyId: this.key.keyId, source: 'this ChartDesk installation' });
    const rows =
      typeof manifest.exportId === 'string' && UUID.test(manifest.exportId)
        ? ((await this.dataSource.query('SELECT sha256 FROM export_manifest WHERE id = $1', [manifest.exportId])) as {
            sha256: string;
          }[])
        : [];
    const known = rows[0]?.sha256 === manifest.sha256 && rows[0]?.sha256 === file.sha256;
    const checks = [
      ...result.checks,
      {
        check: 'KNOWN_EXPORT' as const,
        ok: known,
        message: known
          ? 'This export was made by this installation, with this exact content.'
          : 'This installation has no record of an export with this id and content.',
      },
    ];
    return { ok: checks.every((c) => c.ok), checks };
  }
}
