export * from './indicator-input.js';
export * from './indicator-codes.js';
export * from './indicator-definitions.js';
export * from './loan-position.js';
export * from './membership-figures.js';
export * from './fund-indicators.js';
export * from './indicator-rollup.js';
