import { Module } from '@nestjs/common';
import { ChartListService } from './charts/chart-list.service';
import { ChartReadService } from './charts/chart-read.service';
import { ChartsController } from './charts/charts.controller';
import { ComplianceRecordsController } from './compliance/compliance-records.controller';
import { InvestigationService } from './compliance/investigation.service';
import { PatientIdentityService } from './compliance/patient-identity.service';
import { FieldCipherProvider } from './crypto/field-cipher.provider';

/** Patients, charts and documents behind ChartAccessPolicy; exceptional access; FHIR import. */
@Module({
  controllers: [ChartsController, ComplianceRecordsController],
  providers: [ChartReadService, ChartListService, PatientIdentityService, InvestigationService, FieldCipherProvider],
  exports: [FieldCipherProvider],
})
export class ApiRecordsModule {}
