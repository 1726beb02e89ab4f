import {
  AUDIT_OUTCOMES,
  type AuditOutcome,
  REPORT_PAGE_SIZE_MAX,
  REPORT_SORTS,
  type ReportQuery,
  type ReportSort,
  SORT_DIRECTIONS,
  type SortDirection,
} from '@chartdesk/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

/** Query string of every report and export. Sort and direction are allowlisted: anything else is a 400. */
export class ReportQueryDto implements ReportQuery {
  @IsISO8601({ strict: true })
  readonly from!: string;

  @IsISO8601({ strict: true })
  readonly to!: string;

  @IsOptional()
  @IsUUID()
  readonly patientId?: string;

  @IsOptional()
  @IsUUID()
  readonly userId?: string;

  @IsOptional()
  @IsIn(AUDIT_OUTCOMES)
  readonly outcome?: AuditOutcome;

  @IsOptional()
  @IsIn(REPORT_SORTS, { message: `sort must be one of: ${REPORT_SORTS.join(', ')}` })
  readonly sort?: ReportSort;

  @IsOptional()
  @IsIn(SORT_DIRECTIONS)
  readonly direction?: SortDirection;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(REPORT_PAGE_SIZE_MAX)
  readonly limit?: number;

  @IsOptional()
  @IsString()
  @MaxLength(256)
  readonly cursor?: string;
}
