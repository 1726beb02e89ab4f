import type { ChartAccessFacts } from '@chartdesk/api-access';
import type { SensitivityLabel } from '@chartdesk/contracts';
import { type DistributableChart, type DistributableCoder, planDistribution } from './distribution-plan';

const NOW = new Date('2026-06-01T12:00:00Z');

function chart(id: string, over: Partial<ChartAccessFacts> = {}, type: DistributableChart['type'] = 'OUTPATIENT') {
  const facts: ChartAccessFacts = {
    encounterId: id,
    patientId: `pat-${id}`,
    encounterLabels: [],
    documentLabels: [],
    patientIsVip: false,
    patientIsEmployee: false,
    assignment: null,
    breakGlassGrant: null,
    investigation: null,
    ...over,
  };
  return { facts, type };
}

function coder(id: string, over: Partial<DistributableCoder> = {}): DistributableCoder {
  return {
    id,
    role: 'CODER',
    teamId: 't1',
    clearances: [],
    part2TrainingDate: null,
    linkedPatientIds: [],
    specialties: ['OUTPATIENT', 'INPATIENT'],
    openItems: 0,
    ...over,
  };
}

const assigned = (plan: { coderId: string | null }[]) => plan.map((p) => p.coderId);

describe('planDistribution', () => {
  it('deals charts round-robin', () => {
    const plan = planDistribution([chart('a'), chart('b'), chart('c')], [coder('x'), coder('y')], 10, NOW);
    expect(assigned(plan)).toEqual(['x', 'y', 'x']);
  });

  it('never gives a chart to a coder without the clearance', () => {
    const labels: SensitivityLabel[] = ['HIV_STI'];
    const plan = planDistribution(
      [chart('a', { documentLabels: labels }), chart('b', { documentLabels: labels })],
      [coder('x'), coder('y', { clearances: labels })],
      10,
      NOW,
    );
    expect(assigned(plan)).toEqual(['y', 'y']);
  });

  it('never gives a coder their own record', () => {
    const plan = planDistribution([chart('a')], [coder('x', { linkedPatientIds: ['pat-a'] }), coder('y')], 10, NOW);
    expect(assigned(plan)).toEqual(['y']);
  });

  it('respects specialty and capacity, leaving the rest in the pool', () => {
    const plan = planDistribution(
      [chart('a', {}, 'ED'), chart('b'), chart('c')],
      [coder('x', { openItems: 1 }), coder('y', { specialties: ['INPATIENT'] })],
      2,
      NOW,
    );
    expect(assigned(plan)).toEqual([null, 'x', null]);
  });

  it('leaves a Part 2 chart for a trained coder only', () => {
    const part2: SensitivityLabel[] = ['SUBSTANCE_USE_PART2'];
    const plan = planDistribution(
      [chart('a', { encounterLabels: part2 })],
      [coder('x', { clearances: part2 }), coder('y', { clearances: part2, part2TrainingDate: '2026-01-01' })],
      10,
      NOW,
    );
    expect(assigned(plan)).toEqual(['y']);
  });
});
