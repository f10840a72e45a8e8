export * from './warning-thresholds.js';
export * from './warning-model.js';
export * from './ratio-compare.js';
export { warningContext, type WarningContext, type WarningRule } from './warning-context.js';
export * from './evaluate-warnings.js';
