import { EDIT_RULE_IDS, type EditFinding, type EditInput, type EditReferenceData } from '@chartdesk/contracts';
import { type CompiledEditData, compileEditData } from './edit-data';
import { codeValidityRule } from './rules/code-validity.rules';
import { addOnPrimaryRule, modifierRule } from './rules/claim-line.rules';
import { codeFirstSequenceRule, duplicateCodeRule, excludes1Rule } from './rules/diagnosis-combination.rules';
import { createContext, type EditRule } from './rules/edit-context';
import {
  limitedCoverageRule,
  nonCoveredProcedureRule,
  poaRule,
  systemSettingRule,
} from './rules/inpatient-claim.rules';
import { ageConflictRule, sexConflictRule } from './rules/patient-conflict.rules';
import {
  manifestationAsPrincipalRule,
  nonSpecificPrincipalRule,
  principalPresentRule,
  questionableAdmissionRule,
  unacceptablePrincipalRule,
} from './rules/principal-diagnosis.rules';
import { diagnosisPointerRule, mueRule, ncciPtpRule } from './rules/procedure-line.rules';

export const EDIT_RULES: readonly EditRule[] = [
  principalPresentRule,
  codeValidityRule,
  sexConflictRule,
  ageConflictRule,
  manifestationAsPrincipalRule,
  unacceptablePrincipalRule,
  questionableAdmissionRule,
  nonSpecificPrincipalRule,
  excludes1Rule,
  codeFirstSequenceRule,
  duplicateCodeRule,
  poaRule,
  systemSettingRule,
  nonCoveredProcedureRule,
  limitedCoverageRule,
  ncciPtpRule,
  mueRule,
  modifierRule,
  addOnPrimaryRule,
  diagnosisPointerRule,
];

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function compareFindings(a: EditFinding, b: EditFinding): number {
  if (a.severity !== b.severity) return a.severity === 'ERROR' ? -1 : 1;
  const byRule = EDIT_RULE_IDS.indexOf(a.ruleId) - EDIT_RULE_IDS.indexOf(b.ruleId);
  if (byRule !== 0) return byRule;
  const ac = a.codes.join(' ');
  const bc = b.codes.join(' ');
  return ac < bc ? -1 : ac > bc ? 1 : 0;
}

/**
 * Runs every edit over one encounter. Pure and deterministic: the same input
 * and reference data give the same findings, in the same order, in the API
 * and in the browser.
 */
export function runEdits(input: EditInput, data: CompiledEditData | EditReferenceData): EditFinding[] {
  if (!DATE.test(input.encounter.dateOfService)) {
    throw new RangeError('dateOfService must be YYYY-MM-DD');
  }
  const compiled = 'releases' in data ? data : compileEditData(data);
  const findings: EditFinding[] = [];
  const context = createContext(input, compiled, findings);
  for (const rule of EDIT_RULES) rule(context);
  return findings.sort(compareFindings);
}
