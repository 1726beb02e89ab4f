import { POA_VALUES } from '@chartdesk/contracts';
import { attributesOf, CHARTDESK_RULES_SOURCE } from '../edit-data';
import type { EditRule } from './edit-context';

const REPORTABLE_POA: readonly string[] = POA_VALUES.filter((v) => v !== '1');

/** Every inpatient diagnosis needs Y, N, U or W unless it is on the POA-exempt list. */
export const poaRule: EditRule = (context) => {
  if (context.input.encounter.type !== 'INPATIENT') return;
  const source = context.data.attributeSource ?? CHARTDESK_RULES_SOURCE;
  context.diagnoses.forEach((line, i) => {
    if (!line.code) return;
    const value = (context.input.diagnoses[i].poa ?? '').trim().toUpperCase();
    const exempt = attributesOf(context.data, line.code)?.poaExempt === true;
    if (exempt) {
      if (value !== '' && value !== '1') {
        context.report(
          'POA_INVALID',
          'WARNING',
          `${line.display} is exempt from POA reporting: leave the indicator blank.`,
          [line.display],
          source,
        );
      }
      return;
    }
    if (value === '') {
      context.report(
        'POA_MISSING',
        'ERROR',
        `${line.display} needs a present-on-admission indicator (Y, N, U or W).`,
        [line.display],
        source,
      );
    } else if (!REPORTABLE_POA.includes(value)) {
      context.report(
        'POA_INVALID',
        'ERROR',
        `"${value}" is not a valid present-on-admission indicator for ${line.display}: use Y, N, U or W.`,
        [line.display],
        source,
      );
    }
  });
};

/** Inpatient facility claims carry ICD-10-PCS procedures; every other setting carries CPT/HCPCS. */
export const systemSettingRule: EditRule = (context) => {
  const inpatient = context.input.encounter.type === 'INPATIENT';
  for (const line of context.procedures) {
    if (inpatient && line.system !== 'ICD10PCS') {
      context.report(
        'SYSTEM_SETTING_MISMATCH',
        'ERROR',
        `${line.display} is a ${line.system} code: inpatient facility claims report procedures in ICD-10-PCS.`,
        [line.display],
        CHARTDESK_RULES_SOURCE,
      );
    } else if (!inpatient && line.system === 'ICD10PCS') {
      context.report(
        'SYSTEM_SETTING_MISMATCH',
        'ERROR',
        `${line.display} is an ICD-10-PCS code: ${context.input.encounter.type.toLowerCase()} claims report procedures in CPT/HCPCS.`,
        [line.display],
        CHARTDESK_RULES_SOURCE,
      );
    }
  }
};
