import { DomainError } from '@chartdesk/api-platform';
import { checkParams, defaultSetting } from './rule-settings.service';

describe('anomaly rule settings', () => {
  it('fills defaults for parameters not given', () => {
    expect(checkParams('REPEATED_DENIALS', { count: 3 })).toEqual({ count: 3, minutes: 10 });
    expect(defaultSetting('CHAIN_VERIFICATION_FAILED').severity).toBe('CRITICAL');
  });

  it('refuses unknown parameters and out-of-bounds values', () => {
    expect(() => checkParams('REPEATED_DENIALS', { counts: 3 })).toThrow(DomainError);
    expect(() => checkParams('VOLUME_SPIKE', { factor: 0.5 })).toThrow(/factor/);
    expect(() => checkParams('VIP_OR_EMPLOYEE', { anything: 1 })).toThrow(DomainError);
  });
});
