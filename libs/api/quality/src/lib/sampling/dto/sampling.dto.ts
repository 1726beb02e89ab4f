import type { CreateSamplingRunRequest, SamplingRule, SetSamplingRuleRequest } from '@chartdesk/contracts';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  ValidateIf,
  IsISO8601,
  IsInt,
  IsNumber,
  IsOptional,
  IsUUID,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

export class SamplingRuleDto implements SamplingRule {
  @IsInt()
  @Min(0)
  @Max(1000)
  readonly newCoderCharts!: number;

  @IsNumber({ maxDecimalPlaces: 4 })
  @Min(0)
  @Max(1)
  readonly newCoderRate!: number;

  @IsNumber({ maxDecimalPlaces: 4 })
  @Min(0)
  @Max(1)
  readonly rate!: number;

  @IsInt()
  @Min(0)
  @Max(1000)
  readonly minimumPerPeriod!: number;

  @IsBoolean()
  readonly stratifyByEncounterType!: boolean;

  @IsNumber({ maxDecimalPlaces: 4 })
  @Min(0.5)
  @Max(1)
  readonly passThreshold!: number;
}

export class SetSamplingRuleDto implements SetSamplingRuleRequest {
  @IsOptional()
  @IsUUID()
  readonly coderId?: string;

  /** null clears a coder's override (the team's rule cannot be cleared, only changed); it must be sent. */
  @ValidateIf((_: unknown, value: unknown) => value !== null)
  @IsDefined()
  @ValidateNested()
  @Type(() => SamplingRuleDto)
  readonly rule!: SamplingRuleDto | null;
}

export class CreateSamplingRunDto implements CreateSamplingRunRequest {
  @IsOptional()
  @IsISO8601({ strict: true })
  readonly from?: string;

  @IsOptional()
  @IsISO8601({ strict: true })
  readonly to?: string;
}
