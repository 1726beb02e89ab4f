/** Route paths of the records domain (relative to /api). */
export const RecordsPaths = {
  charts: 'charts',
  chart: 'charts/:id',
  chartDocument: 'charts/:id/documents/:docId',
  complianceChart: 'compliance/charts/:id',
  complianceChartDocument: 'compliance/charts/:id/documents/:docId',
  patientLookup: 'compliance/patients',
  investigations: 'investigations',
  breakGlass: 'break-glass',
  reviewItems: 'review-items',
  fhirImport: 'admin/fhir-import',
} as const;
