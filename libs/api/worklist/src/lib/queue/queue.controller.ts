import { type Actor, CurrentActor, ReqMeta, type RequestMeta, RequirePermission } from '@chartdesk/api-platform';
import { type NextChartResponse, type QueueResponse, WorklistPaths } from '@chartdesk/contracts';
import { Controller, Get, Header, HttpCode, Post } from '@nestjs/common';
import { QueueService } from './queue.service';

/** The coder's own queue and the Next chart button. */
@Controller()
export class QueueController {
  constructor(private readonly queues: QueueService) {}

  @Get(WorklistPaths.queue)
  @RequirePermission('worklist:read-own')
  @Header('cache-control', 'no-store')
  queue(@CurrentActor() actor: Actor): Promise<QueueResponse> {
    return this.queues.queue(actor);
  }

  @Post(WorklistPaths.next)
  @HttpCode(200)
  @RequirePermission('worklist:read-own')
  next(@CurrentActor() actor: Actor, @ReqMeta() meta: RequestMeta): Promise<NextChartResponse> {
    return this.queues.next(actor, meta);
  }
}
