import { DomainError } from '@chartdesk/api-platform';

/** The one answer to every refusal: identical to a chart that does not exist. */
export function chartNotFound(): DomainError {
  return new DomainError('NOT_FOUND', 'No such chart, or you do not have access to it.');
}

/** What the ACCESS_DENIED event names: the chart, or the document/review/query the request was about. */
export interface DeniedResource {
  readonly type: string;
  readonly id: string;
}

/**
 * Thrown inside ChartAccess.run's transaction to roll the work back; run turns it
 * into the committed ACCESS_DENIED event and the 404. Services throw it too for
 * their own refusals on a chart-scoped object (a review that is not theirs).
 */
export class ChartDenied extends Error {
  readonly resource: DeniedResource;

  constructor(
    readonly reason: string,
    readonly encounterId: string,
    readonly patientId: string | null,
    resource?: DeniedResource,
    readonly details?: Record<string, string>,
  ) {
    super('chart denied');
    this.resource = resource ?? { type: 'Encounter', id: encounterId };
  }
}
