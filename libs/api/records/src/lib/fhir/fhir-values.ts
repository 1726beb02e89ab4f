import { FHIR_SECURITY_LABEL_MAP, type SensitivityLabel } from '@chartdesk/contracts';
import type { CodeableConcept, Coding, Meta } from '@medplum/fhirtypes';

/** A mapping failure; the message names the field, never its value. */
export class FhirMappingError extends Error {}

export const LIMITS = { shortText: 200, label: 2000, documentText: 2_000_000 } as const;

/** Reads a string the bundle must (or may) hold, refusing other types and oversized values. */
export function text(value: unknown, field: string, max: number = LIMITS.shortText, required = true): string | null {
  if (value === undefined || value === null || value === '') {
    if (required) throw new FhirMappingError(`${field} is required`);
    return null;
  }
  if (typeof value !== 'string') throw new FhirMappingError(`${field} must be a string`);
  if (value.length > max) throw new FhirMappingError(`${field} is longer than ${max} characters`);
  return value;
}

export function requiredText(value: unknown, field: string, max: number = LIMITS.shortText): string {
  return text(value, field, max, true) as string;
}

export function date(value: unknown, field: string): string {
  const s = requiredText(value, field, 40);
  if (!/^\d{4}-\d{2}-\d{2}/.test(s) || Number.isNaN(Date.parse(s.slice(0, 10)))) {
    throw new FhirMappingError(`${field} must be a date (YYYY-MM-DD)`);
  }
  return s.slice(0, 10);
}

export function instant(value: unknown, field: string): Date {
  const s = requiredText(value, field, 40);
  const d = new Date(s.length === 10 ? `${s}T00:00:00Z` : s);
  if (!/^\d{4}-\d{2}-\d{2}/.test(s) || Number.isNaN(d.getTime())) {
    throw new FhirMappingError(`${field} must be a date-time`);
  }
  return d;
}

export function array<T>(value: unknown, field: string, max = 1000): T[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new FhirMappingError(`${field} must be an array`);
  if (value.length > max) throw new FhirMappingError(`${field} has more than ${max} items`);
  return value as T[];
}

export function object<T>(value: unknown, field: string): T | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw new FhirMappingError(`${field} must be an object`);
  return value as T;
}

/** The human words of a CodeableConcept: its text, else the first coding's display. */
export function conceptText(concept: CodeableConcept | undefined, field: string, required = true): string | null {
  const c = object<CodeableConcept>(concept, field);
  const t = text(c?.text, `${field}.text`, LIMITS.label, false);
  if (t) return t;
  const codings = array<Coding>(c?.coding, `${field}.coding`, 50);
  const display = codings.length ? text(codings[0]?.display, `${field}.coding[0].display`, LIMITS.label, false) : null;
  if (!display && required) throw new FhirMappingError(`${field} needs text or a coding display`);
  return display;
}

export function codes(concept: CodeableConcept | undefined, field: string): string[] {
  const c = object<CodeableConcept>(concept, field);
  return array<Coding>(c?.coding, `${field}.coding`, 50).map((coding, i) =>
    requiredText(coding?.code, `${field}.coding[${i}].code`, 100),
  );
}

/** meta.security (and DocumentReference.securityLabel) codes → our labels; unknown codes add nothing. */
export function securityLabels(meta: Meta | undefined, extra: CodeableConcept[] = []): SensitivityLabel[] {
  const m = object<Meta>(meta, 'meta');
  const codings = [
    ...array<Coding>(m?.security, 'meta.security', 50),
    ...extra.flatMap((c, i) =>
      array<Coding>(object<CodeableConcept>(c, `securityLabel[${i}]`)?.coding, 'securityLabel', 50),
    ),
  ];
  const labels = new Set<SensitivityLabel>();
  codings.forEach((c, i) => {
    const code = requiredText(object<Coding>(c, `meta.security[${i}]`)?.code, `meta.security[${i}].code`, 64);
    const label = FHIR_SECURITY_LABEL_MAP[code];
    if (label) labels.add(label);
  });
  return [...labels];
}
