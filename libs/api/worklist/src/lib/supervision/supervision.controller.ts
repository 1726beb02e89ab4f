import { ChartScoped } from '@chartdesk/api-records';
import { type Actor, CurrentActor, ReqMeta, type RequestMeta, RequirePermission } from '@chartdesk/api-platform';
import { type TransitionResponse, WorklistPaths } from '@chartdesk/contracts';
import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ReturnChartDto } from '../queries/dto/query.dto';
import { SupervisionService } from './supervision.service';

@Controller()
export class SupervisionController {
  constructor(private readonly supervision: SupervisionService) {}

  @Post(WorklistPaths.returnChart)
  @ChartScoped()
  @HttpCode(200)
  @RequirePermission('chart:return')
  returnChart(
    @CurrentActor() actor: Actor,
    @ReqMeta() meta: RequestMeta,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ReturnChartDto,
  ): Promise<TransitionResponse> {
    return this.supervision.returnChart(actor, meta, id, body.reason);
  }

  @Post(WorklistPaths.complete)
  @ChartScoped()
  @HttpCode(200)
  @RequirePermission('chart:return')
  complete(
    @CurrentActor() actor: Actor,
    @ReqMeta() meta: RequestMeta,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<TransitionResponse> {
    return this.supervision.complete(actor, meta, id);
  }

  @Post(WorklistPaths.breakLease)
  @ChartScoped()
  @HttpCode(204)
  @RequirePermission('lease:break')
  breakLease(
    @CurrentActor() actor: Actor,
    @ReqMeta() meta: RequestMeta,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    return this.supervision.breakLease(actor, meta, id);
  }
}
