import {
  ANOMALY_RULES,
  type AnomalyRule,
  REPORT_PAGE_SIZE_MAX,
  REVIEW_SEVERITIES,
  REVIEW_SORTS,
  REVIEW_STATUSES,
  type ReviewItemChange,
  type ReviewItemQuery,
  type ReviewNoteRequest,
  type ReviewSeverity,
  type ReviewSort,
  type ReviewStatus,
  SORT_DIRECTIONS,
  type SortDirection,
} from '@chartdesk/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min, ValidateIf } from 'class-validator';

export class ReviewItemQueryDto implements ReviewItemQuery {
  @IsOptional() @IsIn(REVIEW_STATUSES) readonly status?: ReviewStatus;
  @IsOptional() @IsIn(ANOMALY_RULES) readonly rule?: AnomalyRule;
  @IsOptional() @IsIn(REVIEW_SEVERITIES) readonly severity?: ReviewSeverity;
  @IsOptional() @IsUUID() readonly assigneeId?: string;
  @IsOptional()
  @IsIn(REVIEW_SORTS, { message: `sort must be one of: ${REVIEW_SORTS.join(', ')}` })
  readonly sort?: ReviewSort;
  @IsOptional() @IsIn(SORT_DIRECTIONS) readonly direction?: SortDirection;
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(REPORT_PAGE_SIZE_MAX)
  readonly limit?: number;
  @IsOptional() @IsString() @MaxLength(256) readonly cursor?: string;
}

export class ReviewItemChangeDto implements ReviewItemChange {
  @IsInt() @Min(1) readonly version!: number;
  @IsOptional() @IsIn(REVIEW_STATUSES) readonly status?: ReviewStatus;
  @IsOptional() @IsIn(REVIEW_SEVERITIES) readonly severity?: ReviewSeverity;
  @ValidateIf((_, v) => v !== null)
  @IsOptional()
  @IsUUID()
  readonly assigneeId?: string | null;
  @IsOptional() @IsString() @Length(5, 4000) readonly disposition?: string;
}

export class ReviewNoteDto implements ReviewNoteRequest {
  @IsString() @Length(1, 4000) readonly text!: string;
}
