/** Route paths of code search, edits and code set administration (see ApiPaths for the prefix). */
export const CodePaths = {
  search: 'codes/search',
  edits: 'codes/edits',
  releases: 'codesets/releases',
  importFiles: 'codesets/import-files',
  imports: 'codesets/imports',
} as const;
