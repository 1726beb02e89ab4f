import { applyDecorators } from '@nestjs/common';
import {
  Matches,
  Validate,
  ValidateIf,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
  isISO8601,
} from 'class-validator';

/**
 * May be left out, but when present — `null` included — must pass the field's
 * other rules. class-validator's `@IsOptional()` (keep that for nullable fields) also lets `null` through,
 * which for a non-nullable column is a 500 waiting to happen.
 */
export function Optional(): PropertyDecorator {
  return ValidateIf((_object: unknown, value: unknown) => value !== undefined);
}

/** Text with at least one non-space character (a name of only spaces is no name). */
export function NotBlank(): PropertyDecorator {
  return Matches(/\S/, { message: '$property must not be blank' });
}

@ValidatorConstraint({ name: 'calendarDate' })
class CalendarDateConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
    // strict ISO 8601 also refuses days the month does not have (2026-02-30).
    return isISO8601(value, { strict: true, strictSeparator: true });
  }
  defaultMessage(): string {
    return '$property must be a real calendar date, YYYY-MM-DD';
  }
}

/** A `YYYY-MM-DD` date that exists on the calendar. */
export function IsCalendarDate(): PropertyDecorator {
  return applyDecorators(Validate(CalendarDateConstraint));
}
