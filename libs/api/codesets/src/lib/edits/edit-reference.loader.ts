import { codePrefixes, normalizeCode } from '@chartdesk/coding-rules';
import {
  type AgeCategory,
  CODE_SYSTEM_LABELS,
  type CodeFact,
  type CodeSystem,
  type EditDataKind,
  type EditEncounterType,
  type EditInput,
  type EditReferenceData,
  type EditSource,
  type MueFact,
  type NcciPtpFact,
} from '@chartdesk/contracts';

/** Hospital outpatient claims take the hospital NCCI/MUE files, professional claims the practitioner ones. */
function providerTypesFor(type: EditEncounterType): string[] {
  return type === 'PROFEE' ? ['PRACTITIONER', 'ALL'] : ['HOSPITAL', 'ALL'];
}

/**
 * Everything one encounter needs in one round trip: every release, the
 * encounter's codes in each, the edit data release covering the date of
 * service for each kind, and only the edit rows keyed by the encounter's codes.
 */
const LOAD_SQL = `
  WITH ev AS (
    SELECT DISTINCT ON (kind) id, kind, source_name, release FROM edit_data_version
     WHERE replaced_by IS NULL AND effective_from <= $1::date AND (effective_to IS NULL OR effective_to >= $1::date)
       AND (kind IN ('CODE_ATTRIBUTES', 'EXCLUDES1') OR provider_type = ANY($2::text[]))
     ORDER BY kind, provider_type = ($2::text[])[1] DESC, effective_from DESC
  )
  SELECT
    (SELECT coalesce(json_agg(json_build_object('system', system, 'release', release,
              'effectiveFrom', effective_from, 'effectiveTo', effective_to)), '[]')
       FROM code_set_version WHERE replaced_by IS NULL) AS code_sets,
    (SELECT coalesce(json_agg(json_build_object('system', v.system, 'code', c.code, 'release', v.release,
              'billable', c.billable)), '[]')
       FROM code c JOIN code_set_version v ON v.id = c.version_id
      WHERE c.code = ANY($3::text[]) AND v.replaced_by IS NULL) AS codes,
    (SELECT coalesce(json_agg(json_build_object('kind', kind, 'name', source_name, 'release', release)), '[]')
       FROM ev) AS versions,
    (SELECT coalesce(json_agg(json_build_object('codePrefix', a.code_prefix, 'sex', a.sex, 'ageCategory', a.age_category,
              'manifestation', a.manifestation, 'unacceptablePrincipal', a.unacceptable_principal, 'poaExempt', a.poa_exempt)), '[]')
       FROM code_edit_attribute a JOIN ev ON ev.id = a.version_id AND ev.kind = 'CODE_ATTRIBUTES'
      WHERE a.code_prefix = ANY($4::text[])) AS attributes,
    (SELECT coalesce(json_agg(json_build_object('codePrefix', x.code_prefix, 'excludedPrefix', x.excluded_prefix)), '[]')
       FROM excludes1_pair x JOIN ev ON ev.id = x.version_id AND ev.kind = 'EXCLUDES1'
      WHERE x.code_prefix = ANY($5::text[])) AS excludes,
    (SELECT coalesce(json_agg(json_build_object('column1', p.column1, 'column2', p.column2, 'effectiveFrom', p.effective_from,
              'effectiveTo', p.effective_to, 'modifierIndicator', p.modifier_indicator)), '[]')
       FROM ncci_ptp_edit p JOIN ev ON ev.id = p.version_id AND ev.kind = 'NCCI_PTP'
      WHERE p.column1 = ANY($6::text[]) AND p.column2 = ANY($6::text[])) AS ptp,
    (SELECT coalesce(json_agg(json_build_object('code', m.code, 'maxUnits', m.max_units,
              'adjudicationIndicator', m.adjudication_indicator)), '[]')
       FROM mue_limit m JOIN ev ON ev.id = m.version_id AND ev.kind = 'MUE'
      WHERE m.code = ANY($6::text[])) AS mue`;

interface LoadRow {
  code_sets: { system: CodeSystem; release: string; effectiveFrom: string; effectiveTo: string | null }[];
  codes: CodeFact[];
  versions: { kind: EditDataKind; name: string; release: string }[];
  attributes: {
    codePrefix: string;
    sex: 'male' | 'female' | null;
    ageCategory: AgeCategory | null;
    manifestation: boolean;
    unacceptablePrincipal: boolean;
    poaExempt: boolean;
  }[];
  excludes: { codePrefix: string; excludedPrefix: string }[];
  ptp: NcciPtpFact[];
  mue: MueFact[];
}

/** A DataSource or an EntityManager: callers inside a transaction pass their manager. */
export interface EditDataQueryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/**
 * Loads only the reference data one encounter needs, so the pure engine can
 * run without touching the database.
 */
export async function loadEditReferenceData(db: EditDataQueryable, input: EditInput): Promise<EditReferenceData> {
  const dxCodes = unique(input.diagnoses.map((d) => normalizeCode(d.code)));
  const pxCodes = unique(input.procedures.map((p) => normalizeCode(p.code)));
  const allCodes = unique([...dxCodes, ...pxCodes]);
  const systems = new Set<CodeSystem>(['ICD10CM', ...input.procedures.map((p) => p.system)]);
  const [row] = (await db.query(LOAD_SQL, [
    input.encounter.dateOfService,
    providerTypesFor(input.encounter.type),
    allCodes,
    unique(allCodes.flatMap(codePrefixes)),
    unique(dxCodes.flatMap(codePrefixes)),
    pxCodes,
  ])) as LoadRow[];
  const source = (kind: EditDataKind): EditSource | undefined => {
    const version = row.versions.find((v) => v.kind === kind);
    return version ? { name: version.name, release: version.release } : undefined;
  };
  const attributesSource = source('CODE_ATTRIBUTES');
  const excludesSource = source('EXCLUDES1');
  const ptpSource = source('NCCI_PTP');
  const mueSource = source('MUE');
  return {
    codeSets: row.code_sets.map((v) => ({ ...v, name: CODE_SYSTEM_LABELS[v.system] })),
    codes: row.codes.filter((c) => systems.has(c.system)),
    attributes: attributesSource
      ? {
          source: attributesSource,
          entries: row.attributes.map((a) => ({
            ...a,
            // false is "not said here": a broader prefix may still say true
            manifestation: a.manifestation || undefined,
            unacceptablePrincipal: a.unacceptablePrincipal || undefined,
            poaExempt: a.poaExempt || undefined,
          })),
        }
      : null,
    excludes1: excludesSource ? { source: excludesSource, pairs: row.excludes } : null,
    ncciPtp: ptpSource ? { source: ptpSource, edits: row.ptp } : null,
    mue: mueSource ? { source: mueSource, limits: row.mue } : null,
  };
}

function unique(values: readonly (string | undefined)[]): string[] {
  return [...new Set(values.filter((v): v is string => v !== undefined))];
}
