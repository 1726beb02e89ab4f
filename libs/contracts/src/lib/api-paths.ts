/** Route paths shared by the API controllers and the web client. */
export const API_PREFIX = 'api';

export const ApiPaths = {
  healthLive: 'health/live',
  healthReady: 'health/ready',
} as const;

/** Absolute URL path as the browser calls it, e.g. `/api/health/ready`. */
export function apiUrl(path: string): string {
  return `/${API_PREFIX}/${path}`;
}
