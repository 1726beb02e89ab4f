import type {
  ChangePasswordRequest,
  InitialPasswordRequest,
  LoginRequest,
  MfaVerifyRequest,
  ResetOwnMfaRequest,
  ChallengeRequest,
} from '@chartdesk/contracts';
import { IsString, Length, MaxLength, MinLength } from 'class-validator';

// Length limits here only stop abuse (huge bodies into argon2); the password
// policy itself answers with its own, clearer messages.
export class LoginDto implements LoginRequest {
  @IsString() @Length(1, 128) username!: string;
  @IsString() @Length(1, 1024) password!: string;
}

export class ChallengeDto implements ChallengeRequest {
  @IsString() @Length(1, 64) challengeToken!: string;
}

export class MfaVerifyDto extends ChallengeDto implements MfaVerifyRequest {
  @IsString() @Length(6, 32) code!: string;
}

export class InitialPasswordDto extends ChallengeDto implements InitialPasswordRequest {
  @IsString() @MinLength(1) @MaxLength(1024) newPassword!: string;
}

export class ChangePasswordDto implements ChangePasswordRequest {
  @IsString() @Length(1, 1024) currentPassword!: string;
  @IsString() @Length(1, 1024) newPassword!: string;
}

export class ResetOwnMfaDto implements ResetOwnMfaRequest {
  @IsString() @Length(1, 1024) currentPassword!: string;
  @IsString() @Length(6, 32) code!: string;
}
