export * from './report-model.js';
export * from './trial-balance-report.js';
export * from './balance-sheet-report.js';
export * from './activity-report.js';
export * from './journal-report.js';
export * from './loan-register-report.js';
export * from './member-statement-report.js';
