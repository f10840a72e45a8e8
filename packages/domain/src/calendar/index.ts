export * from './iso-date.js';
export * from './period.js';
