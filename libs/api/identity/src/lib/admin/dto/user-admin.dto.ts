import {
  type CreateUserRequest,
  ROLES,
  type Role,
  SENSITIVITY_LABELS,
  SPECIALTIES,
  type SensitivityLabel,
  type ShiftSchedule,
  type ShiftWindow,
  type Specialty,
  type UpdateUserRequest,
  USER_STATUSES,
  type UserListQuery,
  type UserStatus,
  WEEKDAYS,
  type Weekday,
  type AdminReauthRequest,
} from '@chartdesk/contracts';
import { IsCalendarDate, NotBlank, Optional } from '@chartdesk/api-platform';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  Validate,
  ValidateNested,
  type ValidatorConstraintInterface,
  ValidatorConstraint,
} from 'class-validator';

const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

@ValidatorConstraint({ name: 'timeZone' })
class IsIanaTimeZone implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && Intl.supportedValuesOf('timeZone').includes(value);
  }
  defaultMessage(): string {
    return 'timeZone must be an IANA time zone such as America/Chicago';
  }
}

export class ShiftWindowDto implements ShiftWindow {
  @IsIn(WEEKDAYS) day!: Weekday;
  @Matches(TIME_OF_DAY, { message: 'start must be HH:MM' }) start!: string;
  @Matches(TIME_OF_DAY, { message: 'end must be HH:MM' }) end!: string;
}

export class ShiftScheduleDto implements ShiftSchedule {
  @IsString() @Validate(IsIanaTimeZone) timeZone!: string;
  @IsArray()
  @ArrayMaxSize(21)
  @ValidateNested({ each: true })
  @Type(() => ShiftWindowDto)
  weeklyHours!: ShiftWindowDto[];
}

/** Fields that are optional both on create and on update. */
class UserOptionalFieldsDto {
  @IsOptional() @IsUUID() teamId?: string | null;
  @Optional() @IsArray() @IsIn(SENSITIVITY_LABELS, { each: true }) clearances?: SensitivityLabel[];
  @IsOptional() @IsCalendarDate() part2TrainingDate?: string | null;
  @Optional() @IsArray() @IsIn(SPECIALTIES, { each: true }) specialties?: Specialty[];
  @IsOptional() @ValidateNested() @Type(() => ShiftScheduleDto) schedule?: ShiftScheduleDto | null;
  @Optional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 64, { each: true })
  linkedPatientIds?: string[];
}

export class CreateUserDto extends UserOptionalFieldsDto implements CreateUserRequest {
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{3,64}$/, { message: 'username must be 3–64 letters, digits, dots, dashes or underscores' })
  username!: string;
  @IsString() @NotBlank() @Length(1, 120) displayName!: string;
  @IsEmail({}, { message: 'email must be an email address' }) @MaxLength(254) email!: string;
  @IsIn(ROLES) role!: Role;
}

export class UpdateUserDto extends UserOptionalFieldsDto implements UpdateUserRequest {
  @Optional() @IsString() @NotBlank() @Length(1, 120) displayName?: string;
  @Optional() @IsEmail({}, { message: 'email must be an email address' }) @MaxLength(254) email?: string;
  @Optional() @IsIn(ROLES) role?: Role;
}

export class UserListQueryDto implements UserListQuery {
  @IsOptional() @IsString() @MaxLength(100) q?: string;
  @IsOptional() @IsIn(ROLES) role?: Role;
  @IsOptional() @IsIn(USER_STATUSES) status?: UserStatus;
  @IsOptional() @IsUUID() teamId?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) limit?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(1_000_000) offset?: number;
}

export class AdminReauthDto implements AdminReauthRequest {
  @IsString() @Length(1, 1024) adminPassword!: string;
}

export class TeamDto {
  @IsString() @NotBlank() @Length(1, 80) name!: string;
}
