import { DEFAULT_SAMPLING_RULE, type EncounterType, type SamplingRule } from '@chartdesk/contracts';
import { type SampleCandidate, allocateByStratum, drawKey, selectSample } from './sample-selection';

function population(n: number, type: EncounterType = 'OUTPATIENT', firstOrdinal = 100): SampleCandidate[] {
  return Array.from({ length: n }, (_, i) => ({
    encounterId: `00000000-0000-4000-8000-${String(i + firstOrdinal).padStart(12, '0')}`,
    encounterType: type,
    coderOrdinal: firstOrdinal + i,
  }));
}

const rule = (over: Partial<SamplingRule> = {}): SamplingRule => ({ ...DEFAULT_SAMPLING_RULE, ...over });
const selectedIds = (s: ReturnType<typeof selectSample>) =>
  s.decisions.filter((d) => d.selected).map((d) => d.encounterId);

describe('selectSample', () => {
  it.each([
    // [charts, rate, minimum, expected count]
    [100, 0.05, 0, 5],
    [30, 0.05, 0, 2],
    [20, 0.05, 0, 1],
    [19, 0.05, 0, 1],
    [3, 0.05, 2, 2],
    [3, 0.05, 5, 3],
    [0, 0.05, 1, 0],
    [40, 0.1, 1, 4],
    [40, 0, 0, 0],
    [40, 1, 0, 40],
  ])('%i charts at rate %d, minimum %i → exactly %i sampled', (n, rate, minimumPerPeriod, expected) => {
    const s = selectSample('seed-1', population(n), rule({ rate, minimumPerPeriod, newCoderCharts: 0 }));
    expect(selectedIds(s)).toHaveLength(expected);
    expect(s.decisions).toHaveLength(n);
  });

  it('is reproducible: the same seed and population give the same selection, whatever the input order', () => {
    const charts = population(200);
    const a = selectSample('abc123', charts, rule({ newCoderCharts: 0 }));
    const b = selectSample('abc123', [...charts].reverse(), rule({ newCoderCharts: 0 }));
    expect(selectedIds(b).sort()).toEqual(selectedIds(a).sort());
    expect(b.strata).toEqual(a.strata);
  });

  it('a different seed draws different charts, the same number of them', () => {
    const charts = population(200);
    const a = selectedIds(selectSample('seed-a', charts, rule({ newCoderCharts: 0 })));
    const b = selectedIds(selectSample('seed-b', charts, rule({ newCoderCharts: 0 })));
    expect(b).toHaveLength(a.length);
    expect(b.sort()).not.toEqual(a.sort());
  });

  it('takes the charts with the lowest draw keys', () => {
    const charts = population(40);
    const chosen = selectedIds(selectSample('k', charts, rule({ newCoderCharts: 0, rate: 0.1 })));
    const expected = charts
      .map((c) => ({ id: c.encounterId, key: drawKey('k', c.encounterId) }))
      .sort((x, y) => (x.key < y.key ? -1 : 1))
      .slice(0, 4)
      .map((x) => x.id);
    expect(chosen.sort()).toEqual(expected.sort());
  });

  it("samples all of a new coder's first N charts, then the rate", () => {
    const charts = population(30, 'OUTPATIENT', 1); // ordinals 1..30
    const s = selectSample('n', charts, rule({ newCoderCharts: 20, rate: 0.1, minimumPerPeriod: 0 }));
    const fresh = s.decisions.filter((d) => d.stratum === 'NEW_CODER');
    expect(fresh).toHaveLength(20);
    expect(fresh.every((d) => d.selected)).toBe(true);
    expect(s.strata).toEqual([
      { stratum: 'NEW_CODER', population: 20, selected: 20 },
      { stratum: 'OUTPATIENT', population: 10, selected: 1 },
    ]);
  });

  it('new-coder picks count towards the period minimum', () => {
    const charts = [...population(2, 'OUTPATIENT', 1), ...population(10, 'OUTPATIENT', 50)];
    const s = selectSample('m', charts, rule({ newCoderCharts: 2, rate: 0, minimumPerPeriod: 3 }));
    expect(selectedIds(s)).toHaveLength(3);
  });

  it('stratifies by encounter type in proportion, and the counts add up exactly', () => {
    const charts = [
      ...population(60, 'OUTPATIENT', 100),
      ...population(30, 'INPATIENT', 200),
      ...population(10, 'ED', 300),
    ];
    const s = selectSample('strata', charts, rule({ newCoderCharts: 0, rate: 0.1, minimumPerPeriod: 0 }));
    expect(s.strata).toEqual([
      { stratum: 'ED', population: 10, selected: 1 },
      { stratum: 'INPATIENT', population: 30, selected: 3 },
      { stratum: 'OUTPATIENT', population: 60, selected: 6 },
    ]);
    for (const d of s.decisions.filter((x) => x.selected)) {
      const type = charts.find((c) => c.encounterId === d.encounterId)?.encounterType;
      expect(d.stratum).toBe(type);
    }
  });

  it('without stratification everything is one ALL stratum', () => {
    const charts = [...population(5, 'OUTPATIENT', 100), ...population(5, 'ED', 200)];
    const s = selectSample('x', charts, rule({ newCoderCharts: 0, stratifyByEncounterType: false, rate: 0.5 }));
    expect(s.strata).toEqual([{ stratum: 'ALL', population: 10, selected: 5 }]);
  });
});

describe('allocateByStratum', () => {
  it.each([
    [{ A: 6, B: 3, C: 1 }, 1, { A: 1, B: 0, C: 0 }],
    [{ A: 6, B: 3, C: 1 }, 5, { A: 3, B: 2, C: 0 }],
    [{ A: 1, B: 1 }, 1, { A: 1, B: 0 }],
    [{ A: 2, B: 2, C: 2 }, 6, { A: 2, B: 2, C: 2 }],
    [{ A: 0, B: 4 }, 2, { A: 0, B: 2 }],
  ])('%j with %i picks → %j', (sizes, total, expected) => {
    const out = allocateByStratum(new Map(Object.entries(sizes) as never), total);
    expect(Object.fromEntries(out)).toEqual(expected);
  });
});
