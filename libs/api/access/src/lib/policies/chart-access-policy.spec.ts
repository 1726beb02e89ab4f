import type { SensitivityLabel } from '@chartdesk/contracts';
import type { ChartAccessFacts, ChartAccessSubject } from './chart-access-facts';
import { ChartAccessPolicy } from './chart-access-policy';

const NOW = new Date('2026-06-01T12:00:00Z');
const LATER = new Date('2026-06-01T13:00:00Z');
const EARLIER = new Date('2026-06-01T11:00:00Z');
const TEAM = 'team-a';

function subject(over: Partial<ChartAccessSubject> = {}): ChartAccessSubject {
  return {
    userId: 'me',
    role: 'CODER',
    teamId: TEAM,
    clearances: [],
    part2TrainedOn: null,
    linkedPatientIds: [],
    ...over,
  };
}

function chart(over: Partial<ChartAccessFacts> = {}): ChartAccessFacts {
  return {
    encounterId: 'enc-1',
    patientId: 'pat-1',
    encounterLabels: [],
    documentLabels: [],
    patientIsVip: false,
    patientIsEmployee: false,
    assignment: { id: 'asg-1', coderId: 'me', coderTeamId: TEAM },
    breakGlassGrant: null,
    investigation: null,
    ...over,
  };
}

const otherCoders = { id: 'asg-2', coderId: 'someone-else', coderTeamId: TEAM };
const otherTeams = { id: 'asg-3', coderId: 'someone-else', coderTeamId: 'team-b' };
const grant = { id: 'btg-1', expiresAt: LATER };
const expiredGrant = { id: 'btg-0', expiresAt: EARLIER };
const investigation = { id: 'inv-1', expiresAt: LATER };
const trained = { clearances: ['SUBSTANCE_USE_PART2'] as SensitivityLabel[], part2TrainedOn: new Date('2026-01-10') };

type Row = [string, Partial<ChartAccessSubject>, Partial<ChartAccessFacts>, string];

/** [case, subject, chart, expected: basis when allowed, else the deny reason]. */
const TABLE: Row[] = [
  // coder
  ['coder, assigned, no labels', {}, {}, 'ASSIGNMENT'],
  ["coder, another coder's chart", {}, { assignment: otherCoders }, 'NOT_ASSIGNED'],
  ['coder, unassigned chart', {}, { assignment: null }, 'NOT_ASSIGNED'],
  ['coder, assigned, encounter label above clearance', {}, { encounterLabels: ['HIV_STI'] }, 'ABOVE_CLEARANCE'],
  ['coder, assigned, document label above clearance', {}, { documentLabels: ['BEHAVIORAL_HEALTH'] }, 'ABOVE_CLEARANCE'],
  ['coder, assigned, label covered', { clearances: ['HIV_STI'] }, { documentLabels: ['HIV_STI'] }, 'ASSIGNMENT'],
  ['coder, assigned, VIP patient without VIP clearance', {}, { patientIsVip: true }, 'ABOVE_CLEARANCE'],
  ['coder, assigned, VIP patient with VIP clearance', { clearances: ['VIP'] }, { patientIsVip: true }, 'ASSIGNMENT'],
  ['coder, assigned, employee patient', {}, { patientIsEmployee: true }, 'ABOVE_CLEARANCE'],
  ['coder, own record', { linkedPatientIds: ['pat-1'] }, {}, 'OWN_OR_RELATIVE_RECORD'],
  [
    'coder, own record even with every clearance',
    { linkedPatientIds: ['pat-1'], clearances: ['EMPLOYEE'] },
    { patientIsEmployee: true },
    'OWN_OR_RELATIVE_RECORD',
  ],
  ['coder, Part 2 without clearance', {}, { documentLabels: ['SUBSTANCE_USE_PART2'] }, 'PART2_NOT_AUTHORIZED'],
  [
    'coder, Part 2 clearance but no training date',
    { clearances: ['SUBSTANCE_USE_PART2'] },
    { documentLabels: ['SUBSTANCE_USE_PART2'] },
    'PART2_NOT_AUTHORIZED',
  ],
  [
    'coder, Part 2 training dated in the future',
    { ...trained, part2TrainedOn: new Date('2027-01-01') },
    { documentLabels: ['SUBSTANCE_USE_PART2'] },
    'PART2_NOT_AUTHORIZED',
  ],
  ['coder, Part 2 clearance and training', trained, { documentLabels: ['SUBSTANCE_USE_PART2'] }, 'ASSIGNMENT'],
  [
    'coder, a break-the-glass grant does not help a coder',
    {},
    { assignment: null, breakGlassGrant: grant },
    'NOT_ASSIGNED',
  ],
  ['coder, an investigation does not help a coder', {}, { assignment: null, investigation }, 'NOT_ASSIGNED'],
  // supervisor
  ["supervisor, team coder's chart", { role: 'SUPERVISOR', userId: 'sup' }, { assignment: otherCoders }, 'TEAM'],
  ['supervisor, unassigned pool', { role: 'SUPERVISOR', userId: 'sup' }, { assignment: null }, 'UNASSIGNED_POOL'],
  [
    "supervisor, another team's chart",
    { role: 'SUPERVISOR', userId: 'sup' },
    { assignment: otherTeams },
    'NOT_IN_SCOPE',
  ],
  [
    'supervisor without a team, assigned chart',
    { role: 'SUPERVISOR', userId: 'sup', teamId: null },
    { assignment: { ...otherTeams, coderTeamId: null } },
    'NOT_IN_SCOPE',
  ],
  [
    "supervisor, another team's chart with a live grant",
    { role: 'SUPERVISOR', userId: 'sup' },
    { assignment: otherTeams, breakGlassGrant: grant },
    'BREAK_GLASS',
  ],
  [
    "supervisor, another team's chart with an expired grant",
    { role: 'SUPERVISOR', userId: 'sup' },
    { assignment: otherTeams, breakGlassGrant: expiredGrant },
    'NOT_IN_SCOPE',
  ],
  [
    'supervisor, team chart with an encounter label above clearance',
    { role: 'SUPERVISOR', userId: 'sup' },
    { assignment: otherCoders, encounterLabels: ['BEHAVIORAL_HEALTH'] },
    'ABOVE_CLEARANCE',
  ],
  [
    'supervisor, team chart with only a document above clearance (document withheld, chart open)',
    { role: 'SUPERVISOR', userId: 'sup' },
    { assignment: otherCoders, documentLabels: ['BEHAVIORAL_HEALTH'] },
    'TEAM',
  ],
  [
    'supervisor, grant on a Part 2 encounter',
    { role: 'SUPERVISOR', userId: 'sup' },
    { assignment: otherTeams, encounterLabels: ['SUBSTANCE_USE_PART2'], breakGlassGrant: grant },
    'PART2_NEVER_BREAK_GLASS',
  ],
  [
    'supervisor, own record in the pool',
    { role: 'SUPERVISOR', userId: 'sup', linkedPatientIds: ['pat-1'] },
    { assignment: null, breakGlassGrant: grant },
    'OWN_OR_RELATIVE_RECORD',
  ],
  [
    'supervisor, an investigation does not help a supervisor',
    { role: 'SUPERVISOR', userId: 'sup' },
    { assignment: otherTeams, investigation },
    'NOT_IN_SCOPE',
  ],
  // compliance
  ['compliance, no investigation', { role: 'COMPLIANCE', teamId: null }, { assignment: null }, 'NO_INVESTIGATION'],
  ['compliance, open investigation', { role: 'COMPLIANCE', teamId: null }, { investigation }, 'INVESTIGATION'],
  [
    'compliance, expired investigation',
    { role: 'COMPLIANCE', teamId: null },
    { investigation: { id: 'inv-0', expiresAt: EARLIER } },
    'NO_INVESTIGATION',
  ],
  ['compliance, live grant', { role: 'COMPLIANCE', teamId: null }, { breakGlassGrant: grant }, 'BREAK_GLASS'],
  [
    'compliance, investigation on own record',
    { role: 'COMPLIANCE', teamId: null, linkedPatientIds: ['pat-1'] },
    { investigation },
    'OWN_OR_RELATIVE_RECORD',
  ],
  // admin
  ['admin, anything', { role: 'ADMIN', teamId: null }, { assignment: null }, 'ROLE_HAS_NO_PATIENT_ACCESS'],
  [
    'admin, even with a grant and every clearance',
    { role: 'ADMIN', clearances: ['VIP', 'HIV_STI'] },
    { breakGlassGrant: grant, investigation },
    'ROLE_HAS_NO_PATIENT_ACCESS',
  ],
];

describe('ChartAccessPolicy.canOpen (decision table)', () => {
  it.each(TABLE)('%s', (_name, s, c, expected) => {
    const decision = ChartAccessPolicy.canOpen(subject(s), chart(c), NOW);
    expect(decision.allowed ? decision.basis : decision.reason).toBe(expected);
  });

  it('gives the assignment id as purpose to an assigned coder', () => {
    expect(ChartAccessPolicy.canOpen(subject(), chart(), NOW)).toEqual({
      allowed: true,
      basis: 'ASSIGNMENT',
      purpose: 'asg-1',
      expiresAt: null,
    });
  });

  it('gives the grant id and its expiry under break-the-glass', () => {
    const decision = ChartAccessPolicy.canOpen(
      subject({ role: 'SUPERVISOR' }),
      chart({ assignment: otherTeams, breakGlassGrant: grant }),
      NOW,
    );
    expect(decision).toEqual({ allowed: true, basis: 'BREAK_GLASS', purpose: 'btg-1', expiresAt: LATER });
  });
});

type DocRow = [string, Partial<ChartAccessSubject>, Partial<ChartAccessFacts>, SensitivityLabel[], string];

const DOCUMENTS: DocRow[] = [
  ['coder, unlabelled document', {}, {}, [], 'VISIBLE'],
  ['coder with the clearance', { clearances: ['HIV_STI'] }, { documentLabels: ['HIV_STI'] }, ['HIV_STI'], 'VISIBLE'],
  [
    'team supervisor without the clearance',
    { role: 'SUPERVISOR' },
    { assignment: otherCoders },
    ['GENETIC'],
    'WITHHELD',
  ],
  [
    'team supervisor with the clearance',
    { role: 'SUPERVISOR', clearances: ['GENETIC'] },
    { assignment: otherCoders },
    ['GENETIC'],
    'VISIBLE',
  ],
  [
    'break-the-glass reaches a behavioural-health note',
    { role: 'SUPERVISOR' },
    { assignment: otherTeams, breakGlassGrant: grant },
    ['BEHAVIORAL_HEALTH'],
    'VISIBLE',
  ],
  [
    'break-the-glass never reaches Part 2, even for a trained reader',
    { role: 'SUPERVISOR', ...trained },
    { assignment: otherTeams, breakGlassGrant: grant },
    ['SUBSTANCE_USE_PART2'],
    'WITHHELD',
  ],
  [
    'investigation without Part 2 authorization',
    { role: 'COMPLIANCE' },
    { investigation },
    ['SUBSTANCE_USE_PART2'],
    'WITHHELD',
  ],
  [
    'investigation with Part 2 authorization',
    { role: 'COMPLIANCE', ...trained },
    { investigation },
    ['SUBSTANCE_USE_PART2'],
    'VISIBLE',
  ],
  ['investigation reaches other labels', { role: 'COMPLIANCE' }, { investigation }, ['HIV_STI'], 'VISIBLE'],
  [
    'team supervisor with Part 2 clearance but no training',
    { role: 'SUPERVISOR', clearances: ['SUBSTANCE_USE_PART2'] },
    { assignment: otherCoders },
    ['SUBSTANCE_USE_PART2'],
    'WITHHELD',
  ],
];

describe('ChartAccessPolicy.documentVisibility (decision table)', () => {
  it.each(DOCUMENTS)('%s', (_name, s, c, labels, expected) => {
    const sub = subject(s);
    const decision = ChartAccessPolicy.canOpen(sub, chart(c), NOW);
    expect(decision.allowed).toBe(true);
    expect(ChartAccessPolicy.documentVisibility(sub, decision, labels, NOW)).toBe(expected);
  });

  it('withholds everything on a denied decision', () => {
    const sub = subject();
    const decision = ChartAccessPolicy.canOpen(sub, chart({ assignment: null }), NOW);
    expect(ChartAccessPolicy.documentVisibility(sub, decision, [], NOW)).toBe('WITHHELD');
  });
});

describe('ChartAccessPolicy.canBreakGlass', () => {
  it.each([
    ['supervisor', { role: 'SUPERVISOR' }, {}, 'BREAK_GLASS'],
    ['compliance', { role: 'COMPLIANCE' }, {}, 'BREAK_GLASS'],
    ['coder', { role: 'CODER' }, {}, 'ROLE_HAS_NO_PATIENT_ACCESS'],
    ['admin', { role: 'ADMIN' }, {}, 'ROLE_HAS_NO_PATIENT_ACCESS'],
    [
      'Part 2 encounter',
      { role: 'SUPERVISOR' },
      { encounterLabels: ['SUBSTANCE_USE_PART2'] },
      'PART2_NEVER_BREAK_GLASS',
    ],
    ['own record', { role: 'SUPERVISOR', linkedPatientIds: ['pat-1'] }, {}, 'OWN_OR_RELATIVE_RECORD'],
  ] as [string, Partial<ChartAccessSubject>, Partial<ChartAccessFacts>, string][])('%s', (_n, s, c, expected) => {
    const decision = ChartAccessPolicy.canBreakGlass(subject(s), chart(c));
    expect(decision.allowed ? decision.basis : decision.reason).toBe(expected);
  });
});

describe('ChartAccessPolicy.canInvestigate', () => {
  it('lets compliance investigate, never their own record, and nobody else', () => {
    expect(ChartAccessPolicy.canInvestigate(subject({ role: 'COMPLIANCE' }), 'pat-1')).toBeNull();
    expect(
      ChartAccessPolicy.canInvestigate(subject({ role: 'COMPLIANCE', linkedPatientIds: ['pat-1'] }), 'pat-1'),
    ).toBe('OWN_OR_RELATIVE_RECORD');
    expect(ChartAccessPolicy.canInvestigate(subject({ role: 'SUPERVISOR' }), 'pat-1')).toBe(
      'ROLE_HAS_NO_PATIENT_ACCESS',
    );
  });
});
