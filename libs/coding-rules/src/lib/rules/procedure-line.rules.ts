import type { EditProcedure, EditSource, MueFact } from '@chartdesk/contracts';
import { CHARTDESK_RULES_SOURCE, ptpKey } from '../edit-data';
import type { CodedLine, EditContext, EditRule } from './edit-context';

/** NCCI-associated modifiers that let a column 2 code be paid when the indicator is 1. */
export const PTP_BYPASS_MODIFIERS: readonly string[] = ['59', 'XE', 'XS', 'XP', 'XU'];

export interface ProcedureLine {
  readonly line: CodedLine & { readonly code: string };
  readonly input: EditProcedure;
}

/** CPT/HCPCS lines of a non-inpatient claim: the ones NCCI, MUE and pointers apply to. */
export function claimLines(context: EditContext): ProcedureLine[] {
  if (context.input.encounter.type === 'INPATIENT') return [];
  const lines: ProcedureLine[] = [];
  context.procedures.forEach((line, i) => {
    if (line.code && line.system !== 'ICD10PCS') {
      lines.push({ line: line as CodedLine & { code: string }, input: context.input.procedures[i] });
    }
  });
  return lines;
}

function hasBypassModifier(procedure: EditProcedure): boolean {
  return (procedure.modifiers ?? []).some((m) => PTP_BYPASS_MODIFIERS.includes(m.trim().toUpperCase()));
}

/** Column 1/column 2 pairs that should not be reported together on the same day. */
export const ncciPtpRule: EditRule = (context) => {
  const source = context.data.ptpSource;
  if (!source) return;
  const dos = context.input.encounter.dateOfService;
  const lines = claimLines(context);
  for (const first of lines) {
    for (const second of lines) {
      if (first === second || first.line.code === second.line.code) continue;
      const edit = context.data.ptp
        .get(ptpKey(first.line.code, second.line.code))
        ?.find((e) => e.effectiveFrom <= dos && (e.effectiveTo === null || dos <= e.effectiveTo));
      if (!edit || edit.modifierIndicator === 9) continue;
      const codes = [first.line.display, second.line.display];
      const evidence = `${source.name} ${source.release}: column 1 ${edit.column1}, column 2 ${edit.column2}, effective ${edit.effectiveFrom}, modifier indicator ${edit.modifierIndicator}`;
      const finding = { ruleId: 'NCCI_PTP', severity: 'ERROR', codes, source, basis: 'CMS', evidence } as const;
      if (edit.modifierIndicator === 0) {
        context.report({
          ...finding,
          message: `${second.line.display} is not payable with ${first.line.display} on the same day, with or without a modifier.`,
        });
      } else if (!hasBypassModifier(second.input) && !hasBypassModifier(first.input)) {
        context.report({
          ...finding,
          message: `${second.line.display} is bundled into ${first.line.display}: report it only for a distinct service, with modifier ${PTP_BYPASS_MODIFIERS.join('/')}.`,
        });
      }
    }
  }
};

function mueEvidence(source: EditSource, code: string, limit: MueFact): string {
  const rationale = limit.rationale ? `, rationale "${limit.rationale}"` : '';
  return `${source.name} ${source.release}: ${code} MUE ${limit.maxUnits}, MAI ${limit.adjudicationIndicator}${rationale}`;
}

/** Units above the medically unlikely limit: per line (MAI 1) or per day (MAI 2 and 3). */
export const mueRule: EditRule = (context) => {
  const source = context.data.mueSource;
  if (!source) return;
  const perDay = new Map<string, { display: string; units: number }>();
  for (const { line, input } of claimLines(context)) {
    const limit = context.data.mue.get(line.code);
    if (!limit) continue;
    const units = input.units ?? 1;
    if (limit.adjudicationIndicator === 1) {
      if (units > limit.maxUnits) {
        context.report({
          ruleId: 'MUE_EXCEEDED',
          severity: 'ERROR',
          message: `${line.display}: ${units} units on one line exceed the limit of ${limit.maxUnits}.`,
          codes: [line.display],
          source,
          basis: 'CMS',
          evidence: mueEvidence(source, line.code, limit),
        });
      }
      continue;
    }
    const total = perDay.get(line.code) ?? { display: line.display, units: 0 };
    perDay.set(line.code, { display: line.display, units: total.units + units });
  }
  for (const [code, total] of perDay) {
    const limit = context.data.mue.get(code);
    if (!limit || total.units <= limit.maxUnits) continue;
    // MAI 3 limits come from clinical data and may be exceeded with documentation.
    context.report({
      ruleId: 'MUE_EXCEEDED',
      severity: limit.adjudicationIndicator === 2 ? 'ERROR' : 'WARNING',
      message: `${total.display}: ${total.units} units on the date of service exceed the limit of ${limit.maxUnits}.`,
      codes: [total.display],
      source,
      basis: 'CMS',
      evidence: mueEvidence(source, code, limit),
    });
  }
};

/** Every CPT/HCPCS line must point at one or more of the claim's diagnoses. */
export const diagnosisPointerRule: EditRule = (context) => {
  const sequences = new Set(context.input.diagnoses.map((d) => d.sequence));
  for (const { line, input } of claimLines(context)) {
    const pointers = input.diagnosisPointers ?? [];
    const finding = {
      ruleId: 'MISSING_DIAGNOSIS_POINTER',
      severity: 'ERROR',
      codes: [line.display],
      source: CHARTDESK_RULES_SOURCE,
      basis: 'GUIDELINE',
      evidence: 'CMS-1500 item 24E / 837P SV107: each service line points at one to four of the claim diagnoses',
    } as const;
    if (pointers.length === 0) {
      context.report({
        ...finding,
        message: `${line.display} has no diagnosis pointer: link it to the diagnosis it treats.`,
      });
      continue;
    }
    const dangling = pointers.filter((p) => !sequences.has(p));
    if (dangling.length > 0) {
      context.report({
        ...finding,
        message: `${line.display} points at diagnosis ${dangling.join(', ')}, which is not on the claim.`,
      });
    }
  }
};
