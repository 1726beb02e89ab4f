import type { Role } from '@chartdesk/contracts';

/**
 * Who may call each route, written by hand from the product's rules
 * (DESIGN.md "Who uses it, and for what", the README and the lib READMEs) —
 * deliberately NOT derived from ROLE_PERMISSIONS, the map the guard enforces.
 * The route matrix test compares the running app against this table, so a
 * wrong entry in the map, a wrong decorator, or a new route nobody classified
 * here fails it. Listed roles pass the guards; every other role gets the
 * guard's 403. `public` routes are open before sign-in.
 *
 * Adding a route: add its row here, from the rules, before looking at the map.
 */
export type RouteAccess = 'public' | readonly Role[];

const CODER = 'CODER';
const SUPERVISOR = 'SUPERVISOR';
const COMPLIANCE = 'COMPLIANCE';
const ADMIN = 'ADMIN';
const EVERYONE = [CODER, SUPERVISOR, COMPLIANCE, ADMIN] as const;

export const ROUTE_ACCESS: Readonly<Record<string, RouteAccess>> = {
  // Probes for the load balancer; nothing about anyone.
  'GET /api/health/live': 'public',
  'GET /api/health/ready': 'public',
  // Public to the session guards; answers only to the METRICS_TOKEN bearer (tests/api/operations/metrics).
  'GET /api/metrics': 'public',

  // Signing in happens before there is a session; refresh and logout carry their own cookie and CSRF checks.
  'POST /api/auth/login': 'public',
  'POST /api/auth/mfa/verify': 'public',
  'POST /api/auth/password/initial': 'public',
  'POST /api/auth/mfa/enrol/start': 'public',
  'POST /api/auth/mfa/enrol/confirm': 'public',
  'POST /api/auth/refresh': 'public',
  'POST /api/auth/logout': 'public',
  // Every signed-in user manages their own session, password and authenticator.
  'GET /api/auth/me': EVERYONE,
  'POST /api/auth/password': EVERYONE,
  'POST /api/auth/mfa/reset': EVERYONE,

  // Code search and edits: coders code; supervisors audit code by code and record corrections.
  'GET /api/codes/search': [CODER, SUPERVISOR],
  'POST /api/codes/edits': [CODER, SUPERVISOR],
  'POST /api/codes/edit-data': [CODER, SUPERVISOR],
  // Code reference and the PCS table builder are coding aids, like search.
  'GET /api/codes/reference/:system/:code': [CODER, SUPERVISOR],
  'GET /api/codes/pcs-builder': [CODER, SUPERVISOR],
  // Code set imports are the admin's.
  'GET /api/codesets/releases': [ADMIN],
  'GET /api/codesets/import-files': [ADMIN],
  'POST /api/codesets/imports': [ADMIN],
  // The clinical search vocabulary is code set content the admin curates.
  'GET /api/codesets/search-vocabulary': [ADMIN],
  'POST /api/codesets/search-vocabulary': [ADMIN],
  'PATCH /api/codesets/search-vocabulary/:id': [ADMIN],

  // Charts: coders their assigned ones, supervisors their team's. Compliance reads clinical
  // content only through an investigation; the admin sees no patient data at all.
  'GET /api/charts': [CODER, SUPERVISOR],
  'GET /api/charts/:id': [CODER, SUPERVISOR],
  'GET /api/charts/:id/documents/:docId': [CODER, SUPERVISOR],
  // Break-the-glass is the supervisor's, for one chart outside their team (DESIGN: compliance uses investigations).
  'POST /api/break-glass': [SUPERVISOR],

  // Compliance: patient identifiers and access metadata, investigations, review queues, reports, exports, integrity.
  'GET /api/compliance/patients': [COMPLIANCE],
  'POST /api/investigations': [COMPLIANCE],
  'GET /api/compliance/charts/:id': [COMPLIANCE],
  'GET /api/compliance/charts/:id/documents/:docId': [COMPLIANCE],
  'GET /api/review-items': [COMPLIANCE],
  'GET /api/compliance/reports/:report': [COMPLIANCE],
  'GET /api/compliance/patient-search': [COMPLIANCE],
  'GET /api/compliance/user-search': [COMPLIANCE],
  'GET /api/compliance/exports/:report': [COMPLIANCE],
  'GET /api/compliance/export-manifests/:id': [COMPLIANCE],
  'POST /api/compliance/export-verifications': [COMPLIANCE],
  'GET /api/compliance/review-items': [COMPLIANCE],
  'GET /api/compliance/review-items/:id': [COMPLIANCE],
  'PATCH /api/compliance/review-items/:id': [COMPLIANCE],
  'POST /api/compliance/review-items/:id/notes': [COMPLIANCE],
  'GET /api/compliance/anomaly-rules': [COMPLIANCE],
  'PUT /api/compliance/anomaly-rules/:rule': [COMPLIANCE],
  'POST /api/compliance/anomaly-scans': [COMPLIANCE],
  'GET /api/compliance/dashboard': [COMPLIANCE],
  'POST /api/compliance/integrity/verifications': [COMPLIANCE],
  'GET /api/compliance/integrity/checkpoint': [COMPLIANCE],

  // Assignment and distribution are the supervisor's.
  'GET /api/worklist/board': [SUPERVISOR],
  'POST /api/worklist/assignments': [SUPERVISOR],
  'POST /api/worklist/unassignments': [SUPERVISOR],
  'POST /api/worklist/distribute': [SUPERVISOR],
  'PUT /api/worklist/team-settings': [SUPERVISOR],
  // The coder's own queue and the coding workspace: open, hold the lease, save, submit, ask the provider.
  'GET /api/worklist/queue': [CODER],
  'POST /api/worklist/next': [CODER],
  'POST /api/worklist/charts/:id/workspace': [CODER],
  'PUT /api/worklist/charts/:id/lease': [CODER],
  'DELETE /api/worklist/charts/:id/lease': [CODER],
  'POST /api/worklist/charts/:id/edit-data': [CODER],
  'PUT /api/worklist/charts/:id/codes': [CODER],
  'POST /api/worklist/charts/:id/submit': [CODER],
  'POST /api/worklist/charts/:id/queries': [CODER],
  // Open provider queries are relayed and answered through the supervisor.
  'GET /api/worklist/queries': [SUPERVISOR],
  'POST /api/worklist/queries/:queryId/answer': [SUPERVISOR],
  // Returning and completing charts, breaking a stale lease: supervision.
  'POST /api/worklist/charts/:id/return': [SUPERVISOR],
  'POST /api/worklist/charts/:id/complete': [SUPERVISOR],
  'POST /api/worklist/charts/:id/lease/break': [SUPERVISOR],

  // Quality audit: supervisors set sampling rates, draw samples and review; coders see and answer their own.
  'GET /api/quality/sampling/rules': [SUPERVISOR],
  'PUT /api/quality/sampling/rules': [SUPERVISOR],
  'POST /api/quality/sampling/runs': [SUPERVISOR],
  'GET /api/quality/sampling/runs/:id': [SUPERVISOR],
  'GET /api/quality/reviews': [SUPERVISOR],
  'POST /api/quality/reviews/retrospective': [SUPERVISOR],
  'GET /api/quality/reviews/:id': [SUPERVISOR],
  'PUT /api/quality/reviews/:id/correction': [SUPERVISOR],
  'POST /api/quality/reviews/:id/send': [SUPERVISOR],
  'POST /api/quality/reviews/:id/findings/:findingId/decision': [SUPERVISOR],
  'POST /api/quality/reviews/:id/close': [SUPERVISOR],
  'GET /api/quality/my/reviews': [CODER],
  'GET /api/quality/my/reviews/:id': [CODER],
  'POST /api/quality/reviews/:id/findings/:findingId/response': [CODER],
  'GET /api/quality/my/scorecard': [CODER],
  // Team productivity and accuracy: the supervisor watches their coders.
  'GET /api/quality/scorecards/coders/:id': [SUPERVISOR],
  'GET /api/quality/dashboard/team': [SUPERVISOR],
  'GET /api/quality/dashboard/team/scorecards.csv': [SUPERVISOR],

  // Administration: users, teams, imports. Never patient data, so never any route above.
  'POST /api/admin/fhir-import': [ADMIN],
  'GET /api/admin/users': [ADMIN],
  'GET /api/admin/users/:id': [ADMIN],
  'POST /api/admin/users': [ADMIN],
  'PATCH /api/admin/users/:id': [ADMIN],
  'POST /api/admin/users/:id/disable': [ADMIN],
  'POST /api/admin/users/:id/enable': [ADMIN],
  'POST /api/admin/users/:id/reset-mfa': [ADMIN],
  'POST /api/admin/users/:id/reset-password': [ADMIN],
  'POST /api/admin/users/:id/revoke-sessions': [ADMIN],
  // Separation of duties: a second administrator approves another's account change.
  'POST /api/admin/users/:id/approve': [ADMIN],
  'POST /api/admin/users/:id/reject': [ADMIN],
  'GET /api/admin/teams': [ADMIN],
  'POST /api/admin/teams': [ADMIN],
  'PATCH /api/admin/teams/:id': [ADMIN],
  'DELETE /api/admin/teams/:id': [ADMIN],
};
