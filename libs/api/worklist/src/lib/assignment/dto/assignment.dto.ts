import {
  type AssignRequest,
  type BoardQuery,
  type DistributeRequest,
  ENCOUNTER_TYPES,
  type EncounterType,
  SENSITIVITY_LABELS,
  type SensitivityLabel,
  type TeamWorklistSettings,
  type UnassignRequest,
  WORK_PRIORITIES,
  type WorkPriority,
} from '@chartdesk/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
} from 'class-validator';

const BULK_LIMIT = 200;

export class AssignDto implements AssignRequest {
  @ArrayMinSize(1)
  @ArrayMaxSize(BULK_LIMIT)
  @IsUUID('all', { each: true })
  readonly encounterIds!: string[];

  @IsUUID()
  readonly coderId!: string;

  @IsOptional()
  @IsISO8601({ strict: true })
  @Length(10, 10)
  readonly dueDate?: string;

  @IsOptional()
  @IsIn(WORK_PRIORITIES)
  readonly priority?: WorkPriority;
}

export class UnassignDto implements UnassignRequest {
  @ArrayMinSize(1)
  @ArrayMaxSize(BULK_LIMIT)
  @IsUUID('all', { each: true })
  readonly encounterIds!: string[];
}

export class DistributeDto implements DistributeRequest {
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(BULK_LIMIT)
  @IsUUID('all', { each: true })
  readonly encounterIds?: string[];

  @IsOptional()
  @IsISO8601({ strict: true })
  @Length(10, 10)
  readonly dueDate?: string;

  @IsOptional()
  @IsIn(WORK_PRIORITIES)
  readonly priority?: WorkPriority;
}

export class BoardQueryDto implements BoardQuery {
  @IsOptional()
  @IsString()
  @Length(1, 64)
  readonly facility?: string;

  @IsOptional()
  @IsIn(ENCOUNTER_TYPES)
  readonly type?: EncounterType;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3650)
  readonly minAgeDays?: number;

  @IsOptional()
  @IsISO8601({ strict: true })
  @Length(10, 10)
  readonly dueBefore?: string;

  @IsOptional()
  @IsIn(SENSITIVITY_LABELS)
  readonly label?: SensitivityLabel;
}

export class TeamSettingsDto implements TeamWorklistSettings {
  @IsBoolean()
  readonly allowSelfPull!: boolean;

  @IsInt()
  @Min(1)
  @Max(500)
  readonly coderCapacity!: number;
}
