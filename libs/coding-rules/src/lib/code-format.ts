import type { CodeSystem } from '@chartdesk/contracts';

/** What a coder may type for a code: letters, digits, at most one dot, surrounding spaces. */
const TYPED_CODE = /^[A-Za-z0-9]{1,7}(\.[A-Za-z0-9]{0,4})?$/;

/** `e11.9 ` → `E119`; returns undefined when the text cannot be a code (or code prefix). */
export function normalizeCode(input: string): string | undefined {
  const trimmed = input.trim();
  if (!TYPED_CODE.test(trimmed)) return undefined;
  const code = trimmed.replace('.', '').toUpperCase();
  return code.length > 0 && code.length <= 7 ? code : undefined;
}

/** The code as coders read it: ICD-10-CM takes a dot after the category (`E119` → `E11.9`). */
export function displayCode(system: CodeSystem, code: string): string {
  return system === 'ICD10CM' && code.length > 3 ? `${code.slice(0, 3)}.${code.slice(3)}` : code;
}

/** Every leading part of a code, longest first (`E1165` → E1165, E116, E11, E1, E). */
export function codePrefixes(code: string): string[] {
  const prefixes: string[] = [];
  for (let length = code.length; length >= 1; length--) prefixes.push(code.slice(0, length));
  return prefixes;
}

const FORMATS: Readonly<Record<CodeSystem, RegExp>> = {
  // a letter, then 2–6 letters or digits (usually a digit second, but FY2026 has QA0-)
  ICD10CM: /^[A-Z][0-9A-Z][0-9A-Z]([0-9A-Z]{1,4})?$/,
  ICD10PCS: /^[0-9A-HJ-NP-Z]{7}$|^[0-9A-HJ-NP-Z]{3,6}$/,
  HCPCS: /^[A-V][0-9]{4}$/,
  CPT: /^[0-9]{4}[0-9FTU]$/,
};

/** Whether a normalized code has the shape of its system (not whether it exists). */
export function hasCodeShape(system: CodeSystem, code: string): boolean {
  return FORMATS[system].test(code);
}
