export * from './schedule.js';
export * from './loan-state.js';
export * from './fee.js';
export * from './aging.js';
export * from './checks.js';
export * from './lifecycle.js';
