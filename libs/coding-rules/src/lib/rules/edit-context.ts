import type { CodeSystem, EditFinding, EditInput, EditRuleId, EditSeverity, EditSource } from '@chartdesk/contracts';
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
  report(
    ruleId: EditRuleId,
    severity: EditSeverity,
    message: string,
    codes: readonly string[],
    source: EditSource,
  ): void;
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
    report(ruleId, severity, message, codes, source) {
      findings.push({ ruleId, severity, message, codes: [...codes], source });
    },
  };
}
