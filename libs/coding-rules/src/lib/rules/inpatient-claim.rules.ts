import { type EditListName, type EditRuleId, POA_VALUES } from '@chartdesk/contracts';
import { CHARTDESK_RULES_SOURCE, listEntry } from '../edit-data';
import { type EditRule, guidelinesSource } from './edit-context';

const REPORTABLE_POA: readonly string[] = POA_VALUES.filter((v) => v !== '1');

/**
 * Chapters that hold no category of the guidelines' POA exempt list
 * (Appendix I): a code from one of them certainly needs an indicator, even
 * before the CMS exempt list is imported. For the other chapters the default
 * list is a summary of Appendix I, so a missing indicator only warns until
 * the CMS list says otherwise.
 */
const NEVER_EXEMPT_CHAPTERS = /^[ACDFGHJKLMNRU]/;

/** Every inpatient diagnosis needs Y, N, U or W unless it is POA exempt; `1` only for exempt codes. */
export const poaRule: EditRule = (context) => {
  if (context.input.encounter.type !== 'INPATIENT') return;
  const cmsList = context.data.cmsLists.get('POA_EXEMPT');
  context.diagnoses.forEach((line, i) => {
    if (!line.code) return;
    const value = (context.input.diagnoses[i].poa ?? '').trim().toUpperCase();
    const exempt = listEntry(context.data, 'POA_EXEMPT', line.system, line.code);
    if (exempt) {
      if (value !== '' && value !== '1') {
        context.report({
          ruleId: 'POA_INVALID',
          severity: 'WARNING',
          message: `${line.display} is exempt from POA reporting: leave the indicator blank (or 1).`,
          codes: [line.display],
          source: exempt.source,
          basis: exempt.entry.basis,
          evidence: exempt.entry.evidence,
        });
      }
      return;
    }
    const source = cmsList ?? guidelinesSource(context);
    const certain = cmsList !== undefined || NEVER_EXEMPT_CHAPTERS.test(line.code);
    const evidence = cmsList
      ? `${line.display} is not on the ${cmsList.name} ${cmsList.release}`
      : certain
        ? `ICD-10-CM Official Guidelines Appendix I: no exempt category in ${line.code[0]}`
        : 'ICD-10-CM Official Guidelines Appendix I (summary): not an exempt category; the CMS POA exempt list is not imported';
    if (value === '') {
      context.report({
        ruleId: 'POA_MISSING',
        severity: certain ? 'ERROR' : 'WARNING',
        message: `${line.display} needs a present-on-admission indicator (Y, N, U or W).`,
        codes: [line.display],
        source,
        basis: certain ? (cmsList ? 'CMS' : 'GUIDELINE') : 'HEURISTIC',
        evidence,
      });
    } else if (!REPORTABLE_POA.includes(value)) {
      context.report({
        ruleId: 'POA_INVALID',
        severity: certain ? 'ERROR' : 'WARNING',
        message:
          value === '1'
            ? `1 (exempt) is only for POA-exempt codes; ${line.display} needs Y, N, U or W.`
            : `"${value}" is not a valid present-on-admission indicator for ${line.display}: use Y, N, U or W.`,
        codes: [line.display],
        source,
        basis: certain ? (cmsList ? 'CMS' : 'GUIDELINE') : 'HEURISTIC',
        evidence,
      });
    }
  });
};

/** Inpatient facility claims carry ICD-10-PCS procedures; every other setting carries CPT/HCPCS. */
export const systemSettingRule: EditRule = (context) => {
  const inpatient = context.input.encounter.type === 'INPATIENT';
  for (const line of context.procedures) {
    const wrong = inpatient ? line.system !== 'ICD10PCS' : line.system === 'ICD10PCS';
    if (!wrong) continue;
    context.report({
      ruleId: 'SYSTEM_SETTING_MISMATCH',
      severity: 'ERROR',
      message: inpatient
        ? `${line.display} is a ${line.system} code: inpatient facility claims report procedures in ICD-10-PCS.`
        : `${line.display} is an ICD-10-PCS code: ${context.input.encounter.type.toLowerCase()} claims report procedures in CPT/HCPCS.`,
      codes: [line.display],
      source: CHARTDESK_RULES_SOURCE,
      basis: 'GUIDELINE',
      evidence:
        'HIPAA code set standards (45 CFR 162.1002): ICD-10-PCS for inpatient hospital procedures, CPT/HCPCS otherwise',
    });
  }
};

function procedureListRule(list: EditListName, ruleId: EditRuleId, message: (code: string) => string): EditRule {
  return (context) => {
    if (context.input.encounter.type !== 'INPATIENT') return;
    for (const line of context.procedures) {
      if (!line.code || line.system !== 'ICD10PCS') continue;
      const found = listEntry(context.data, list, line.system, line.code);
      if (!found) continue;
      context.report({
        ruleId,
        severity: 'WARNING',
        message: message(line.display),
        codes: [line.display],
        source: found.source,
        basis: found.entry.basis,
        evidence: found.entry.evidence,
      });
    }
  };
}

/** MCE non-covered procedures: Medicare does not cover them; the claim needs the payer's review. */
export const nonCoveredProcedureRule = procedureListRule(
  'NON_COVERED',
  'NON_COVERED_PROCEDURE',
  (code) => `${code} is a non-covered procedure for Medicare.`,
);

/** MCE limited coverage: covered only in set circumstances (e.g. an approved clinical trial). */
export const limitedCoverageRule = procedureListRule(
  'LIMITED_COVERAGE',
  'LIMITED_COVERAGE',
  (code) => `${code} has limited Medicare coverage: confirm the coverage conditions are documented.`,
);
