import type { ChartAccessDecision, ChartAccessSubject } from '@chartdesk/api-access';
import type { ChartContentRow } from './chart-rows';
import { ageOn, projectChart, projectDocument } from './chart-projection';

const NOW = new Date('2026-06-01T12:00:00Z');

/** A content row as the database returns it, with a bit of everything a projection might leak. */
function row(): ChartContentRow {
  return {
    family_name: 'Demo',
    given_name: 'Pat',
    mrn: 'DM0100001',
    birth_date: '1958-06-02',
    sex: 'female',
    patient_payer: 'Medicare',
    facility: 'DEMO',
    encounter_number: 'E0100001',
    encounter_type: 'INPATIENT',
    admitted_at: new Date('2026-03-01T08:00:00Z'),
    discharged_at: new Date('2026-03-04T12:00:00Z'),
    service_date: null,
    providers: [{ role: 'ATND', name: 'Dr A', npi: '1234567893' }],
    discharge_disposition: 'Home',
    encounter_payer: 'Medicare',
    labels: [],
    coding_status: 'READY',
    version: 3,
    documents: [
      {
        id: 'd1',
        type: 'HISTORY_AND_PHYSICAL',
        title: 'H&P',
        author: 'Dr A',
        authoredAt: '2026-03-01T09:00:00Z',
        labels: [],
      },
      {
        id: 'd2',
        type: 'CONSULT',
        title: 'Psychiatry consult',
        author: 'Dr B',
        authoredAt: '2026-03-02T09:00:00Z',
        labels: ['BEHAVIORAL_HEALTH'],
      },
      {
        id: 'd3',
        type: 'CONSULT',
        title: 'Addiction consult',
        author: 'Dr C',
        authoredAt: '2026-03-02T10:00:00Z',
        labels: ['SUBSTANCE_USE_PART2'],
      },
    ],
    lists: [
      { kind: 'PROBLEM', text: 'Pneumonia', detail: null, labels: [] },
      { kind: 'PROBLEM', text: 'Depression', detail: null, labels: ['BEHAVIORAL_HEALTH'] },
    ],
  };
}

const subject = (over: Partial<ChartAccessSubject>): ChartAccessSubject => ({
  userId: 'u1',
  role: 'CODER',
  teamId: 't1',
  clearances: [],
  part2TrainedOn: null,
  linkedPatientIds: [],
  ...over,
});

type Allowed = Extract<ChartAccessDecision, { allowed: true }>;
const decision = (basis: Allowed['basis'], expiresAt: Date | null = null): Allowed => ({
  allowed: true,
  basis,
  purpose: 'purpose-id',
  expiresAt,
});

describe('projectChart (one snapshot per role and basis)', () => {
  it.each([
    [
      'coder cleared for everything on an assigned chart',
      subject({ clearances: ['BEHAVIORAL_HEALTH', 'SUBSTANCE_USE_PART2'], part2TrainedOn: new Date('2026-01-01') }),
      decision('ASSIGNMENT'),
    ],
    ['supervisor without clearances, team chart', subject({ role: 'SUPERVISOR' }), decision('TEAM')],
    [
      'supervisor under break-the-glass',
      subject({ role: 'SUPERVISOR', clearances: ['SUBSTANCE_USE_PART2'], part2TrainedOn: new Date('2026-01-01') }),
      decision('BREAK_GLASS', new Date('2026-06-01T13:00:00Z')),
    ],
    [
      'compliance under an investigation',
      subject({ role: 'COMPLIANCE' }),
      decision('INVESTIGATION', new Date('2026-06-01T16:00:00Z')),
    ],
  ] as [string, ChartAccessSubject, Allowed][])('%s', (_name, who, d) => {
    const view = projectChart('enc-1', who, d, row(), NOW);
    expect(view).toMatchSnapshot();
    expect(Object.keys(view.patient).sort()).toEqual(['ageAtService', 'mrn', 'name', 'payer', 'sex']);
  });
});

describe('projectDocument', () => {
  it('adds the Part 2 notice to a Part 2 document only', () => {
    const base = {
      id: 'd3',
      encounter_id: 'enc-1',
      doc_type: 'CONSULT' as const,
      title: 't',
      author_name: 'a',
      authored_at: new Date('2026-03-02T10:00:00Z'),
      body: '<script>x</script> as text',
    };
    expect(projectDocument({ ...base, labels: ['SUBSTANCE_USE_PART2'] }).part2Notice).toMatch(/42 CFR part 2/);
    const plain = projectDocument({ ...base, labels: [] });
    expect(plain.part2Notice).toBeNull();
    expect(plain.text).toBe('<script>x</script> as text');
  });
});

describe('ageOn', () => {
  it('counts whole years, the day before and on the birthday', () => {
    expect(ageOn('1958-06-02', '2026-06-01')).toBe(67);
    expect(ageOn('1958-06-02', '2026-06-02')).toBe(68);
  });
});
