import type { AnswerQueryRequest, CreateQueryRequest, QueryIndicator, ReturnChartRequest } from '@chartdesk/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Min,
  ValidateNested,
} from 'class-validator';

export class QueryIndicatorDto implements QueryIndicator {
  @IsUUID()
  readonly documentId!: string;

  @IsString()
  @Length(3, 1000)
  readonly quote!: string;
}

export class CreateQueryDto implements CreateQueryRequest {
  @IsInt()
  @Min(1)
  readonly expectedVersion!: number;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => QueryIndicatorDto)
  readonly indicators!: QueryIndicatorDto[];

  @IsString()
  @Length(10, 2000)
  readonly question!: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  readonly options!: string[];
}

export class AnswerQueryDto implements AnswerQueryRequest {
  @IsString()
  @Length(1, 200)
  readonly option!: string;

  @IsOptional()
  @IsString()
  @Length(0, 2000)
  readonly text?: string;
}

export class ReturnChartDto implements ReturnChartRequest {
  @IsString()
  @Length(5, 2000)
  readonly reason!: string;
}
