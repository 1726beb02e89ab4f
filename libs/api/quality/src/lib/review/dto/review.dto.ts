import {
  type CloseReviewRequest,
  type CodedDiagnosis,
  type CodedProcedure,
  type FindingDecision,
  type FindingDecisionRequest,
  type FindingReasonInput,
  type FindingResponseRequest,
  POA_VALUES,
  REASON_CATEGORIES,
  type ReasonCategory,
  type RetrospectiveReviewRequest,
  type ReviewOutcome,
  type SaveCorrectionRequest,
  type SendFindingsRequest,
} from '@chartdesk/contracts';
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
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

/** Stored without the dot, upper case, as the worklist stores them. */
const CODE = /^[A-Z0-9]{3,7}$/;

class CorrectedDiagnosisDto implements CodedDiagnosis {
  @IsInt()
  @Min(1)
  @Max(99)
  readonly sequence!: number;

  @Matches(CODE, { message: 'code must be 3–7 letters or digits without a dot' })
  readonly code!: string;

  @IsOptional()
  @IsIn([...POA_VALUES, null])
  readonly poa!: string | null;
}

class CorrectedProcedureDto implements CodedProcedure {
  @IsInt()
  @Min(1)
  @Max(99)
  readonly sequence!: number;

  @IsIn(['ICD10PCS', 'CPT', 'HCPCS'])
  readonly system!: 'ICD10PCS' | 'CPT' | 'HCPCS';

  @Matches(CODE, { message: 'code must be 3–7 letters or digits without a dot' })
  readonly code!: string;

  @IsArray()
  @ArrayMaxSize(4)
  @Matches(/^[A-Z0-9]{2}$/, { each: true, message: 'each modifier is two letters or digits' })
  readonly modifiers!: string[];

  @IsInt()
  @Min(1)
  @Max(999)
  readonly units!: number;

  @IsArray()
  @ArrayMaxSize(4)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(99, { each: true })
  readonly diagnosisPointers!: number[];
}

export class SaveCorrectionDto implements SaveCorrectionRequest {
  @IsInt()
  @Min(1)
  readonly expectedVersion!: number;

  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CorrectedDiagnosisDto)
  readonly diagnoses!: CorrectedDiagnosisDto[];

  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CorrectedProcedureDto)
  readonly procedures!: CorrectedProcedureDto[];
}

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
