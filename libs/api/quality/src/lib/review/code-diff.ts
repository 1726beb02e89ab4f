import type {
  ChartCodes,
  CodeDifference,
  CodeGroup,
  CodedDiagnosis,
  CodedProcedure,
  FindingKind,
  ReasonCategory,
} from '@chartdesk/contracts';

/** A line of either group reduced to what the diff compares. */
interface Line {
  /** What makes two lines "the same code": the code (diagnoses) or system + code (procedures). */
  readonly id: string;
  readonly label: string;
  readonly sequence: number;
  /** Codes in the same category (first three characters, same system) pair up as CHANGED. */
  readonly family: string;
  readonly poa: string | null;
  readonly modifiers: readonly string[];
  readonly units: number;
}

const SUGGESTED_REASON: Readonly<Record<FindingKind, ReasonCategory>> = {
  PRINCIPAL_CHANGED: 'SEQUENCING',
  ADDED: 'DOCUMENTATION',
  DELETED: 'DOCUMENTATION',
  CHANGED: 'SPECIFICITY',
  RESEQUENCED: 'SEQUENCING',
  POA_CHANGED: 'DOCUMENTATION',
  MODIFIER_CHANGED: 'GUIDELINE',
  UNITS_CHANGED: 'GUIDELINE',
};

/** Errors per finding; a changed principal diagnosis counts double, as the worksheet convention has it. */
export const FINDING_WEIGHT: Readonly<Record<FindingKind, number>> = {
  PRINCIPAL_CHANGED: 2,
  ADDED: 1,
  DELETED: 1,
  CHANGED: 1,
  RESEQUENCED: 1,
  POA_CHANGED: 1,
  MODIFIER_CHANGED: 1,
  UNITS_CHANGED: 1,
};

function diagnosisLine(d: CodedDiagnosis): Line {
  return {
    id: d.code,
    label: d.code,
    sequence: d.sequence,
    family: d.code.slice(0, 3),
    poa: d.poa,
    modifiers: [],
    units: 1,
  };
}

function procedureLine(p: CodedProcedure): Line {
  const id = `${p.system} ${p.code}`;
  return {
    id,
    label: id,
    sequence: p.sequence,
    family: `${p.system} ${p.code.slice(0, 3)}`,
    poa: null,
    modifiers: p.modifiers,
    units: p.units,
  };
}

function bySequence<T extends { sequence: number }>(lines: readonly T[]): T[] {
  return [...lines].sort((a, b) => a.sequence - b.sequence);
}

/** Longest common subsequence of two id lists (small lists: the O(n·m) table is fine). Indexes kept in `a`. */
function lcs(a: readonly string[], b: readonly string[]): Set<number> {
  const width = b.length + 1;
  const table = new Array<number>((a.length + 1) * width).fill(0);
  const at = (i: number, j: number) => table[i * width + j] ?? 0;
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i * width + j] = a[i] === b[j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
    }
  }
  const keptInA = new Set<number>();
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      keptInA.add(i);
      i++;
      j++;
    } else if (at(i + 1, j) >= at(i, j + 1)) i++;
    else j++;
  }
  return keptInA;
}

/** Numbers repeated ids (`I10`, `I10#2`) so a code listed twice matches occurrence by occurrence. */
function occurrences(lines: readonly Line[]): { line: Line; key: string }[] {
  const seen = new Map<string, number>();
  return lines.map((line) => {
    const n = (seen.get(line.id) ?? 0) + 1;
    seen.set(line.id, n);
    return { line, key: n === 1 ? line.id : `${line.id}#${n}` };
  });
}

function difference(
  group: CodeGroup,
  kind: FindingKind,
  before: Line | null,
  after: Line | null,
  detail: string,
): CodeDifference {
  const prefix = group === 'DIAGNOSIS' ? 'DX' : 'PX';
  return {
    key: `${prefix}:${kind}:${before?.label ?? '-'}>${after?.label ?? '-'}`,
    group,
    kind,
    before: before?.label ?? null,
    after: after?.label ?? null,
    detail,
    weight: FINDING_WEIGHT[kind],
    suggestedReason: SUGGESTED_REASON[kind],
  };
}

const list = (values: readonly string[]) => (values.length ? values.join(', ') : 'none');

/**
 * Differences of one group. Matching codes are compared field by field; the
 * relative order of the matches is compared through their longest common
 * subsequence, so deleting line 2 does not mark every later line resequenced.
 * Unmatched codes of the same category pair up as CHANGED (E11.9 → E11.65);
 * what is left is DELETED or ADDED.
 */
function diffLines(group: CodeGroup, submitted: readonly Line[], corrected: readonly Line[]): CodeDifference[] {
  const out: CodeDifference[] = [];
  const before = occurrences(submitted);
  const after = occurrences(corrected);
  const afterKeys = new Set(after.map((x) => x.key));
  const beforeKeys = new Set(before.map((x) => x.key));
  const matchedBefore = before.filter((x) => afterKeys.has(x.key));
  const matchedAfter = after.filter((x) => beforeKeys.has(x.key));
  const inOrder = lcs(
    matchedBefore.map((x) => x.key),
    matchedAfter.map((x) => x.key),
  );
  matchedBefore.forEach((b, index) => {
    const a = after.find((x) => x.key === b.key);
    if (!a) return;
    if (!inOrder.has(index)) {
      out.push(difference(group, 'RESEQUENCED', b.line, a.line, `sequence ${b.line.sequence} → ${a.line.sequence}`));
    }
    if (group === 'DIAGNOSIS' && (b.line.poa ?? '') !== (a.line.poa ?? '')) {
      out.push(
        difference(group, 'POA_CHANGED', b.line, a.line, `POA ${b.line.poa ?? 'blank'} → ${a.line.poa ?? 'blank'}`),
      );
    }
    if (list([...b.line.modifiers].sort()) !== list([...a.line.modifiers].sort())) {
      const detail = `modifiers ${list(b.line.modifiers)} → ${list(a.line.modifiers)}`;
      out.push(difference(group, 'MODIFIER_CHANGED', b.line, a.line, detail));
    }
    if (b.line.units !== a.line.units) {
      out.push(difference(group, 'UNITS_CHANGED', b.line, a.line, `units ${b.line.units} → ${a.line.units}`));
    }
  });
  const removed = before.filter((x) => !afterKeys.has(x.key)).map((x) => x.line);
  const added = after.filter((x) => !beforeKeys.has(x.key)).map((x) => x.line);
  for (const gone of removed) {
    const index = added.findIndex((x) => x.family === gone.family);
    const replacement = index >= 0 ? added.splice(index, 1)[0] : undefined;
    if (replacement) {
      out.push(difference(group, 'CHANGED', gone, replacement, `${gone.label} → ${replacement.label}`));
    } else {
      out.push(difference(group, 'DELETED', gone, null, `${gone.label} removed`));
    }
  }
  for (const extra of added) out.push(difference(group, 'ADDED', null, extra, `${extra.label} added`));
  return out;
}

/**
 * The code-by-code differences between what the coder submitted and the
 * auditor's corrected set. When the principal diagnosis differs, that is one
 * PRINCIPAL_CHANGED finding (two errors) and both codes leave the rest of the
 * comparison, so a swap of principal and secondary is not also counted as
 * resequencing, deletion or addition.
 */
export function diffCodeSets(submitted: ChartCodes, corrected: ChartCodes): CodeDifference[] {
  const dxBefore = bySequence(submitted.diagnoses).map(diagnosisLine);
  const dxAfter = bySequence(corrected.diagnoses).map(diagnosisLine);
  const out: CodeDifference[] = [];
  const principalBefore = dxBefore[0];
  const principalAfter = dxAfter[0];
  let restBefore = dxBefore;
  let restAfter = dxAfter;
  if (principalBefore && principalAfter && principalBefore.id !== principalAfter.id) {
    out.push(
      difference(
        'DIAGNOSIS',
        'PRINCIPAL_CHANGED',
        principalBefore,
        principalAfter,
        `principal ${principalBefore.label} → ${principalAfter.label}`,
      ),
    );
    const involved = new Set([principalBefore.id, principalAfter.id]);
    restBefore = dxBefore.filter((l) => !involved.has(l.id));
    restAfter = dxAfter.filter((l) => !involved.has(l.id));
  }
  out.push(...diffLines('DIAGNOSIS', restBefore, restAfter));
  out.push(
    ...diffLines(
      'PROCEDURE',
      bySequence(submitted.procedures).map(procedureLine),
      bySequence(corrected.procedures).map(procedureLine),
    ),
  );
  return out;
}

/**
 * Code positions reviewed in one group, the denominator of the accuracy: every
 * code in the corrected set plus every submitted code that should not have been
 * there at all (a replaced code, principal or not, holds one position).
 */
export function reviewedPositions(
  group: CodeGroup,
  corrected: ChartCodes,
  differences: readonly CodeDifference[],
): number {
  const inCorrected = group === 'DIAGNOSIS' ? corrected.diagnoses.length : corrected.procedures.length;
  return inCorrected + differences.filter((d) => d.group === group && d.kind === 'DELETED').length;
}
