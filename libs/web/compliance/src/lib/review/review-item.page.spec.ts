import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ActivatedRoute, convertToParamMap, provideRouter } from '@angular/router';
import type { ReviewItemDetail } from '@chartdesk/contracts';
import { AuthService } from '@chartdesk/web-core';
import { ReviewItemPage } from './review-item.page';

const item: ReviewItemDetail = {
  id: 'r1',
  rule: 'VIP_OR_EMPLOYEE',
  severity: 'MEDIUM',
  status: 'OPEN',
  title: "Access to a VIP patient's record",
  subject: { userId: 'c1', username: 'coder1', displayName: 'Cory Coder', role: 'CODER' },
  patient: { patientId: 'p1', mrn: 'MRN1', name: 'Doe, Jane' },
  assignee: null,
  createdAt: '2026-11-24T05:00:00.000Z',
  closedAt: null,
  openSeconds: 90,
  version: 3,
  evidence: { accesses: 2, eventIds: ['7', '9'] },
  disposition: null,
  notes: [],
};

/** The item page offers only the transitions the lifecycle allows, and sends the version it read. */
describe('ReviewItemPage', () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: ActivatedRoute, useValue: { snapshot: { paramMap: convertToParamMap({ id: 'r1' }) } } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    TestBed.inject(AuthService).user.set({
      id: 'me',
      username: 'compliance',
      displayName: 'Casey Compliance',
      role: 'COMPLIANCE',
      teamId: null,
      permissions: ['compliance:review'],
    });
  });
  afterEach(() => backend.verify());

  async function render() {
    const fixture = TestBed.createComponent(ReviewItemPage);
    backend.expectOne('/api/compliance/review-items/r1').flush(item);
    await fixture.whenStable();
    fixture.detectChanges();
    return fixture;
  }

  it('shows the evidence and offers start review and escalate for an open item', async () => {
    const fixture = await render();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.textContent).toContain('Doe, Jane · MRN MRN1');
    expect(el.textContent).toContain('7, 9');
    const actions = [...el.querySelectorAll('[data-testid^="to-"]')].map((b) => b.getAttribute('data-testid'));
    expect(actions).toEqual(['to-IN_REVIEW', 'to-ESCALATED']);
  });

  it('starts the review with the version it read and takes the item', async () => {
    const fixture = await render();
    (fixture.nativeElement as HTMLElement).querySelector<HTMLButtonElement>('[data-testid="to-IN_REVIEW"]')?.click();
    const req = backend.expectOne('/api/compliance/review-items/r1');
    expect(req.request.method).toBe('PATCH');
    expect(req.request.body).toEqual({ version: 3, status: 'IN_REVIEW', assigneeId: 'me' });
    req.flush({ ...item, status: 'IN_REVIEW', version: 4 });
    await fixture.whenStable();
    fixture.detectChanges();
    const actions = [...(fixture.nativeElement as HTMLElement).querySelectorAll('[data-testid^="to-"]')].map((b) =>
      b.getAttribute('data-testid'),
    );
    expect(actions).toEqual(['to-OPEN', 'to-ESCALATED', 'to-CLOSED_JUSTIFIED', 'to-CLOSED_VIOLATION']);
  });
});
