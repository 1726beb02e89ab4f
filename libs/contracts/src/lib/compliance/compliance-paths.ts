/** Route paths of the compliance workbench (relative to /api). */
export const CompliancePaths = {
  patientSearch: 'compliance/patient-search',
  userSearch: 'compliance/user-search',
  report: 'compliance/reports/:report',
  export: 'compliance/exports/:report',
  exportManifest: 'compliance/export-manifests/:id',
  exportVerify: 'compliance/export-verifications',
  reviewItems: 'compliance/review-items',
  reviewItem: 'compliance/review-items/:id',
  reviewItemNotes: 'compliance/review-items/:id/notes',
  anomalyRules: 'compliance/anomaly-rules',
  anomalyRule: 'compliance/anomaly-rules/:rule',
  anomalyScans: 'compliance/anomaly-scans',
  dashboard: 'compliance/dashboard',
  integrityVerify: 'compliance/integrity/verifications',
  integrityCheckpoint: 'compliance/integrity/checkpoint',
} as const;

/** Fills `:name` placeholders, e.g. `compliancePath(CompliancePaths.report, { report: 'denials' })`. */
export function compliancePath(path: string, params: Record<string, string>): string {
  return path.replace(/:([a-z]+)/gi, (_, name: string) => encodeURIComponent(params[name] ?? ''));
}
