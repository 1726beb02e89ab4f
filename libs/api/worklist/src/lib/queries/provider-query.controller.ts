import { ChartScoped } from '@chartdesk/api-records';
import { type Actor, CurrentActor, ReqMeta, type RequestMeta, RequirePermission } from '@chartdesk/api-platform';
import {
  type OpenQueryEntry,
  type ProviderQueryView,
  type TransitionResponse,
  WorklistPaths,
} from '@chartdesk/contracts';
import { Body, Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { AnswerQueryDto, CreateQueryDto } from './dto/query.dto';
import { ProviderQueryService } from './provider-query.service';

@Controller()
export class ProviderQueryController {
  constructor(private readonly queries: ProviderQueryService) {}

  @Post(WorklistPaths.queries)
  @ChartScoped()
  @HttpCode(201)
  @RequirePermission('query:create')
  create(
    @CurrentActor() actor: Actor,
    @ReqMeta() meta: RequestMeta,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CreateQueryDto,
  ): Promise<ProviderQueryView> {
    return this.queries.create(actor, meta, id, body);
  }

  @Get(WorklistPaths.openQueries)
  @RequirePermission('query:answer')
  @Header('cache-control', 'no-store')
  open(@CurrentActor() actor: Actor, @ReqMeta() meta: RequestMeta): Promise<OpenQueryEntry[]> {
    return this.queries.openForTeam(actor, meta);
  }

  @Post(WorklistPaths.answerQuery)
  @ChartScoped()
  @HttpCode(200)
  @RequirePermission('query:answer')
  answer(
    @CurrentActor() actor: Actor,
    @ReqMeta() meta: RequestMeta,
    @Param('queryId', ParseUUIDPipe) queryId: string,
    @Body() body: AnswerQueryDto,
  ): Promise<TransitionResponse> {
    return this.queries.answer(actor, meta, queryId, body);
  }
}
