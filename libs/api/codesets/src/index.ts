export * from './lib/codesets.module';
export { CodeSearchService } from './lib/search/code-search.service';
export { CodeEditService } from './lib/edits/code-edit.service';
export { loadEditReferenceData, type EditDataQueryable } from './lib/edits/edit-reference.loader';
export { CODESETS_MIGRATIONS } from './lib/migrations';
export { seedDemoCodeSets, demoCodeSetDir } from './lib/demo/demo-code-sets';
export { importCodeSetFile, type CodeSetImportRequest, type ImportRequester } from './lib/import/code-set.importer';
export { importEditDataFile, type EditDataImportRequest } from './lib/import/edit-data.importer';
export { CODESET_COMMANDS } from './lib/cli/import-commands';
