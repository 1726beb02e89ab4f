import { type Actor, CurrentActor, ReqMeta, type RequestMeta, RequirePermission } from '@chartdesk/api-platform';
import { CompliancePaths, type ReviewItemDetail, type ReviewItemPage } from '@chartdesk/contracts';
import { Body, Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ReviewItemChangeDto, ReviewItemQueryDto, ReviewNoteDto } from './dto/review.dto';
import { ReviewService } from './review.service';

@Controller()
export class ReviewController {
  constructor(private readonly review: ReviewService) {}

  @Get(CompliancePaths.reviewItems)
  @RequirePermission('compliance:review')
  @Header('cache-control', 'no-store')
  list(
    @CurrentActor() actor: Actor,
    @ReqMeta() meta: RequestMeta,
    @Query() query: ReviewItemQueryDto,
  ): Promise<ReviewItemPage> {
    return this.review.list(actor, meta, query);
  }

  @Get(CompliancePaths.reviewItem)
  @RequirePermission('compliance:review')
  @Header('cache-control', 'no-store')
  get(
    @CurrentActor() actor: Actor,
    @ReqMeta() meta: RequestMeta,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ReviewItemDetail> {
    return this.review.get(actor, meta, id);
  }

  @Patch(CompliancePaths.reviewItem)
  @RequirePermission('compliance:review')
  @Header('cache-control', 'no-store')
  change(
    @CurrentActor() actor: Actor,
    @ReqMeta() meta: RequestMeta,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ReviewItemChangeDto,
  ): Promise<ReviewItemDetail> {
    return this.review.change(actor, meta, id, body);
  }

  @Post(CompliancePaths.reviewItemNotes)
  @HttpCode(201)
  @RequirePermission('compliance:review')
  @Header('cache-control', 'no-store')
  note(
    @CurrentActor() actor: Actor,
    @ReqMeta() meta: RequestMeta,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ReviewNoteDto,
  ): Promise<ReviewItemDetail> {
    return this.review.addNote(actor, meta, id, body.text);
  }
}
