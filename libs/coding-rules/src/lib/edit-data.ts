import type {
  AddOnFact,
  CodeFact,
  CodeSetReleaseFact,
  CodeSystem,
  EditListEntry,
  EditListName,
  EditReferenceData,
  EditSource,
  ModifierFact,
  MueFact,
  NcciPtpFact,
  TabularPairFact,
} from '@chartdesk/contracts';
import { codePrefixes } from './code-format';

/** The rules that are ChartDesk's own logic rather than a published data set. */
export const CHARTDESK_RULES_SOURCE: EditSource = { name: 'ChartDesk coding rules', release: '2026.1' };

/** A list entry with the release it came from. */
export interface SourcedEntry {
  readonly entry: EditListEntry;
  readonly source: EditSource;
}

/** The reference data indexed for lookups; build once per data set, reuse for many encounters. */
export interface CompiledEditData {
  readonly releases: ReadonlyMap<CodeSystem, readonly CodeSetReleaseFact[]>;
  readonly codes: ReadonlyMap<string, readonly CodeFact[]>;
  /** list → `system:prefix` → entries, only from the releases that speak for the list. */
  readonly lists: ReadonlyMap<EditListName, ReadonlyMap<string, SourcedEntry>>;
  /** The lists a CMS release covers on the date of service (their absence from it means "not on the list"). */
  readonly cmsLists: ReadonlyMap<EditListName, EditSource>;
  readonly tabular: ReadonlyMap<string, readonly TabularPairFact[]>;
  readonly tabularSource: EditSource | null;
  readonly ptp: ReadonlyMap<string, readonly NcciPtpFact[]>;
  readonly ptpSource: EditSource | null;
  readonly mue: ReadonlyMap<string, MueFact>;
  readonly mueSource: EditSource | null;
  readonly addOns: ReadonlyMap<string, readonly AddOnFact[]>;
  readonly addOnSource: EditSource | null;
  readonly modifiers: ReadonlyMap<'HCPCS' | 'CPT', { source: EditSource; known: ReadonlyMap<string, ModifierFact> }>;
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

/**
 * Which entries speak for each list: where a CMS release covers a list, its
 * entries (and the site's own lists) replace the derived defaults for it.
 */
function compileLists(data: EditReferenceData): {
  lists: Map<EditListName, Map<string, SourcedEntry>>;
  cmsLists: Map<EditListName, EditSource>;
} {
  const cmsLists = new Map<EditListName, EditSource>();
  for (const release of data.editLists) {
    if (release.basis !== 'CMS') continue;
    for (const list of release.lists) if (!cmsLists.has(list)) cmsLists.set(list, release.source);
  }
  const lists = new Map<EditListName, Map<string, SourcedEntry>>();
  // CMS first, then LOCAL, then the defaults: the first entry for a key wins.
  const order = { CMS: 0, LOCAL: 1, GUIDELINE: 2, HEURISTIC: 3 } as const;
  const releases = [...data.editLists].sort((a, b) => order[a.basis] - order[b.basis]);
  for (const release of releases) {
    for (const entry of release.entries) {
      const defaultEntry = release.basis === 'GUIDELINE' || release.basis === 'HEURISTIC';
      if (defaultEntry && cmsLists.has(entry.list)) continue;
      let byKey = lists.get(entry.list);
      if (!byKey) lists.set(entry.list, (byKey = new Map()));
      const key = codeKey(entry.system, entry.codePrefix);
      if (!byKey.has(key)) byKey.set(key, { entry, source: release.source });
    }
  }
  return { lists, cmsLists };
}

export function compileEditData(data: EditReferenceData): CompiledEditData {
  const releases = new Map<CodeSystem, CodeSetReleaseFact[]>();
  for (const release of data.codeSets) push(releases, release.system, release);
  const codes = new Map<string, CodeFact[]>();
  for (const fact of data.codes) push(codes, codeKey(fact.system, fact.code), fact);
  const tabular = new Map<string, TabularPairFact[]>();
  for (const pair of data.tabularPairs?.pairs ?? []) push(tabular, pair.codePrefix, pair);
  const ptp = new Map<string, NcciPtpFact[]>();
  for (const edit of data.ncciPtp?.edits ?? []) push(ptp, ptpKey(edit.column1, edit.column2), edit);
  const addOns = new Map<string, AddOnFact[]>();
  for (const edit of data.addOns?.edits ?? []) push(addOns, edit.addOn, edit);
  const modifiers = new Map<'HCPCS' | 'CPT', { source: EditSource; known: Map<string, ModifierFact> }>();
  for (const table of data.modifierTables) {
    if (modifiers.has(table.system)) continue;
    modifiers.set(table.system, { source: table.source, known: new Map(table.modifiers.map((m) => [m.modifier, m])) });
  }
  return {
    releases,
    codes,
    ...compileLists(data),
    tabular,
    tabularSource: data.tabularPairs?.source ?? null,
    ptp,
    ptpSource: data.ncciPtp?.source ?? null,
    mue: new Map((data.mue?.limits ?? []).map((m) => [m.code, m])),
    mueSource: data.mue?.source ?? null,
    addOns,
    addOnSource: data.addOns?.source ?? null,
    modifiers,
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

/** The most specific entry of a list for a code of a system (the code itself, then its prefixes). */
export function listEntry(
  data: CompiledEditData,
  list: EditListName,
  system: CodeSystem,
  code: string,
): SourcedEntry | undefined {
  const byKey = data.lists.get(list);
  if (!byKey) return undefined;
  for (const prefix of codePrefixes(code)) {
    const found = byKey.get(codeKey(system, prefix));
    if (found) return found;
  }
  return undefined;
}
