import { DomainError } from '@chartdesk/api-platform';
import { REPORT_RANGE_DAYS_MAX } from '@chartdesk/contracts';

export interface TimeRange {
  readonly from: Date;
  readonly to: Date;
}

/** A report range: `from` before `to`, at most REPORT_RANGE_DAYS_MAX days, so a query stays on few partitions. */
export function parseTimeRange(from: string, to: string): TimeRange {
  const range = { from: new Date(from), to: new Date(to) };
  if (Number.isNaN(range.from.getTime()) || Number.isNaN(range.to.getTime())) {
    throw new DomainError('VALIDATION', 'from and to must be ISO date-times.');
  }
  if (range.to.getTime() <= range.from.getTime()) {
    throw new DomainError('VALIDATION', 'to must be after from.');
  }
  if (range.to.getTime() - range.from.getTime() > REPORT_RANGE_DAYS_MAX * 86_400_000) {
    throw new DomainError('VALIDATION', `A report covers at most ${REPORT_RANGE_DAYS_MAX} days.`);
  }
  return range;
}
