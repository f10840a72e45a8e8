export * from './errors.js';
export * from './common.js';
export * from './auth.js';
export * from './regions.js';
export * from './users.js';
export * from './audit.js';
export * from './funds.js';
export const API_PREFIX = '/api/v1';
