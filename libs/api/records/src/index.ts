export * from './lib/api-records.module';
export * from './lib/migrations';
export * from './lib/crypto/field-cipher';
export * from './lib/crypto/field-cipher.provider';
export * from './lib/crypto/records-key';
export * from './lib/store/record-inputs';
export * from './lib/store/record-store';
export * from './lib/charts/chart-sql';
export * from './lib/fhir/fhir-import-command';
export * from './lib/fhir/fhir-importer';
export * from './lib/demo/demo-answer-key';
export * from './lib/demo/demo-scenarios';
export * from './lib/demo/demo-chart-generator';
export * from './lib/demo/bulk-chart-writer';
export * from './lib/demo/records-demo-seed';
export {
  type AccessFactsInput,
  factsFrom as chartAccessFactsOf,
  subjectFrom as chartSubjectOf,
} from './lib/charts/chart-rows';
export * from './lib/store/chart-workflow-commands';
export * from './lib/break-glass/break-glass-review-queue';
export * from './lib/access/chart-access.service';
export * from './lib/access/chart-denied';
export * from './lib/access/chart-scoped';
export * from './lib/access/field-projection';
