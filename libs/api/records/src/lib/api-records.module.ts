import { IdentityModule } from '@chartdesk/api-identity';
import { Module } from '@nestjs/common';
import { BreakGlassReviewQueue } from './break-glass/break-glass-review-queue';
import { BreakGlassController } from './break-glass/break-glass.controller';
import { BreakGlassService } from './break-glass/break-glass.service';
import { ChartListService } from './charts/chart-list.service';
import { ChartReadService } from './charts/chart-read.service';
import { ChartsController } from './charts/charts.controller';
import { ComplianceRecordsController } from './compliance/compliance-records.controller';
import { InvestigationService } from './compliance/investigation.service';
import { PatientIdentityService } from './compliance/patient-identity.service';
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
    FieldCipherProvider,
  ],
  exports: [FieldCipherProvider, BreakGlassReviewQueue],
})
export class ApiRecordsModule {}
