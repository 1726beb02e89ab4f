import type { AgeCategory } from '@chartdesk/contracts';
import { attributesOf } from '../edit-data';
import type { EditRule } from './edit-context';

/** Age ranges of the Medicare Code Editor categories, in years at the date of service. */
export const AGE_CATEGORY_RANGES: Readonly<Record<AgeCategory, { min: number; max: number; label: string }>> = {
  NEWBORN: { min: 0, max: 0, label: 'newborn' },
  PEDIATRIC: { min: 0, max: 17, label: 'pediatric' },
  MATERNITY: { min: 9, max: 64, label: 'maternity' },
  ADULT: { min: 15, max: 124, label: 'adult' },
};

/** Codes for one sex on a patient recorded as the other. Unknown or other sex never conflicts. */
export const sexConflictRule: EditRule = (context) => {
  const sex = context.input.encounter.patientSex;
  const source = context.data.attributeSource;
  if (!source || (sex !== 'female' && sex !== 'male')) return;
  for (const line of [...context.diagnoses, ...context.procedures]) {
    if (!line.code) continue;
    const codeSex = attributesOf(context.data, line.code)?.sex;
    if (codeSex && codeSex !== sex) {
      context.report(
        'SEX_CONFLICT',
        'ERROR',
        `${line.display} is for ${codeSex} patients; this patient is recorded as ${sex}.`,
        [line.display],
        source,
      );
    }
  }
};

/** Newborn, pediatric, maternity and adult codes outside their age range. */
export const ageConflictRule: EditRule = (context) => {
  const age = context.input.encounter.patientAgeYears;
  const source = context.data.attributeSource;
  if (!source) return;
  for (const line of context.diagnoses) {
    if (!line.code) continue;
    const category = attributesOf(context.data, line.code)?.ageCategory;
    if (!category) continue;
    const range = AGE_CATEGORY_RANGES[category];
    if (age < range.min || age > range.max) {
      context.report(
        'AGE_CONFLICT',
        'ERROR',
        `${line.display} is a ${range.label} code (age ${range.min}–${range.max}); the patient is ${age}.`,
        [line.display],
        source,
      );
    }
  }
};
