import { accessBasis } from './report-row';

describe('accessBasis', () => {
  it('uses the basis the chart read recorded', () => {
    expect(accessBasis({ action: 'CHART_VIEWED', basis: 'ASSIGNMENT', purpose: 'a1' })).toBe('ASSIGNMENT');
    expect(accessBasis({ action: 'DOCUMENT_VIEWED', basis: 'INVESTIGATION', purpose: 'i1' })).toBe('INVESTIGATION');
  });

  it('derives break-the-glass and investigation from the action when no basis was recorded', () => {
    expect(accessBasis({ action: 'BREAK_GLASS_GRANTED', basis: null, purpose: 'break-glass:EMERGENCY' })).toBe(
      'BREAK_GLASS',
    );
    expect(accessBasis({ action: 'INVESTIGATION_OPENED', basis: null, purpose: 'x' })).toBe('INVESTIGATION');
  });

  it('says NONE rather than trusting an unknown basis value', () => {
    expect(accessBasis({ action: 'CHART_VIEWED', basis: 'SOMETHING_ELSE', purpose: null })).toBe('NONE');
    expect(accessBasis({ action: 'LOGIN_FAILED', basis: null, purpose: null })).toBe('NONE');
  });
});
