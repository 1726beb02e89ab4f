import { type Actor, CurrentActor, ReqMeta, type RequestMeta, RequirePermission } from '@chartdesk/api-platform';
import {
  type ChartView,
  type DocumentView,
  type InvestigationView,
  type PatientIdentityView,
  RecordsPaths,
} from '@chartdesk/contracts';
import { Body, Controller, Get, Header, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ChartReadService } from '../charts/chart-read.service';
import { OpenInvestigationDto } from './dto/open-investigation.dto';
import { PatientLookupQueryDto } from './dto/patient-lookup.query';
import { InvestigationService } from './investigation.service';
import { PatientIdentityService } from './patient-identity.service';
import { ChartScoped } from '../access/chart-scoped';

/** Compliance: identifiers always; clinical content only under an investigation or a break-the-glass grant. */
@Controller()
export class ComplianceRecordsController {
  constructor(
    private readonly identity: PatientIdentityService,
    private readonly investigations: InvestigationService,
    private readonly charts: ChartReadService,
  ) {}

  @Get(RecordsPaths.patientLookup)
  @RequirePermission('patient:identify')
  @Header('cache-control', 'no-store')
  lookup(
    @CurrentActor() actor: Actor,
    @ReqMeta() meta: RequestMeta,
    @Query() query: PatientLookupQueryDto,
  ): Promise<PatientIdentityView> {
    return this.identity.lookup(actor, meta, query.facility, query.mrn);
  }

  @Post(RecordsPaths.investigations)
  @RequirePermission('compliance:investigate')
  @Header('cache-control', 'no-store')
  open(
    @CurrentActor() actor: Actor,
    @ReqMeta() meta: RequestMeta,
    @Body() body: OpenInvestigationDto,
  ): Promise<InvestigationView> {
    return this.investigations.open(actor, meta, body);
  }

  @Get(RecordsPaths.complianceChart)
  @ChartScoped()
  @RequirePermission('compliance:investigate')
  @Header('cache-control', 'no-store')
  chart(
    @CurrentActor() actor: Actor,
    @ReqMeta() meta: RequestMeta,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ChartView> {
    return this.charts.openChart(actor, meta, id);
  }

  @Get(RecordsPaths.complianceChartDocument)
  @ChartScoped()
  @RequirePermission('compliance:investigate')
  @Header('cache-control', 'no-store')
  document(
    @CurrentActor() actor: Actor,
    @ReqMeta() meta: RequestMeta,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('docId', ParseUUIDPipe) docId: string,
  ): Promise<DocumentView> {
    return this.charts.readDocument(actor, meta, id, docId);
  }
}
