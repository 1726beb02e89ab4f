import { ApiPaths, apiUrl } from './api-paths';

describe('apiUrl', () => {
  it('prefixes a route path with /api', () => {
    expect(apiUrl(ApiPaths.healthReady)).toBe('/api/health/ready');
  });
});
