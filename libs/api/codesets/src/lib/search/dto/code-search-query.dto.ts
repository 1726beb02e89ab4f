import {
  CODE_SEARCH_MAX_LIMIT,
  CODE_SEARCH_MAX_OFFSET,
  CODE_SEARCH_MAX_TEXT,
  CODE_SYSTEMS,
  type CodeSearchQuery,
  type CodeSystem,
} from '@chartdesk/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';

export class CodeSearchQueryDto implements CodeSearchQuery {
  @IsString()
  @Length(1, CODE_SEARCH_MAX_TEXT)
  // control characters (NUL included) are never part of what a coder types
  @Matches(/^\P{Cc}*$/u, { message: 'q must not contain control characters' })
  q!: string;

  @IsOptional()
  @IsIn(CODE_SYSTEMS)
  system?: CodeSystem;

  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dos must be YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  dos?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(CODE_SEARCH_MAX_LIMIT)
  limit?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(CODE_SEARCH_MAX_OFFSET)
  offset?: number;
}
