import type { AgeCategory } from '@chartdesk/contracts';
import { listEntry } from '../edit-data';
import { type EditRule, severityFor } from './edit-context';

/** Age ranges of the Medicare Code Editor categories, in years at the date of service. */
export const AGE_CATEGORY_RANGES: Readonly<Record<AgeCategory, { min: number; max: number; label: string }>> = {
  NEWBORN: { min: 0, max: 0, label: 'newborn' },
  PEDIATRIC: { min: 0, max: 17, label: 'pediatric' },
  MATERNITY: { min: 9, max: 64, label: 'maternity' },
  ADULT: { min: 15, max: 124, label: 'adult' },
};

/** Diagnoses and procedures for one sex on a patient recorded as the other. Unknown or other sex never conflicts. */
export const sexConflictRule: EditRule = (context) => {
  const sex = context.input.encounter.patientSex;
  if (sex !== 'female' && sex !== 'male') return;
  for (const line of [...context.diagnoses, ...context.procedures]) {
    if (!line.code) continue;
    const found = listEntry(context.data, 'SEX', line.system, line.code);
    const codeSex = found?.entry.value;
    if (!found || (codeSex !== 'female' && codeSex !== 'male') || codeSex === sex) continue;
    context.report({
      ruleId: 'SEX_CONFLICT',
      severity: severityFor(found.entry.basis, 'ERROR'),
      message: `${line.display} is for ${codeSex} patients; this patient is recorded as ${sex}.`,
      codes: [line.display],
      source: found.source,
      basis: found.entry.basis,
      evidence: found.entry.evidence,
    });
  }
};

/** Newborn, pediatric, maternity and adult diagnoses outside their age range. */
export const ageConflictRule: EditRule = (context) => {
  const age = context.input.encounter.patientAgeYears;
  for (const line of context.diagnoses) {
    if (!line.code) continue;
    const found = listEntry(context.data, 'AGE', line.system, line.code);
    const range = found ? AGE_CATEGORY_RANGES[found.entry.value as AgeCategory] : undefined;
    if (!found || !range || (age >= range.min && age <= range.max)) continue;
    context.report({
      ruleId: 'AGE_CONFLICT',
      severity: severityFor(found.entry.basis, 'ERROR'),
      message: `${line.display} is a ${range.label} diagnosis (age ${range.min}–${range.max}); the patient is ${age}.`,
      codes: [line.display],
      source: found.source,
      basis: found.entry.basis,
      evidence: found.entry.evidence,
    });
  }
};
