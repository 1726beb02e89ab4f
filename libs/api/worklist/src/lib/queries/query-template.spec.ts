import { REQUIRED_QUERY_OPTIONS } from '@chartdesk/contracts';
import { leadingReason, queryOptions } from './query-template';

describe('provider query template', () => {
  it('always ends with "other" and "unable to determine", once each', () => {
    expect(queryOptions(['Acute systolic heart failure', 'Other', ' Acute systolic heart failure '])).toEqual([
      'Acute systolic heart failure',
      ...REQUIRED_QUERY_OPTIONS,
    ]);
    expect(queryOptions(['Unable to determine'])).toEqual([...REQUIRED_QUERY_OPTIONS]);
  });

  it.each([
    'Please document acute respiratory failure so the DRG is correct.',
    'Would you agree the patient has sepsis?',
    'Adding an MCC would improve reimbursement; can you clarify?',
  ])('refuses a leading question: %s', (q) => {
    expect(leadingReason(q)).not.toBeNull();
  });

  it('accepts an open clinical question', () => {
    expect(
      leadingReason('Based on the indicators above, can the type and acuity of the heart failure be clarified?'),
    ).toBeNull();
  });
});
