import {
  type CloseReviewRequest,
  type FindingDecision,
  type FindingDecisionRequest,
  type FindingReasonInput,
  type FindingResponseRequest,
  REASON_CATEGORIES,
  type ReasonCategory,
  type RetrospectiveReviewRequest,
  type ReviewOutcome,
  type SaveCorrectionRequest,
  type SendFindingsRequest,
} from '@chartdesk/contracts';
import { SaveCodesDto } from '@chartdesk/api-worklist';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

/** The corrected code set is validated exactly as the coder's codes are. */
export class SaveCorrectionDto extends SaveCodesDto implements SaveCorrectionRequest {}

class FindingReasonDto implements FindingReasonInput {
  @IsString()
  @Length(1, 200)
  readonly key!: string;

  @IsIn(REASON_CATEGORIES)
  readonly reason!: ReasonCategory;

  @IsOptional()
  @IsString()
  @Length(0, 2000)
  readonly comment?: string;
}

export class SendFindingsDto implements SendFindingsRequest {
  @IsInt()
  @Min(1)
  readonly expectedVersion!: number;

  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => FindingReasonDto)
  readonly reasons!: FindingReasonDto[];
}

export class FindingResponseDto implements FindingResponseRequest {
  @IsIn(['ACKNOWLEDGED', 'REBUTTED'])
  readonly response!: 'ACKNOWLEDGED' | 'REBUTTED';

  /** A rebuttal needs its argument (checked by the service); an acknowledgment may be blank. */
  @IsString()
  @Length(0, 2000)
  readonly comment!: string;
}

export class FindingDecisionDto implements FindingDecisionRequest {
  @IsIn(['UPHELD', 'OVERTURNED', 'ESCALATED'])
  readonly decision!: FindingDecision;

  @IsString()
  @Length(5, 2000, { message: 'a decision needs a comment of 5 to 2000 characters' })
  readonly comment!: string;
}

export class CloseReviewDto implements CloseReviewRequest {
  @IsInt()
  @Min(1)
  readonly expectedVersion!: number;

  @IsIn(['COMPLETED', 'RETURNED'])
  readonly outcome!: ReviewOutcome;

  @ValidateIf((o: CloseReviewDto) => o.outcome === 'RETURNED')
  @IsString()
  @Length(5, 2000, { message: 'returning a chart needs a reason of 5 to 2000 characters' })
  readonly reason?: string;
}

export class RetrospectiveReviewDto implements RetrospectiveReviewRequest {
  @IsUUID()
  readonly encounterId!: string;
}

export class ReviewListQueryDto {
  @IsOptional()
  @IsIn(['OPEN', 'CLOSED', 'ALL'])
  readonly status?: 'OPEN' | 'CLOSED' | 'ALL';
}
