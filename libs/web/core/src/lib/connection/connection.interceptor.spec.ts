import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { LoginComplete } from '@chartdesk/contracts';
import { firstValueFrom } from 'rxjs';
import { authInterceptor } from '../auth/auth.interceptor';
import { AuthService } from '../auth/auth.service';
import { ConnectionStatus, retryDelayMs } from './connection-status';
import { connectionInterceptor } from './connection.interceptor';

const session = (token: string): LoginComplete => ({
  stage: 'DONE',
  accessToken: token,
  expiresInSeconds: 600,
  user: { id: 'u1', username: 'coder1', displayName: 'Cory', role: 'CODER', teamId: null, permissions: [] },
  session: { idleSeconds: 900, absoluteExpiresAt: new Date(Date.now() + 3600_000).toISOString() },
});

const UNAVAILABLE = { status: 503, statusText: 'Service Unavailable', headers: { 'retry-after': '1' } };

/** An outage keeps the session: reads retry with backoff behind a "reconnecting" state, nobody is signed out. */
describe('connectionInterceptor with authInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let auth: AuthService;
  let status: ConnectionStatus;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([connectionInterceptor, authInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    auth = TestBed.inject(AuthService);
    status = TestBed.inject(ConnectionStatus);
    jest.spyOn(document, 'cookie', 'get').mockReturnValue('__Host-chartdesk-csrf=csrf-value');
    const done = auth.verifyMfa('challenge', '123456');
    backend.expectOne('/api/auth/mfa/verify').flush(session('token-1'));
    await done;
    jest.useFakeTimers();
  });
  afterEach(() => {
    jest.useRealTimers();
    backend.verify();
    jest.restoreAllMocks();
  });

  it('backs off from 1 s to 8 s and honours a longer Retry-After', () => {
    expect([1, 2, 3, 4, 5, 9].map((n) => retryDelayMs(n, null))).toEqual([1000, 2000, 4000, 8000, 8000, 8000]);
    expect(retryDelayMs(1, '5')).toBe(5000);
    expect(retryDelayMs(1, '3600')).toBe(30_000);
    expect(retryDelayMs(1, 'soon')).toBe(1000);
  });

  it('retries a read on 503 while showing "reconnecting", then resumes with the same session', async () => {
    const call = firstValueFrom(http.get('/api/charts/1'));
    backend.expectOne('/api/charts/1').flush({}, UNAVAILABLE);
    expect(status.reconnecting()).toBe(true);
    await jest.advanceTimersByTimeAsync(1000);
    backend.expectOne('/api/charts/1').flush({}, { status: 0, statusText: 'Unknown Error' });
    await jest.advanceTimersByTimeAsync(2000);
    const third = backend.expectOne('/api/charts/1');
    expect(third.request.headers.get('Authorization')).toBe('Bearer token-1');
    third.flush({ id: '1' });
    await expect(call).resolves.toEqual({ id: '1' });
    expect(status.reconnecting()).toBe(false);
    expect(auth.user()?.username).toBe('coder1');
  });

  it('keeps the session when the refresh after a 401 meets an outage, and retries until it works', async () => {
    const call = firstValueFrom(http.get('/api/thing'));
    backend.expectOne('/api/thing').flush({}, { status: 401, statusText: 'Unauthorized' });
    backend.expectOne('/api/auth/refresh').flush({}, UNAVAILABLE);
    await jest.advanceTimersByTimeAsync(0);
    expect(auth.user()).not.toBeNull();
    expect(auth.endedReason()).toBeNull();
    expect(status.reconnecting()).toBe(true);
    await jest.advanceTimersByTimeAsync(1000);
    backend.expectOne('/api/thing').flush({}, { status: 401, statusText: 'Unauthorized' });
    backend.expectOne('/api/auth/refresh').flush(session('token-2'));
    await jest.advanceTimersByTimeAsync(0);
    const retried = backend.expectOne('/api/thing');
    expect(retried.request.headers.get('Authorization')).toBe('Bearer token-2');
    retried.flush({ ok: true });
    await expect(call).resolves.toEqual({ ok: true });
  });

  it('does not replay a write, but keeps the session and the reconnecting state', async () => {
    const call = firstValueFrom(http.post('/api/charts/1/codes', {}));
    backend.expectOne('/api/charts/1/codes').flush({}, UNAVAILABLE);
    await expect(call).rejects.toMatchObject({ status: 503 });
    expect(auth.token()).toBe('token-1');
    expect(status.reconnecting()).toBe(true);
    await jest.advanceTimersByTimeAsync(10_000);
    backend.expectNone('/api/charts/1/codes');
  });

  it('still ends the session on a real 401 from the refresh', async () => {
    const call = firstValueFrom(http.get('/api/thing'));
    backend.expectOne('/api/thing').flush({}, { status: 401, statusText: 'Unauthorized' });
    backend.expectOne('/api/auth/refresh').flush({}, { status: 401, statusText: 'Unauthorized' });
    await expect(call).rejects.toBeDefined();
    expect(auth.user()).toBeNull();
    expect(auth.endedReason()).toBe('expired');
  });
});
