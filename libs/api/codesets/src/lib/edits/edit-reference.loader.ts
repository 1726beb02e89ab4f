import { codePrefixes, normalizeCode } from '@chartdesk/coding-rules';
import {
  CODE_SYSTEM_LABELS,
  type CodeFact,
  type CodeSetReleaseFact,
  type CodeSystem,
  type EditDataKind,
  type EditEncounterType,
  type EditInput,
  type EditReferenceData,
  type EditSource,
} from '@chartdesk/contracts';
import type { DataSource } from 'typeorm';

interface EditVersion {
  id: string;
  source: EditSource;
}

/** Hospital outpatient claims take the hospital NCCI/MUE files, professional claims the practitioner ones. */
function providerTypesFor(type: EditEncounterType): string[] {
  return type === 'PROFEE' ? ['PRACTITIONER', 'ALL'] : ['HOSPITAL', 'ALL'];
}

/**
 * Loads only the reference data one encounter needs — its codes in every
 * release, the edit rows keyed by its codes — so the pure engine can run
 * without touching the database.
 */
export async function loadEditReferenceData(db: DataSource, input: EditInput): Promise<EditReferenceData> {
  const dos = input.encounter.dateOfService;
  const dxCodes = unique(input.diagnoses.map((d) => normalizeCode(d.code)));
  const pxCodes = unique(input.procedures.map((p) => normalizeCode(p.code)));
  const allCodes = unique([...dxCodes, ...pxCodes]);
  const systems = new Set<CodeSystem>(['ICD10CM', ...input.procedures.map((p) => p.system)]);

  const versionRows = (await db.query(
    `SELECT system, release, effective_from::text AS "from", effective_to::text AS "to" FROM code_set_version WHERE replaced_by IS NULL`,
  )) as { system: CodeSystem; release: string; from: string; to: string | null }[];
  const codeSets: CodeSetReleaseFact[] = versionRows.map((v) => ({
    system: v.system,
    name: CODE_SYSTEM_LABELS[v.system],
    release: v.release,
    effectiveFrom: v.from,
    effectiveTo: v.to,
  }));
  const codeRows = (await db.query(
    `SELECT v.system, c.code, v.release, c.billable
       FROM code c JOIN code_set_version v ON v.id = c.version_id
      WHERE c.code = ANY($1::text[]) AND v.replaced_by IS NULL`,
    [allCodes],
  )) as CodeFact[];
  const codes = codeRows.filter((c) => systems.has(c.system));

  const editVersions = (await db.query(
    `SELECT DISTINCT ON (kind) id, kind, source_name, release FROM edit_data_version
      WHERE replaced_by IS NULL AND effective_from <= $1::date AND (effective_to IS NULL OR effective_to >= $1::date)
        AND (kind IN ('CODE_ATTRIBUTES', 'EXCLUDES1') OR provider_type = ANY($2::text[]))
      ORDER BY kind, provider_type = $3 DESC, effective_from DESC`,
    [dos, providerTypesFor(input.encounter.type), providerTypesFor(input.encounter.type)[0]],
  )) as { id: string; kind: EditDataKind; source_name: string; release: string }[];
  const version = (kind: EditDataKind): EditVersion | undefined => {
    const row = editVersions.find((v) => v.kind === kind);
    return row ? { id: row.id, source: { name: row.source_name, release: row.release } } : undefined;
  };

  const attributesVersion = version('CODE_ATTRIBUTES');
  const excludesVersion = version('EXCLUDES1');
  const ptpVersion = version('NCCI_PTP');
  const mueVersion = version('MUE');
  const allPrefixes = unique(allCodes.flatMap(codePrefixes));
  const dxPrefixes = unique(dxCodes.flatMap(codePrefixes));

  return {
    codeSets,
    codes,
    attributes: attributesVersion
      ? {
          source: attributesVersion.source,
          entries: (
            (await db.query(
              `SELECT code_prefix, sex, age_category, manifestation, unacceptable_principal, poa_exempt
                 FROM code_edit_attribute WHERE version_id = $1 AND code_prefix = ANY($2::text[])`,
              [attributesVersion.id, allPrefixes],
            )) as {
              code_prefix: string;
              sex: 'male' | 'female' | null;
              age_category: 'NEWBORN' | 'PEDIATRIC' | 'MATERNITY' | 'ADULT' | null;
              manifestation: boolean;
              unacceptable_principal: boolean;
              poa_exempt: boolean;
            }[]
          ).map((r) => ({
            codePrefix: r.code_prefix,
            sex: r.sex,
            ageCategory: r.age_category,
            // false is "not said here": a broader prefix may still say true
            manifestation: r.manifestation || undefined,
            unacceptablePrincipal: r.unacceptable_principal || undefined,
            poaExempt: r.poa_exempt || undefined,
          })),
        }
      : null,
    excludes1: excludesVersion
      ? {
          source: excludesVersion.source,
          pairs: (await db.query(
            `SELECT code_prefix AS "codePrefix", excluded_prefix AS "excludedPrefix"
                 FROM excludes1_pair WHERE version_id = $1 AND code_prefix = ANY($2::text[])`,
            [excludesVersion.id, dxPrefixes],
          )) as { codePrefix: string; excludedPrefix: string }[],
        }
      : null,
    ncciPtp: ptpVersion
      ? {
          source: ptpVersion.source,
          edits: (await db.query(
            `SELECT column1, column2, effective_from::text AS "effectiveFrom", effective_to::text AS "effectiveTo",
                      modifier_indicator AS "modifierIndicator"
                 FROM ncci_ptp_edit WHERE version_id = $1 AND column1 = ANY($2::text[]) AND column2 = ANY($2::text[])`,
            [ptpVersion.id, pxCodes],
          )) as {
            column1: string;
            column2: string;
            effectiveFrom: string;
            effectiveTo: string | null;
            modifierIndicator: 0 | 1 | 9;
          }[],
        }
      : null,
    mue: mueVersion
      ? {
          source: mueVersion.source,
          limits: (await db.query(
            `SELECT code, max_units AS "maxUnits", adjudication_indicator AS "adjudicationIndicator"
                 FROM mue_limit WHERE version_id = $1 AND code = ANY($2::text[])`,
            [mueVersion.id, pxCodes],
          )) as { code: string; maxUnits: number; adjudicationIndicator: 1 | 2 | 3 }[],
        }
      : null,
  };
}

function unique(values: readonly (string | undefined)[]): string[] {
  return [...new Set(values.filter((v): v is string => v !== undefined))];
}
