import type { AccuracyView, ChartCodes } from '@chartdesk/contracts';

/** 0.8333 → "83.3 %"; null → "—". */
export function percent(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${(value * 100).toFixed(1)} %`;
}

export function accuracyText(a: AccuracyView | undefined): string {
  if (!a || a.accuracy === null) return 'not scored';
  return `${percent(a.accuracy)} (${a.errors} error${a.errors === 1 ? '' : 's'} in ${a.codes} codes)`;
}

/** An editable line of the corrected code set. */
export interface EditableLine {
  group: 'DIAGNOSIS' | 'PROCEDURE';
  system: 'ICD10CM' | 'ICD10PCS' | 'CPT' | 'HCPCS';
  code: string;
  poa: string;
  modifiers: string;
  units: number;
}

export function linesOf(codes: ChartCodes): EditableLine[] {
  return [
    ...codes.diagnoses.map(
      (d): EditableLine => ({
        group: 'DIAGNOSIS',
        system: 'ICD10CM',
        code: d.code,
        poa: d.poa ?? '',
        modifiers: '',
        units: 1,
      }),
    ),
    ...codes.procedures.map(
      (p): EditableLine => ({
        group: 'PROCEDURE',
        system: p.system,
        code: p.code,
        poa: '',
        modifiers: p.modifiers.join(' '),
        units: p.units,
      }),
    ),
  ];
}

/** Lines back to a code set: sequences follow the order on screen; codes lose dots and case. */
export function codesOf(lines: readonly EditableLine[]): ChartCodes {
  const clean = (code: string) => code.replace(/\./g, '').trim().toUpperCase();
  const dx = lines.filter((l) => l.group === 'DIAGNOSIS' && l.code.trim());
  const px = lines.filter((l) => l.group === 'PROCEDURE' && l.code.trim());
  return {
    diagnoses: dx.map((l, i) => ({ sequence: i + 1, code: clean(l.code), poa: l.poa.trim().toUpperCase() || null })),
    procedures: px.map((l, i) => ({
      sequence: i + 1,
      system: l.system === 'ICD10CM' ? 'ICD10PCS' : l.system,
      code: clean(l.code),
      modifiers: l.modifiers
        .split(/[\s,]+/)
        .map((m) => m.trim().toUpperCase())
        .filter(Boolean),
      units: Math.max(1, Math.floor(l.units || 1)),
      diagnosisPointers: dx.length > 0 ? [1] : [],
    })),
  };
}
