import { loadAuditSigningKey } from '@chartdesk/api-audit';
import { APP_CONFIG, type AppConfig } from '@chartdesk/api-platform';
import { ApiRecordsModule } from '@chartdesk/api-records';
import { Module } from '@nestjs/common';
import { BreakGlassReviewController } from './break-glass/break-glass-review.controller';
import { BreakGlassReviewService } from './break-glass/break-glass-review.service';
import { AnomalyDetector } from './anomaly/anomaly-detector.service';
import { AnomalyScheduler } from './anomaly/anomaly-scheduler';
import { AnomalyController } from './anomaly/anomaly.controller';
import { FindingsWriter } from './anomaly/findings.writer';
import { RuleSettingsService } from './anomaly/rule-settings.service';
import { DashboardController } from './dashboard/dashboard.controller';
import { DashboardService } from './dashboard/dashboard.service';
import { ExportVerificationService } from './exports/export-verification.service';
import { EXPORT_SIGNING_KEY, ExportService } from './exports/export.service';
import { ExportsController } from './exports/exports.controller';
import { IntegrityController } from './integrity/integrity.controller';
import { IntegrityService } from './integrity/integrity.service';
import { ReportsController } from './reports/reports.controller';
import { ReportsService } from './reports/reports.service';
import { ReviewController } from './review/review.controller';
import { ReviewService } from './review/review.service';

/** The compliance workbench: reports, signed exports, anomaly detection, the review queue, integrity. */
@Module({
  imports: [ApiRecordsModule],
  controllers: [
    BreakGlassReviewController,
    ReportsController,
    ExportsController,
    ReviewController,
    AnomalyController,
    DashboardController,
    IntegrityController,
  ],
  providers: [
    BreakGlassReviewService,
    ReportsService,
    ExportService,
    ExportVerificationService,
    ReviewService,
    RuleSettingsService,
    FindingsWriter,
    AnomalyDetector,
    AnomalyScheduler,
    DashboardService,
    IntegrityService,
    // The audit checkpoint key (same file, same key): manifests and checkpoints are checked with one public key.
    { provide: EXPORT_SIGNING_KEY, inject: [APP_CONFIG], useFactory: (c: AppConfig) => loadAuditSigningKey(c) },
  ],
  exports: [AnomalyDetector],
})
export class ComplianceModule {}
