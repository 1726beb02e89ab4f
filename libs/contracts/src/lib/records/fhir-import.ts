import type { SensitivityLabel } from '../auth/roles';

/** One bundle's outcome. Errors name the resource, never its values. */
export interface FhirBundleResult {
  /** Position of the bundle in the request (0-based) or the file name in the CLI. */
  readonly source: string;
  readonly ok: boolean;
  /** Resources written (created or already there). */
  readonly written: number;
  /**
   * Created vs updated, and demographic conflicts, tell whether an MRN already
   * existed: only the operator's CLI gets them, never an admin through the API.
   */
  readonly created?: number;
  readonly updated?: number;
  /** Patients whose incoming name, birth date or sex differ from the stored ones: not applied, audited for review. */
  readonly conflicts?: number;
  readonly skipped: number;
  readonly errors: readonly string[];
}

/** POST /api/admin/fhir-import — the body is a Bundle, or `{ bundles: Bundle[] }`. */
export interface FhirImportSummary {
  readonly bundles: number;
  readonly imported: number;
  readonly failed: number;
  readonly results: readonly FhirBundleResult[];
}

/**
 * How FHIR `meta.security` codes (v3-ActCode and v3-Confidentiality) become
 * our sensitivity labels. Unknown codes are ignored; `R`/`V` confidentiality
 * alone adds no label because it does not say what is sensitive.
 */
export const FHIR_SECURITY_LABEL_MAP: Readonly<Record<string, SensitivityLabel>> = {
  ETH: 'SUBSTANCE_USE_PART2',
  ETHUD: 'SUBSTANCE_USE_PART2',
  SUD: 'SUBSTANCE_USE_PART2',
  PSY: 'BEHAVIORAL_HEALTH',
  PSYTHPN: 'BEHAVIORAL_HEALTH',
  MH: 'BEHAVIORAL_HEALTH',
  BH: 'BEHAVIORAL_HEALTH',
  HIV: 'HIV_STI',
  STD: 'HIV_STI',
  // Sexual assault, abuse or domestic violence: kept with the behavioural-health protections.
  SDV: 'BEHAVIORAL_HEALTH',
  SEX: 'REPRODUCTIVE',
  SOC: 'BEHAVIORAL_HEALTH',
  GDIS: 'GENETIC',
  DEMPLOY: 'EMPLOYEE',
  CEL: 'VIP',
};
