import { IdentityModule } from '@chartdesk/api-identity';
import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { ChartAccess } from './access/chart-access.service';
import { ChartScopedInterceptor } from './access/chart-scoped';
import { BreakGlassReviewQueue } from './break-glass/break-glass-review-queue';
import { BreakGlassController } from './break-glass/break-glass.controller';
import { BreakGlassService } from './break-glass/break-glass.service';
import { ChartListService } from './charts/chart-list.service';
import { ChartReadService } from './charts/chart-read.service';
import { ChartsController } from './charts/charts.controller';
import { ComplianceRecordsController } from './investigations/compliance-records.controller';
import { InvestigationService } from './investigations/investigation.service';
import { PatientIdentityService } from './investigations/patient-identity.service';
import { FieldCipherProvider } from './crypto/field-cipher.provider';
import { FhirImportController } from './fhir/fhir-import.controller';

/** Patients, charts and documents behind ChartAccessPolicy; exceptional access; FHIR import. */
@Module({
  imports: [IdentityModule],
  controllers: [ChartsController, ComplianceRecordsController, BreakGlassController, FhirImportController],
  providers: [
    ChartReadService,
    ChartListService,
    PatientIdentityService,
    InvestigationService,
    BreakGlassService,
    BreakGlassReviewQueue,
    ChartAccess,
    // Chart-scoped routes may answer only after ChartAccess decided (fail closed).
    { provide: APP_INTERCEPTOR, useClass: ChartScopedInterceptor },
    FieldCipherProvider,
  ],
  exports: [FieldCipherProvider, BreakGlassReviewQueue, ChartAccess],
})
export class ApiRecordsModule {}
