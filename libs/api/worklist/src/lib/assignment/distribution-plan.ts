import { type ChartAccessFacts, ChartAccessPolicy } from '@chartdesk/api-access';
import type { EncounterType, Specialty } from '@chartdesk/contracts';
import { type CoderFacts, factsIfAssignedTo, subjectOfCoder } from '../access/chart-facts';

export interface DistributableChart {
  readonly facts: ChartAccessFacts;
  readonly type: EncounterType;
}

export interface DistributableCoder extends CoderFacts {
  readonly specialties: readonly Specialty[];
  readonly openItems: number;
}

export interface PlannedAssignment {
  readonly encounterId: string;
  readonly coderId: string | null;
}

/** May this coder be given this chart? The policy's own answer, as if they held it already. */
export function coderMayTake(coder: CoderFacts, facts: ChartAccessFacts, now: Date): boolean {
  return ChartAccessPolicy.canOpen(subjectOfCoder(coder), factsIfAssignedTo(facts, coder), now).allowed;
}

/**
 * Round-robin over the team: each chart (already in priority order) goes to the
 * next coder after the last one served who has the specialty, may open it and
 * is under capacity. A chart nobody may take stays in the pool.
 */
export function planDistribution(
  charts: readonly DistributableChart[],
  coders: readonly DistributableCoder[],
  capacity: number,
  now: Date,
): PlannedAssignment[] {
  const load = new Map(coders.map((c) => [c.id, c.openItems]));
  let cursor = 0;
  return charts.map((chart) => {
    for (let step = 0; step < coders.length; step++) {
      const index = (cursor + step) % coders.length;
      const coder = coders[index];
      if (!coder || !coder.specialties.includes(chart.type)) continue;
      if ((load.get(coder.id) ?? 0) >= capacity) continue;
      if (!coderMayTake(coder, chart.facts, now)) continue;
      load.set(coder.id, (load.get(coder.id) ?? 0) + 1);
      cursor = index + 1;
      return { encounterId: chart.facts.encounterId, coderId: coder.id };
    }
    return { encounterId: chart.facts.encounterId, coderId: null };
  });
}
