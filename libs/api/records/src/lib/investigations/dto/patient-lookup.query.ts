import type { PatientLookupQuery } from '@chartdesk/contracts';
import { IsString, Length, Matches } from 'class-validator';

export class PatientLookupQueryDto implements PatientLookupQuery {
  @IsString()
  @Length(1, 64)
  readonly facility!: string;

  @IsString()
  @Length(1, 64)
  @Matches(/^[A-Za-z0-9._-]+$/, { message: 'mrn may hold letters, digits, dot, dash and underscore only' })
  readonly mrn!: string;
}
