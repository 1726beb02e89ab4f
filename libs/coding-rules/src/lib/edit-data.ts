import type {
  CodeAttributeFact,
  CodeFact,
  CodeSetReleaseFact,
  CodeSystem,
  EditReferenceData,
  EditSource,
  MueFact,
  NcciPtpFact,
} from '@chartdesk/contracts';
import { codePrefixes } from './code-format';

/** The rules that are ChartDesk's own logic rather than a published data set. */
export const CHARTDESK_RULES_SOURCE: EditSource = { name: 'ChartDesk coding rules', release: '2026.1' };

/** The reference data indexed for lookups; build once per data set, reuse for many encounters. */
export interface CompiledEditData {
  readonly releases: ReadonlyMap<CodeSystem, readonly CodeSetReleaseFact[]>;
  readonly codes: ReadonlyMap<string, readonly CodeFact[]>;
  readonly attributes: ReadonlyMap<string, CodeAttributeFact>;
  readonly attributeSource: EditSource | null;
  readonly excludes: ReadonlyMap<string, readonly string[]>;
  readonly excludesSource: EditSource | null;
  readonly ptp: ReadonlyMap<string, readonly NcciPtpFact[]>;
  readonly ptpSource: EditSource | null;
  readonly mue: ReadonlyMap<string, MueFact>;
  readonly mueSource: EditSource | null;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function codeKey(system: CodeSystem, code: string): string {
  return `${system}:${code}`;
}

export function ptpKey(column1: string, column2: string): string {
  return `${column1}|${column2}`;
}

export function compileEditData(data: EditReferenceData): CompiledEditData {
  const releases = new Map<CodeSystem, CodeSetReleaseFact[]>();
  for (const release of data.codeSets) push(releases, release.system, release);
  const codes = new Map<string, CodeFact[]>();
  for (const fact of data.codes) push(codes, codeKey(fact.system, fact.code), fact);
  const excludes = new Map<string, string[]>();
  for (const pair of data.excludes1?.pairs ?? []) push(excludes, pair.codePrefix, pair.excludedPrefix);
  const ptp = new Map<string, NcciPtpFact[]>();
  for (const edit of data.ncciPtp?.edits ?? []) push(ptp, ptpKey(edit.column1, edit.column2), edit);
  return {
    releases,
    codes,
    attributes: new Map((data.attributes?.entries ?? []).map((e) => [e.codePrefix, e])),
    attributeSource: data.attributes?.source ?? null,
    excludes,
    excludesSource: data.excludes1?.source ?? null,
    ptp,
    ptpSource: data.ncciPtp?.source ?? null,
    mue: new Map((data.mue?.limits ?? []).map((m) => [m.code, m])),
    mueSource: data.mue?.source ?? null,
  };
}

/** The release of a system that covers a date (`YYYY-MM-DD` strings compare as dates). */
export function releaseCovering(
  data: CompiledEditData,
  system: CodeSystem,
  date: string,
): CodeSetReleaseFact | undefined {
  return data.releases
    .get(system)
    ?.find((r) => r.effectiveFrom <= date && (r.effectiveTo === null || date <= r.effectiveTo));
}

/** Merged attributes for a code: more specific prefixes override the category's. */
export function attributesOf(data: CompiledEditData, code: string): CodeAttributeFact | undefined {
  let merged: CodeAttributeFact | undefined;
  for (const prefix of codePrefixes(code).reverse()) {
    const entry = data.attributes.get(prefix);
    if (!entry) continue;
    merged = { ...merged, ...definedOnly(entry) };
  }
  return merged;
}

function definedOnly(entry: CodeAttributeFact): CodeAttributeFact {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entry)) if (value !== undefined && value !== null) result[key] = value;
  return result as unknown as CodeAttributeFact;
}
