import { ApiWorklistModule } from '@chartdesk/api-worklist';
import { Module } from '@nestjs/common';
import { CoderReviewService } from './review/coder-review.service';
import { ReviewController } from './review/review.controller';
import { ReviewService } from './review/review.service';
import { SamplingController } from './sampling/sampling.controller';
import { SamplingRuleService } from './sampling/sampling-rule.service';
import { SamplingRunService } from './sampling/sampling-run.service';
import { ScorecardController } from './scorecard/scorecard.controller';
import { ScorecardService } from './scorecard/scorecard.service';

/** Quality audit: sampling, review worksheet, coder response, scoring and scorecards. */
@Module({
  imports: [ApiWorklistModule],
  controllers: [SamplingController, ReviewController, ScorecardController],
  providers: [SamplingRuleService, SamplingRunService, ReviewService, CoderReviewService, ScorecardService],
  exports: [SamplingRunService],
})
export class ApiQualityModule {}
