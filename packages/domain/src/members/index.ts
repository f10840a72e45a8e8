export * from './id-card.js';
export * from './member.js';
export * from './exit.js';
