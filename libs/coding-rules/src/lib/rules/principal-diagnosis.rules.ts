import type { EditListName, EditRuleId, EditSeverity } from '@chartdesk/contracts';
import { CHARTDESK_RULES_SOURCE, listEntry } from '../edit-data';
import { type EditContext, type EditRule, guidelinesSource, principalLine, severityFor } from './edit-context';

/** Reports the principal diagnosis when it is on `list`. */
function principalOnList(
  context: EditContext,
  list: EditListName,
  ruleId: EditRuleId,
  usual: EditSeverity,
  message: (display: string) => string,
): boolean {
  const line = principalLine(context);
  if (!line) return false;
  const found = listEntry(context.data, list, line.system, line.code);
  if (!found) return false;
  context.report({
    ruleId,
    severity: severityFor(found.entry.basis, usual),
    message: message(line.display),
    codes: [line.display],
    source: found.source,
    basis: found.entry.basis,
    evidence: found.entry.evidence,
  });
  return true;
}

/** A manifestation code describes a consequence; the underlying condition must come first (Guidelines I.A.13). */
export const manifestationAsPrincipalRule: EditRule = (context) => {
  principalOnList(
    context,
    'MANIFESTATION',
    'MANIFESTATION_AS_PRINCIPAL',
    'ERROR',
    (code) => `${code} is a manifestation code and cannot be sequenced first: code the underlying condition first.`,
  );
};

/**
 * External cause codes (chapter 20, V00–Y99) can never be principal or
 * first-listed (Guidelines I.C.20; MCE edit 2); other codes by the lists.
 */
export const unacceptablePrincipalRule: EditRule = (context) => {
  const line = principalLine(context);
  if (line && /^[VWXY]/.test(line.code)) {
    context.report({
      ruleId: 'UNACCEPTABLE_PRINCIPAL',
      severity: 'ERROR',
      message: `${line.display} is an external cause code: it can never be the principal or first-listed diagnosis.`,
      codes: [line.display],
      source: guidelinesSource(context),
      basis: 'GUIDELINE',
      evidence:
        'ICD-10-CM Official Guidelines I.C.20.a.6: an external cause code can never be a principal (first-listed) diagnosis (V00–Y99)',
    });
    return;
  }
  principalOnList(
    context,
    'UNACCEPTABLE_PRINCIPAL',
    'UNACCEPTABLE_PRINCIPAL',
    'ERROR',
    (code) => `${code} is not acceptable as the principal or first-listed diagnosis.`,
  );
};

/** MCE questionable admission: the principal diagnosis is not usually a reason for an inpatient stay. */
export const questionableAdmissionRule: EditRule = (context) => {
  if (context.input.encounter.type !== 'INPATIENT') return;
  principalOnList(
    context,
    'QUESTIONABLE_ADMISSION',
    'QUESTIONABLE_ADMISSION',
    'WARNING',
    (code) => `${code} as principal diagnosis is a questionable reason for admission: confirm the documentation.`,
  );
};

/** MCE non-specific principal diagnosis: a more specific code is usually documented. */
export const nonSpecificPrincipalRule: EditRule = (context) => {
  if (context.input.encounter.type !== 'INPATIENT') return;
  principalOnList(
    context,
    'NONSPECIFIC_PRINCIPAL',
    'NONSPECIFIC_PRINCIPAL',
    'WARNING',
    (code) => `${code} is a non-specific principal diagnosis: code the condition more specifically if documented.`,
  );
};

/** Every claim needs its principal (inpatient) or first-listed diagnosis. */
export const principalPresentRule: EditRule = (context) => {
  if (context.diagnoses.length > 0) return;
  const inpatient = context.input.encounter.type === 'INPATIENT';
  context.report({
    ruleId: 'PRINCIPAL_MISSING',
    severity: 'ERROR',
    message: inpatient
      ? 'An inpatient claim needs a principal diagnosis.'
      : 'The claim needs a first-listed diagnosis for its services.',
    codes: [],
    source: CHARTDESK_RULES_SOURCE,
    basis: 'GUIDELINE',
    evidence: inpatient
      ? 'ICD-10-CM Official Guidelines Section II (selection of principal diagnosis)'
      : 'ICD-10-CM Official Guidelines Section IV (first-listed condition)',
  });
};
