export * from './lib/api-records.module';
export * from './lib/migrations';
export * from './lib/crypto/field-cipher';
export * from './lib/crypto/field-cipher.provider';
export * from './lib/crypto/records-key';
export * from './lib/store/record-inputs';
export * from './lib/store/record-store';
export * from './lib/charts/chart-sql';
