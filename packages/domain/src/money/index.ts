export * from './fen.js';
export * from './rounding.js';
export * from './yuan.js';
export * from './chinese-uppercase.js';
export * from './rate.js';
export * from './limits.js';
