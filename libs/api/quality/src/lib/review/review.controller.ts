import { ChartScoped } from '@chartdesk/api-records';
import { type Actor, CurrentActor, ReqMeta, type RequestMeta, RequirePermission } from '@chartdesk/api-platform';
import { QualityPaths, type ReviewListResponse, type ReviewWorksheet } from '@chartdesk/contracts';
import { Body, Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { CoderReviewService } from './coder-review.service';
import {
  CloseReviewDto,
  FindingDecisionDto,
  FindingResponseDto,
  RetrospectiveReviewDto,
  ReviewListQueryDto,
  SaveCorrectionDto,
  SendFindingsDto,
} from './dto/review.dto';
import { ReviewService } from './review.service';

@Controller()
export class ReviewController {
  constructor(
    private readonly reviews: ReviewService,
    private readonly coderReviews: CoderReviewService,
  ) {}

  @Get(QualityPaths.reviews)
  @RequirePermission('quality:review')
  @Header('Cache-Control', 'no-store')
  list(@CurrentActor() actor: Actor, @Query() query: ReviewListQueryDto): Promise<ReviewListResponse> {
    return this.reviews.list(actor, query.status);
  }

  @Post(QualityPaths.retrospective)
  @ChartScoped()
  @HttpCode(201)
  @RequirePermission('quality:review')
  retrospective(
    @CurrentActor() actor: Actor,
    @ReqMeta() meta: RequestMeta,
    @Body() body: RetrospectiveReviewDto,
  ): Promise<ReviewWorksheet> {
    return this.reviews.retrospective(actor, meta, body.encounterId);
  }

  @Get(QualityPaths.review)
  @ChartScoped()
  @RequirePermission('quality:review')
  @Header('Cache-Control', 'no-store')
  worksheet(
    @CurrentActor() actor: Actor,
    @ReqMeta() meta: RequestMeta,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ReviewWorksheet> {
    return this.reviews.worksheet(actor, meta, id);
  }

  @Put(QualityPaths.reviewCorrection)
  @ChartScoped()
  @RequirePermission('quality:review')
  saveCorrection(
    @CurrentActor() actor: Actor,
    @ReqMeta() meta: RequestMeta,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: SaveCorrectionDto,
  ): Promise<ReviewWorksheet> {
    return this.reviews.saveCorrection(actor, meta, id, body);
  }

  @Post(QualityPaths.reviewSend)
  @ChartScoped()
  @HttpCode(200)
  @RequirePermission('quality:review')
  send(
    @CurrentActor() actor: Actor,
    @ReqMeta() meta: RequestMeta,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: SendFindingsDto,
  ): Promise<ReviewWorksheet> {
    return this.reviews.send(actor, meta, id, body);
  }

  @Post(QualityPaths.findingDecision)
  @ChartScoped()
  @HttpCode(200)
  @RequirePermission('quality:review')
  decide(
    @CurrentActor() actor: Actor,
    @ReqMeta() meta: RequestMeta,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('findingId', ParseUUIDPipe) findingId: string,
    @Body() body: FindingDecisionDto,
  ): Promise<ReviewWorksheet> {
    return this.reviews.decide(actor, meta, id, findingId, body);
  }

  @Post(QualityPaths.reviewClose)
  @ChartScoped()
  @HttpCode(200)
  @RequirePermission('quality:review')
  close(
    @CurrentActor() actor: Actor,
    @ReqMeta() meta: RequestMeta,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CloseReviewDto,
  ): Promise<ReviewWorksheet> {
    return this.reviews.close(actor, meta, id, body);
  }

  @Get(QualityPaths.myReviews)
  @RequirePermission('quality:respond')
  @Header('Cache-Control', 'no-store')
  myReviews(@CurrentActor() actor: Actor): Promise<ReviewListResponse> {
    return this.coderReviews.list(actor);
  }

  @Get(QualityPaths.myReview)
  @ChartScoped()
  @RequirePermission('quality:respond')
  @Header('Cache-Control', 'no-store')
  myReview(
    @CurrentActor() actor: Actor,
    @ReqMeta() meta: RequestMeta,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ReviewWorksheet> {
    return this.coderReviews.read(actor, meta, id);
  }

  @Post(QualityPaths.findingResponse)
  @ChartScoped()
  @HttpCode(200)
  @RequirePermission('quality:respond')
  respond(
    @CurrentActor() actor: Actor,
    @ReqMeta() meta: RequestMeta,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('findingId', ParseUUIDPipe) findingId: string,
    @Body() body: FindingResponseDto,
  ): Promise<ReviewWorksheet> {
    return this.coderReviews.respond(actor, meta, id, findingId, body);
  }
}
