import { DomainError } from '@chartdesk/api-platform';
import { checkTransition } from './review-transitions';

describe('review item lifecycle', () => {
  it('allows open → in review → closed with a disposition', () => {
    expect(() => checkTransition('OPEN', 'IN_REVIEW', null)).not.toThrow();
    expect(() => checkTransition('IN_REVIEW', 'CLOSED_VIOLATION', 'Sanctioned per policy 4.2')).not.toThrow();
    expect(() => checkTransition('ESCALATED', 'CLOSED_JUSTIFIED', 'Covering a colleague')).not.toThrow();
  });

  it('refuses closing straight from open, and reopening a closed item', () => {
    expect(() => checkTransition('OPEN', 'CLOSED_JUSTIFIED', 'x')).toThrow(DomainError);
    expect(() => checkTransition('CLOSED_JUSTIFIED', 'OPEN', null)).toThrow(DomainError);
    expect(() => checkTransition('CLOSED_VIOLATION', 'IN_REVIEW', null)).toThrow(DomainError);
  });

  it('refuses a close without a disposition', () => {
    expect(() => checkTransition('IN_REVIEW', 'CLOSED_JUSTIFIED', null)).toThrow(/disposition/);
  });
});
