import { type Actor, CurrentActor, ReqMeta, type RequestMeta, RequirePermission } from '@chartdesk/api-platform';
import { type ChartListEntry, type ChartView, type DocumentView, RecordsPaths } from '@chartdesk/contracts';
import { Controller, Get, Header, Param, ParseUUIDPipe } from '@nestjs/common';
import { ChartListService } from './chart-list.service';
import { ChartReadService } from './chart-read.service';
import { ChartScoped } from '../access/chart-scoped';

/** Coders and supervisors reading charts. Record-level access is the service's (policy's) job. */
@Controller()
export class ChartsController {
  constructor(
    private readonly charts: ChartReadService,
    private readonly list: ChartListService,
  ) {}

  @Get(RecordsPaths.charts)
  @RequirePermission('chart:read')
  @Header('cache-control', 'no-store')
  accessible(@CurrentActor() actor: Actor, @ReqMeta() meta: RequestMeta): Promise<ChartListEntry[]> {
    return this.list.accessibleCharts(actor, meta);
  }

  @Get(RecordsPaths.chart)
  @ChartScoped()
  @RequirePermission('chart:read')
  @Header('cache-control', 'no-store')
  open(
    @CurrentActor() actor: Actor,
    @ReqMeta() meta: RequestMeta,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ChartView> {
    return this.charts.openChart(actor, meta, id);
  }

  @Get(RecordsPaths.chartDocument)
  @ChartScoped()
  @RequirePermission('chart:read')
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
