import { attributesOf } from '../edit-data';
import type { EditRule } from './edit-context';

/** A manifestation code describes a consequence; the underlying condition must come first. */
export const manifestationAsPrincipalRule: EditRule = (context) => {
  const line = context.principalIndex === undefined ? undefined : context.diagnoses[context.principalIndex];
  const source = context.data.attributeSource;
  if (!line?.code || !source) return;
  if (attributesOf(context.data, line.code)?.manifestation) {
    context.report(
      'MANIFESTATION_AS_PRINCIPAL',
      'ERROR',
      `${line.display} is a manifestation code and cannot be sequenced first: code the underlying condition first.`,
      [line.display],
      source,
    );
  }
};

export const unacceptablePrincipalRule: EditRule = (context) => {
  const line = context.principalIndex === undefined ? undefined : context.diagnoses[context.principalIndex];
  const source = context.data.attributeSource;
  if (!line?.code || !source) return;
  if (attributesOf(context.data, line.code)?.unacceptablePrincipal) {
    context.report(
      'UNACCEPTABLE_PRINCIPAL',
      'ERROR',
      `${line.display} is not acceptable as the principal or first-listed diagnosis.`,
      [line.display],
      source,
    );
  }
};
