import type {
  CodeSystem,
  EditBasis,
  EditFinding,
  EditInput,
  EditRuleId,
  EditSeverity,
  EditSource,
} from '@chartdesk/contracts';
import { displayCode, normalizeCode } from '../code-format';
import type { CompiledEditData } from '../edit-data';

/** A diagnosis or procedure with its code normalized once for every rule. */
export interface CodedLine {
  readonly kind: 'diagnosis' | 'procedure';
  readonly index: number;
  readonly system: CodeSystem;
  /** Normalized code, or undefined when the text cannot be a code at all. */
  readonly code: string | undefined;
  /** What the coder entered, for messages about unreadable codes. */
  readonly entered: string;
  readonly display: string;
}

export interface EditContext {
  readonly input: EditInput;
  readonly data: CompiledEditData;
  readonly diagnoses: readonly CodedLine[];
  readonly procedures: readonly CodedLine[];
  /** The principal (inpatient) or first-listed diagnosis: the lowest sequence. */
  readonly principalIndex: number | undefined;
  report(finding: FindingDraft): void;
}

/** What a rule reports: the rule, why (basis, evidence) and from which release. */
export interface FindingDraft {
  readonly ruleId: EditRuleId;
  readonly severity: EditSeverity;
  readonly message: string;
  readonly codes: readonly string[];
  readonly source: EditSource;
  readonly basis: EditBasis;
  readonly evidence: string;
}

/** A heuristic never blocks submit: whatever the rule's usual severity, it warns. */
export function severityFor(basis: EditBasis, usual: EditSeverity): EditSeverity {
  return basis === 'HEURISTIC' ? 'WARNING' : usual;
}

export type EditRule = (context: EditContext) => void;

export function codedLine(kind: CodedLine['kind'], index: number, system: CodeSystem, entered: string): CodedLine {
  const code = normalizeCode(entered);
  return { kind, index, system, code, entered, display: code ? displayCode(system, code) : entered.trim() };
}

export function createContext(input: EditInput, data: CompiledEditData, findings: EditFinding[]): EditContext {
  const diagnoses = input.diagnoses.map((d, i) => codedLine('diagnosis', i, 'ICD10CM', d.code));
  const procedures = input.procedures.map((p, i) => codedLine('procedure', i, p.system, p.code));
  let principalIndex: number | undefined;
  input.diagnoses.forEach((d, i) => {
    if (principalIndex === undefined || d.sequence < input.diagnoses[principalIndex].sequence) principalIndex = i;
  });
  return {
    input,
    data,
    diagnoses,
    procedures,
    principalIndex,
    report(finding) {
      findings.push({ ...finding, codes: [...finding.codes] });
    },
  };
}

/** The Official Guidelines are published with each ICD-10-CM release; name the one covering the date of service. */
export function guidelinesSource(context: EditContext): EditSource {
  const dos = context.input.encounter.dateOfService;
  const release = context.data.releases
    .get('ICD10CM')
    ?.find((r) => r.effectiveFrom <= dos && (r.effectiveTo === null || dos <= r.effectiveTo));
  return { name: 'ICD-10-CM Official Guidelines', release: release?.release ?? 'none' };
}

/** The principal (inpatient) or first-listed diagnosis line, when it is a readable code. */
export function principalLine(context: EditContext): (CodedLine & { readonly code: string }) | undefined {
  const line = context.principalIndex === undefined ? undefined : context.diagnoses[context.principalIndex];
  return line?.code ? (line as CodedLine & { code: string }) : undefined;
}
