export * from './lib/code-format';
export * from './lib/edit-data';
export * from './lib/edit-engine';
export { AGE_CATEGORY_RANGES } from './lib/rules/patient-conflict.rules';
export { PTP_BYPASS_MODIFIERS } from './lib/rules/procedure-line.rules';
