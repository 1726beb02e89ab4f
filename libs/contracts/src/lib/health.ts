export type DatabaseMode = 'embedded' | 'server';

export interface HealthReady {
  readonly status: 'ready' | 'unavailable';
  readonly version: string;
  readonly database: { readonly mode: DatabaseMode; readonly up: boolean };
}

export interface HealthLive {
  readonly status: 'live';
}
