export * from './lib/audit.module';
export * from './lib/writer/audit.service';
export * from './lib/writer/audit-event-input';
export * from './lib/chain/canonical-event';
export * from './lib/chain/chain-hash';
export * from './lib/schema/audit-schema-maintenance';
export * from './lib/migrations';
