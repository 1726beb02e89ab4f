import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { LoginComplete } from '@chartdesk/contracts';
import { firstValueFrom } from 'rxjs';
import { authInterceptor } from './auth.interceptor';
import { AuthService } from './auth.service';

const session = (token: string): LoginComplete => ({
  stage: 'DONE',
  accessToken: token,
  expiresInSeconds: 600,
  user: {
    id: 'u1',
    username: 'coder1',
    displayName: 'Cory',
    role: 'CODER',
    teamId: null,
    permissions: ['session:self'],
  },
  session: { idleSeconds: 900, absoluteExpiresAt: new Date(Date.now() + 3600_000).toISOString() },
});

/** The browser side of the session: token in memory only, one silent refresh on 401. */
describe('AuthService and authInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let auth: AuthService;

  /** The request once the interceptor's refresh chain has sent it (bounded, so a missing retry fails). */
  async function nextRequest(url: string): Promise<ReturnType<HttpTestingController['expectOne']>> {
    for (let tick = 0; tick < 50; tick += 1) {
      const [req] = backend.match(url);
      if (req) return req;
      await new Promise((r) => setTimeout(r, 0));
    }
    return backend.expectOne(url);
  }

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    auth = TestBed.inject(AuthService);
    // jsdom refuses __Host- cookies over http://localhost; the browser sets it from the server's answer.
    jest.spyOn(document, 'cookie', 'get').mockReturnValue('__Host-chartdesk-csrf=csrf-value');
  });
  afterEach(() => {
    backend.verify();
    jest.restoreAllMocks();
  });

  async function signIn(token: string): Promise<void> {
    const done = auth.verifyMfa('challenge', '123456');
    backend.expectOne('/api/auth/mfa/verify').flush(session(token));
    await done;
  }

  it('keeps the access token in memory and sends it to the API, never to the sign-in steps', async () => {
    await signIn('token-1');
    expect(auth.user()?.username).toBe('coder1');
    expect(localStorage.length + sessionStorage.length).toBe(0);
    const call = firstValueFrom(http.get('/api/worklist'));
    const req = backend.expectOne('/api/worklist');
    expect(req.request.headers.get('Authorization')).toBe('Bearer token-1');
    req.flush({});
    await call;
    const login = auth.login('coder1', 'pw');
    const loginReq = backend.expectOne('/api/auth/login');
    expect(loginReq.request.headers.has('Authorization')).toBe(false);
    loginReq.flush({ stage: 'MFA_VERIFY', challengeToken: 'c', expiresInSeconds: 300 });
    await login;
  });

  it('refreshes once on a 401, with the CSRF header, and retries with the new token', async () => {
    await signIn('old-token');
    const call = firstValueFrom(http.get('/api/thing'));
    backend.expectOne('/api/thing').flush({}, { status: 401, statusText: 'Unauthorized' });
    const refresh = backend.expectOne('/api/auth/refresh');
    expect(refresh.request.headers.get('x-csrf-token')).toBe('csrf-value');
    refresh.flush(session('new-token'));
    const retry = await nextRequest('/api/thing');
    expect(retry.request.headers.get('Authorization')).toBe('Bearer new-token');
    retry.flush({ ok: true });
    await expect(call).resolves.toEqual({ ok: true });
  });

  it('ends the session when the refresh is refused', async () => {
    await signIn('old-token');
    const call = firstValueFrom(http.get('/api/thing'));
    backend.expectOne('/api/thing').flush({}, { status: 401, statusText: 'Unauthorized' });
    backend.expectOne('/api/auth/refresh').flush({}, { status: 401, statusText: 'Unauthorized' });
    await expect(call).rejects.toBeDefined();
    expect(auth.user()).toBeNull();
    expect(auth.token()).toBeNull();
    expect(auth.endedReason()).toBe('expired');
  });
});
