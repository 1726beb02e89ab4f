import { type Actor, CurrentActor, ReqMeta, type RequestMeta, RequirePermission } from '@chartdesk/api-platform';
import { RecordsPaths, type ReviewItemView } from '@chartdesk/contracts';
import { Controller, Get, Header } from '@nestjs/common';
import { BreakGlassReviewService } from './break-glass-review.service';

@Controller()
export class BreakGlassReviewController {
  constructor(private readonly reviews: BreakGlassReviewService) {}

  @Get(RecordsPaths.reviewItems)
  @RequirePermission('compliance:review')
  @Header('cache-control', 'no-store')
  list(@CurrentActor() actor: Actor, @ReqMeta() meta: RequestMeta): Promise<ReviewItemView[]> {
    return this.reviews.list(actor, meta);
  }
}
