import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_ANSWER_KEY, DemoChartGenerator, syntheticNpi } from './demo-chart-generator';
import { DEMO_SCENARIOS } from './demo-scenarios';

function ageOn(birthDate: string, onDate: string): number {
  const [by = 0, bm = 0, bd = 0] = birthDate.split('-').map(Number);
  const [sy = 0, sm = 0, sd = 0] = onDate.split('-').map(Number);
  return sy - by - (sm < bm || (sm === bm && sd < bd) ? 1 : 0);
}

const CODESETS = join(__dirname, '../../../../codesets/data');

function codesIn(file: string, pick: (line: string) => string): Set<string> {
  return new Set(readFileSync(join(CODESETS, file), 'latin1').split(/\r?\n/).filter(Boolean).map(pick));
}

describe('DemoChartGenerator', () => {
  it('is deterministic: the same index gives the same chart', () => {
    const a = new DemoChartGenerator().chart(7);
    const b = new DemoChartGenerator().chart(7);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(new DemoChartGenerator().chart(8))).not.toBe(JSON.stringify(a));
  });

  it('covers every scenario and every encounter type within one round', () => {
    const charts = [...new DemoChartGenerator().charts(DEMO_SCENARIOS.length)];
    expect(new Set(charts.map((c) => c.scenario)).size).toBe(DEMO_SCENARIOS.length);
    expect(new Set(charts.map((c) => c.encounter.type))).toEqual(new Set(['INPATIENT', 'OUTPATIENT', 'ED', 'PROFEE']));
  });

  it('uses never-issued SSNs, example.test e-mail, ages inside the scenario range, and unique MRNs', () => {
    const charts = [...new DemoChartGenerator().charts(200)];
    for (const c of charts) {
      expect(c.patient.ssn).toMatch(/^9\d{2}-\d{2}-\d{4}$/);
      expect(c.patient.email).toMatch(/@example\.test$/);
      const scenario = DEMO_SCENARIOS.find((s) => s.key === c.scenario);
      const start = c.encounter.serviceDate ?? c.encounter.admittedAt?.toISOString().slice(0, 10) ?? '';
      if (!scenario) throw new Error(`unknown scenario ${c.scenario}`);
      const age = ageOn(c.patient.birthDate, start);
      expect(age).toBeGreaterThanOrEqual(scenario.ageRange[0]);
      expect(age).toBeLessThanOrEqual(scenario.ageRange[1]);
    }
    expect(new Set(charts.map((c) => c.patient.mrn)).size).toBe(200);
  });

  it('gives NPIs a valid check digit', () => {
    expect(syntheticNpi('123456789')).toBe('1234567893');
  });

  it('answers only with codes that exist in the demo code subset', () => {
    const cm = codesIn('icd10cm_order_2026_demo.txt', (l) => l.slice(6, 13).trim());
    const pcs = codesIn('icd10pcs_order_2026_demo.txt', (l) => l.slice(6, 13).trim());
    const cpt = codesIn('cpt_demo_2026.csv', (l) => l.split(',')[0] ?? '');
    const hcpcs = codesIn('hcpcs_2025q4_demo.csv', (l) => (l.split(',')[0] ?? '').replace(/"/g, ''));
    const missing: string[] = [];
    for (const [key, a] of Object.entries(DEMO_ANSWER_KEY)) {
      a.icd10cm.forEach((c) => cm.has(c.code) || missing.push(`${key} ${c.code}`));
      a.icd10pcs.forEach((c) => pcs.has(c) || missing.push(`${key} ${c}`));
      a.procedures.forEach((c) => cpt.has(c) || missing.push(`${key} ${c}`));
      a.hcpcs.forEach((c) => hcpcs.has(c) || missing.push(`${key} ${c}`));
      expect(a.icd10cm.filter((c) => c.principal)).toHaveLength(1);
    }
    expect(missing).toEqual([]);
  });
});
