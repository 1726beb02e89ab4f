import { createHash } from 'node:crypto';
import type { EncounterType, SampleStratum, SampleStratumView, SamplingRule } from '@chartdesk/contracts';

/** One submitted chart in a sampling population. */
export interface SampleCandidate {
  readonly encounterId: string;
  readonly encounterType: EncounterType;
  /** 1-based: this is the coder's n-th submitted chart ever (first submissions only). */
  readonly coderOrdinal: number;
}

export interface SampleDecision {
  readonly encounterId: string;
  readonly stratum: SampleStratum;
  readonly selected: boolean;
  /** 1-based position in its stratum by hash; the lowest ranks are taken. */
  readonly rank: number;
}

export interface SampleSelection {
  readonly decisions: readonly SampleDecision[];
  readonly strata: readonly SampleStratumView[];
}

/**
 * The chart's place in the draw: a hash of (seed, chart id). Anyone holding the
 * seed can recompute it; nobody can steer it by choosing when to submit.
 */
export function drawKey(seed: string, encounterId: string): string {
  return createHash('sha256').update(`${seed}:${encounterId}`).digest('hex');
}

/** ceil that does not turn 0.05 × 20 = 1.0000000000000002 into 2. */
function ceilCount(rate: number, n: number): number {
  return Math.ceil(rate * n - 1e-9);
}

/**
 * Splits `total` picks over strata in proportion to their sizes, exactly
 * (largest remainder; ties to the larger stratum, then by name), so the
 * per-stratum counts always add up to the total.
 */
export function allocateByStratum(
  sizes: ReadonlyMap<SampleStratum, number>,
  total: number,
): Map<SampleStratum, number> {
  const population = [...sizes.values()].reduce((a, b) => a + b, 0);
  const out = new Map<SampleStratum, number>();
  if (population === 0 || total <= 0) {
    for (const s of sizes.keys()) out.set(s, 0);
    return out;
  }
  const shares = [...sizes.entries()].map(([stratum, size]) => {
    const exact = (total * size) / population;
    return { stratum, size, floor: Math.floor(exact + 1e-9), remainder: exact - Math.floor(exact + 1e-9) };
  });
  let left = total - shares.reduce((a, s) => a + s.floor, 0);
  const byRemainder = [...shares].sort(
    (a, b) => b.remainder - a.remainder || b.size - a.size || a.stratum.localeCompare(b.stratum),
  );
  for (const s of byRemainder) {
    if (left <= 0) break;
    if (s.floor < s.size) {
      s.floor += 1;
      left -= 1;
    }
  }
  for (const s of shares) out.set(s.stratum, s.floor);
  return out;
}

function pickLowest(seed: string, members: readonly SampleCandidate[], count: number, stratum: SampleStratum) {
  const ranked = members
    .map((c) => ({ c, key: drawKey(seed, c.encounterId) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.c.encounterId.localeCompare(b.c.encounterId)));
  return ranked.map(
    ({ c }, i): SampleDecision => ({ encounterId: c.encounterId, stratum, selected: i < count, rank: i + 1 }),
  );
}

/**
 * One coder's charts for one period. A new coder's first N charts form their
 * own pool at newCoderRate; the rest are split into strata (encounter type, or
 * one ALL stratum) and sampled at `rate`, rounded up, topped up to the period
 * minimum. The count is exact — ceil(rate × n), not a random inclusion factor
 * that only approaches the rate — and the same seed and population always give
 * the same selection.
 */
export function selectSample(
  seed: string,
  candidates: readonly SampleCandidate[],
  rule: SamplingRule,
): SampleSelection {
  const fresh = candidates.filter((c) => c.coderOrdinal <= rule.newCoderCharts);
  const seasoned = candidates.filter((c) => c.coderOrdinal > rule.newCoderCharts);
  const freshCount = ceilCount(rule.newCoderRate, fresh.length);
  const decisions: SampleDecision[] = fresh.length > 0 ? pickLowest(seed, fresh, freshCount, 'NEW_CODER') : [];
  const strata: SampleStratumView[] =
    fresh.length > 0 ? [{ stratum: 'NEW_CODER', population: fresh.length, selected: freshCount }] : [];

  const groups = new Map<SampleStratum, SampleCandidate[]>();
  for (const c of seasoned) {
    const key: SampleStratum = rule.stratifyByEncounterType ? c.encounterType : 'ALL';
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const target = Math.min(
    seasoned.length,
    Math.max(ceilCount(rule.rate, seasoned.length), rule.minimumPerPeriod - freshCount),
  );
  const sizes = new Map([...groups.entries()].map(([k, v]) => [k, v.length] as const));
  const quota = allocateByStratum(sizes, target);
  for (const stratum of [...groups.keys()].sort()) {
    const members = groups.get(stratum) ?? [];
    const count = quota.get(stratum) ?? 0;
    decisions.push(...pickLowest(seed, members, count, stratum));
    strata.push({ stratum, population: members.length, selected: count });
  }
  return { decisions, strata };
}

/** A new random seed for a sampling run: 128 bits, hex. */
export function newSeed(random: (size: number) => Buffer): string {
  return random(16).toString('hex');
}
