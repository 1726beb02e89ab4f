import type { OpenInvestigationRequest } from '@chartdesk/contracts';
import { IsInt, IsString, IsUUID, Length, Max, Min } from 'class-validator';

export class OpenInvestigationDto implements OpenInvestigationRequest {
  @IsUUID()
  readonly patientId!: string;

  @IsString()
  @Length(10, 2000)
  readonly reason!: string;

  @IsInt()
  @Min(15)
  @Max(480)
  readonly durationMinutes!: number;
}
