import { pathOnly } from './logging';

describe('pathOnly', () => {
  it('drops the query string, which can hold a searched patient name', () => {
    expect(pathOnly('/api/patients?name=Doe')).toBe('/api/patients');
    expect(pathOnly('/api/health/ready')).toBe('/api/health/ready');
    expect(pathOnly(undefined)).toBe('');
  });
});
