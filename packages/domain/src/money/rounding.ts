import { invariant } from '../result.js';

/**
 * numerator ÷ denominator rounded half up (halves away from zero), in exact bigint arithmetic.
 * The one rounding rule of the domain (DOMAIN §3): 0.5 fen → 1 fen, −0.5 fen → −1 fen.
 */
export function roundHalfUpDiv(numerator: bigint, denominator: bigint): bigint {
  invariant(denominator > 0n, 'roundHalfUpDiv needs a positive denominator');
  if (numerator < 0n) return -roundHalfUpDiv(-numerator, denominator);
  return (2n * numerator + denominator) / (2n * denominator);
}
