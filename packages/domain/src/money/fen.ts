import { invariant } from '../result.js';
import { AmountOutOfRangeError } from './limits.js';

declare const fenBrand: unique symbol;

/** An amount of money in integer fen (分); negative only for balances and differences. */
export type Fen = number & { readonly [fenBrand]: 'Fen' };

/**
 * Brands a safe integer as fen (−0 becomes 0). A fraction is a bug; an integer beyond 2^53 − 1
 * (a sum over data written behind the application) is an `AmountOutOfRangeError`. Every sum
 * through `fen`, `addFen` and `sumFen` is checked step by step, so it is exact or it throws.
 */
export function fen(amount: number): Fen {
  if (Number.isInteger(amount) && !Number.isSafeInteger(amount)) {
    throw new AmountOutOfRangeError(String(amount));
  }
  invariant(Number.isSafeInteger(amount), `fen must be a safe integer, got ${String(amount)}`);
  return (amount === 0 ? 0 : amount) as Fen;
}

/** Zero fen. */
export const ZERO_FEN: Fen = fen(0);

/** Converts a bigint fen amount back to Fen, asserting it is a safe integer. */
export function fenFromBigInt(amount: bigint): Fen {
  if (amount > BigInt(Number.MAX_SAFE_INTEGER) || amount < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new AmountOutOfRangeError(amount.toString());
  }
  return fen(Number(amount));
}

/** a + b. */
export function addFen(a: Fen, b: Fen): Fen {
  return fen(a + b);
}

/** a − b. */
export function subtractFen(a: Fen, b: Fen): Fen {
  return fen(a - b);
}

/** −a. */
export function negateFen(a: Fen): Fen {
  return fen(0 - a);
}

/** The smaller of two amounts. */
export function minFen(a: Fen, b: Fen): Fen {
  return a <= b ? a : b;
}

/** The larger of two amounts. */
export function maxFen(a: Fen, b: Fen): Fen {
  return a >= b ? a : b;
}

/** The exact sum of amounts (0 for none), checked at every step. */
export function sumFen(amounts: Iterable<Fen>): Fen {
  let total = 0;
  for (const amount of amounts) total = fen(total + amount);
  return fen(total);
}
