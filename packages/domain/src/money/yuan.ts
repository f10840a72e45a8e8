import { fail, ok, type Result } from '../result.js';
import { fen, type Fen } from './fen.js';

/** Codes of `parseYuan`. */
export type ParseYuanError = 'amount_invalid' | 'amount_too_many_decimals' | 'amount_out_of_range';

const YUAN_PATTERN = /^(-?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;

/**
 * Parses a 元 amount typed by a user ('1234.56', '1,234.5', '-3') into fen without floats.
 * Thousands separators must be well placed; more than two decimals is an error, never rounded.
 */
export function parseYuan(input: string): Result<Fen, ParseYuanError> {
  const match = YUAN_PATTERN.exec(input.trim());
  if (match === null) return fail('amount_invalid', { input });
  const [, sign = '', integerPart = '', decimals = ''] = match;
  if (decimals.length > 2) return fail('amount_too_many_decimals', { input });
  const digits = `${integerPart.replaceAll(',', '')}${decimals.padEnd(2, '0')}`;
  const magnitude = BigInt(digits);
  if (magnitude > BigInt(Number.MAX_SAFE_INTEGER)) return fail('amount_out_of_range', { input });
  const value = Number(magnitude);
  return ok(fen(sign === '-' && value !== 0 ? -value : value));
}

/** Formats fen as 元 with thousands separators and two decimals: 123456 → '1,234.56'. */
export function formatYuan(amount: Fen): string {
  const sign = amount < 0 ? '-' : '';
  const magnitude = Math.abs(amount);
  const yuan = Math.trunc(magnitude / 100);
  const cents = magnitude % 100;
  const grouped = String(yuan).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${grouped}.${String(cents).padStart(2, '0')}`;
}
