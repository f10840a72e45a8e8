export * from './accounts.js';
export * from './voucher.js';
export * from './posting-rules.js';
export * from './balances.js';
export * from './distribution.js';
export * from './exit-transfer.js';
