/**
 * Bounds on every amount Huzhu stores (issue 17.1). A real village fund holds some 十万元 and
 * lends a few 万元 at a time; these limits sit orders of magnitude above anything real, yet low
 * enough that no sum the reports compute can leave the range of exact integers (2^53 − 1 fen).
 * The API refuses a larger amount (`amount_exceeds_limit`), and the database has CHECK constraints
 * on the same figures (migration 0007).
 */

/** The largest single amount a fund records: 1亿元 (one voucher line, loan, repayment, share). */
export const MAX_MOVEMENT_FEN = 10_000_000_000;

/**
 * The largest balance or total of one fund: 1000亿元 (opening balances, 互助资金总额). Even the
 * sum of this over 900 funds is still an exact integer.
 */
export const MAX_FUND_TOTAL_FEN = 10_000_000_000_000;

/** The largest amount of one programme figure (a plan's budget line or allocation): 100亿元. */
export const MAX_PROGRAMME_AMOUNT_FEN = 1_000_000_000_000;

/**
 * A sum or stored amount left the range of exact integers — only data written behind the
 * application (beyond every limit) can cause it. The server answers it with the named code
 * `books_amount_out_of_range` (422) instead of a wrong figure or a 500.
 */
export class AmountOutOfRangeError extends Error {
  readonly code = 'books_amount_out_of_range';
  constructor(readonly amount: string) {
    super(`amount out of the exact integer range: ${amount}`);
    this.name = 'AmountOutOfRangeError';
  }
}
