import { BREAK_GLASS_REASONS, type BreakGlassReason, type BreakGlassRequest } from '@chartdesk/contracts';
import { IsIn, IsString, IsUUID, Length, Matches } from 'class-validator';

export class BreakGlassDto implements BreakGlassRequest {
  @IsUUID()
  readonly encounterId!: string;

  @IsIn(BREAK_GLASS_REASONS)
  readonly reasonCode!: BreakGlassReason;

  @IsString()
  @Length(10, 2000)
  readonly reasonText!: string;

  @IsString()
  @Matches(/^\d{6}$/, { message: 'totpCode must be the 6-digit code from your authenticator' })
  readonly totpCode!: string;
}
