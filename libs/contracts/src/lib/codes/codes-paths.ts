/** Route paths of code search, edits and code set administration (see ApiPaths for the prefix). */
export const CodePaths = {
  search: 'codes/search',
  edits: 'codes/edits',
  /** The reference data for an encounter's codes, so the browser can run the same engine. */
  editData: 'codes/edit-data',
  /** `codes/reference/:system/:code`: hierarchy, notes and 7th characters of one code. */
  reference: 'codes/reference',
  pcsBuilder: 'codes/pcs-builder',
  releases: 'codesets/releases',
  importFiles: 'codesets/import-files',
  imports: 'codesets/imports',
} as const;
