import { codePrefixes, normalizeCode } from '@chartdesk/coding-rules';
import {
  type AddOnFact,
  CODE_SYSTEM_LABELS,
  type CodeFact,
  type CodeSystem,
  type EditBasis,
  type EditDataKind,
  type EditEncounterType,
  type EditInput,
  type EditListEntry,
  type EditListName,
  type EditReferenceData,
  type EditSource,
  type ModifierFact,
  type MueFact,
  type NcciPtpFact,
  type TabularPairFact,
} from '@chartdesk/contracts';
import { LOAD_SQL } from './edit-reference.sql';

/** Hospital outpatient claims take the hospital NCCI/MUE files, professional claims the practitioner ones. */
function providerTypesFor(type: EditEncounterType): string[] {
  return type === 'PROFEE' ? ['PRACTITIONER', 'ALL'] : ['HOSPITAL', 'ALL'];
}

/** Which kinds of edit data are code lists, and how far they may be trusted. */
const LIST_KINDS: Readonly<Partial<Record<EditDataKind, EditBasis>>> = {
  MCE: 'CMS',
  POA_EXEMPT: 'CMS',
  CODE_ATTRIBUTES: 'LOCAL',
  GUIDELINE_DEFAULTS: 'GUIDELINE',
};

interface LoadRow {
  code_sets: { system: CodeSystem; release: string; effectiveFrom: string; effectiveTo: string | null }[];
  codes: CodeFact[];
  versions: { id: string; kind: EditDataKind; name: string; release: string; lists: EditListName[] }[];
  lists: (EditListEntry & { versionId: string })[];
  tabular: { name: string; release: string } | null;
  notes: TabularPairFact[];
  excludes: { codePrefix: string; excludedPrefix: string }[];
  ptp: NcciPtpFact[];
  mue: MueFact[];
  addons: AddOnFact[];
  modifier_tables: { system: 'HCPCS' | 'CPT'; release: string; modifiers: ModifierFact[] }[];
}

/** A DataSource or an EntityManager: callers inside a transaction pass their manager. */
export interface EditDataQueryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/**
 * Loads only the reference data one encounter needs, in one round trip, so
 * the pure engine can run without touching the database: the releases
 * covering the date of service, and only the rows keyed by the encounter's
 * codes (and their prefixes within their code system).
 */
export async function loadEditReferenceData(db: EditDataQueryable, input: EditInput): Promise<EditReferenceData> {
  const dxCodes = unique(input.diagnoses.map((d) => normalizeCode(d.code)));
  const pxCodes = unique(input.procedures.map((p) => normalizeCode(p.code)));
  const allCodes = unique([...dxCodes, ...pxCodes]);
  const systems = new Set<CodeSystem>(['ICD10CM', ...input.procedures.map((p) => p.system)]);
  const keys = new Map<string, [CodeSystem, string]>();
  for (const code of dxCodes) for (const p of codePrefixes(code)) keys.set(`ICD10CM:${p}`, ['ICD10CM', p]);
  input.procedures.forEach((p) => {
    const code = normalizeCode(p.code);
    if (code) for (const prefix of codePrefixes(code)) keys.set(`${p.system}:${prefix}`, [p.system, prefix]);
  });
  const dxPrefixes = unique(dxCodes.flatMap(codePrefixes));
  const modifiers = unique(input.procedures.flatMap((p) => (p.modifiers ?? []).map((m) => m.trim().toUpperCase())));
  const [row] = (await db.query(LOAD_SQL, [
    input.encounter.dateOfService,
    providerTypesFor(input.encounter.type),
    allCodes,
    [...keys.values()].map((k) => k[0]),
    [...keys.values()].map((k) => k[1]),
    dxPrefixes,
    pxCodes,
    modifiers,
  ])) as LoadRow[];
  const source = (kind: EditDataKind): EditSource | undefined => {
    const version = row.versions.find((v) => v.kind === kind);
    return version ? { name: version.name, release: version.release } : undefined;
  };
  const ptpSource = source('NCCI_PTP');
  const mueSource = source('MUE');
  const addOnSource = source('NCCI_ADDON');
  const excludesSource = source('EXCLUDES1');
  return {
    codeSets: row.code_sets.map((v) => ({ ...v, name: CODE_SYSTEM_LABELS[v.system] })),
    codes: row.codes.filter((c) => systems.has(c.system)),
    editLists: row.versions
      .filter((v) => LIST_KINDS[v.kind] !== undefined)
      .map((v) => ({
        source: { name: v.name, release: v.release },
        basis: LIST_KINDS[v.kind] as EditBasis,
        lists: v.lists,
        entries: row.lists
          .filter((e) => e.versionId === v.id)
          .map(({ system, codePrefix, list, value, basis, evidence }) => ({
            system,
            codePrefix,
            list,
            value,
            basis,
            evidence,
          })),
      })),
    // The Tabular release's notes; the Excludes1 CSV only where no Tabular is imported for the date.
    tabularPairs: row.tabular
      ? { source: row.tabular, pairs: row.notes }
      : excludesSource
        ? {
            source: excludesSource,
            pairs: row.excludes.map((x) => ({
              kind: 'EXCLUDES1' as const,
              codePrefix: x.codePrefix,
              otherPrefix: x.excludedPrefix,
              note: `${x.excludedPrefix} (${excludesSource.name} ${excludesSource.release})`,
            })),
          }
        : null,
    ncciPtp: ptpSource ? { source: ptpSource, edits: row.ptp } : null,
    mue: mueSource ? { source: mueSource, limits: row.mue } : null,
    addOns: addOnSource ? { source: addOnSource, edits: row.addons } : null,
    modifierTables: row.modifier_tables.map((t) => ({
      system: t.system,
      source: { name: `${CODE_SYSTEM_LABELS[t.system]} modifiers`, release: t.release },
      modifiers: t.modifiers,
    })),
  };
}

function unique(values: readonly (string | undefined)[]): string[] {
  return [...new Set(values.filter((v): v is string => v !== undefined))];
}
