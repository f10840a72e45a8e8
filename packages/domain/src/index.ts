export * from './result.js';
export * from './regions/region-code.js';
export * from './money/index.js';
export * from './calendar/index.js';
export * from './fund/bylaws.js';
export * from './loans/index.js';
