import { type Actor, CurrentActor, ReqMeta, type RequestMeta, RequirePermission } from '@chartdesk/api-platform';
import {
  COMPLIANCE_REPORTS,
  type ComplianceReport,
  CompliancePaths,
  type PatientSearchHit,
  type ReportPage,
  type UserSearchHit,
} from '@chartdesk/contracts';
import { Controller, Get, Header, Param, ParseEnumPipe, Query } from '@nestjs/common';
import { ReportQueryDto } from './dto/report-query.dto';
import { SearchQueryDto } from './dto/search-query.dto';
import { ReportsService } from './reports.service';

export const REPORT_PARAM_PIPE = new ParseEnumPipe(Object.fromEntries(COMPLIANCE_REPORTS.map((r) => [r, r])));

@Controller()
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get(CompliancePaths.report)
  @RequirePermission('compliance:report')
  @Header('cache-control', 'no-store')
  run(
    @CurrentActor() actor: Actor,
    @ReqMeta() meta: RequestMeta,
    @Param('report', REPORT_PARAM_PIPE) report: ComplianceReport,
    @Query() query: ReportQueryDto,
  ): Promise<ReportPage> {
    return this.reports.run(actor, meta, report, query);
  }

  @Get(CompliancePaths.patientSearch)
  @RequirePermission('compliance:report', 'patient:identify')
  @Header('cache-control', 'no-store')
  patients(
    @CurrentActor() actor: Actor,
    @ReqMeta() meta: RequestMeta,
    @Query() query: SearchQueryDto,
  ): Promise<PatientSearchHit[]> {
    return this.reports.searchPatients(actor, meta, query.q);
  }

  @Get(CompliancePaths.userSearch)
  @RequirePermission('compliance:report')
  @Header('cache-control', 'no-store')
  users(@Query() query: SearchQueryDto): Promise<UserSearchHit[]> {
    return this.reports.searchUsers(query.q);
  }
}
