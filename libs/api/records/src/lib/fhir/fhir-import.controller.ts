import { AuditService } from '@chartdesk/api-audit';
import {
  type Actor,
  CurrentActor,
  DomainError,
  ReqMeta,
  type RequestMeta,
  RequirePermission,
} from '@chartdesk/api-platform';
import { type FhirImportSummary, RecordsPaths } from '@chartdesk/contracts';
import { Body, Controller, Header, HttpCode, Post } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { FieldCipherProvider } from '../crypto/field-cipher.provider';
import { type BundleSource, FhirImporter } from './fhir-importer';

const MAX_BUNDLES_PER_REQUEST = 100;

/**
 * Admin import of FHIR R4 bundles. The answer is counts and errors naming
 * resources — never patient values, since an admin sees no patient data.
 */
@Controller()
export class FhirImportController {
  private readonly importer: FhirImporter;

  constructor(@InjectDataSource() dataSource: DataSource, audit: AuditService, cipher: FieldCipherProvider) {
    this.importer = new FhirImporter(dataSource, audit, cipher.cipher);
  }

  @Post(RecordsPaths.fhirImport)
  @RequirePermission('fhir:import')
  @HttpCode(200)
  @Header('cache-control', 'no-store')
  import(
    @CurrentActor() actor: Actor,
    @ReqMeta() meta: RequestMeta,
    @Body() body: unknown,
  ): Promise<FhirImportSummary> {
    return this.importer.importBundles(bundlesOf(body), { actor, meta });
  }
}

/** A Bundle, or `{ bundles: [...] }` for several. */
export function bundlesOf(body: unknown): BundleSource[] {
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    const b = body as { resourceType?: unknown; bundles?: unknown };
    if (b.resourceType === 'Bundle') return [{ source: 'bundle 0', bundle: body }];
    if (Array.isArray(b.bundles) && b.bundles.length > 0 && b.bundles.length <= MAX_BUNDLES_PER_REQUEST) {
      return b.bundles.map((bundle: unknown, i) => ({ source: `bundle ${i}`, bundle }));
    }
  }
  throw new DomainError(
    'VALIDATION',
    `Send a FHIR Bundle, or { "bundles": [...] } with 1 to ${MAX_BUNDLES_PER_REQUEST} bundles.`,
  );
}
