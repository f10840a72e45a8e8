export * from './scheme.js';
export * from './grade.js';
export * from './validate-scheme.js';
export * from './default-scheme.js';
export * from './score-fund.js';
export * from './outcome.js';
export * from './rank-funds.js';
