import type { Ratio } from '../reports/report-model.js';
import { invariant } from '../result.js';

function normalised(value: Ratio): { readonly n: bigint; readonly d: bigint } {
  invariant(
    Number.isSafeInteger(value.numerator) && Number.isSafeInteger(value.denominator),
    'ratio parts must be whole numbers',
  );
  const sign = value.denominator < 0 ? -1n : 1n;
  return { n: BigInt(value.numerator) * sign, d: BigInt(value.denominator) * sign };
}

/** Exact comparison of two ratios (no floating point); null when either is not applicable. */
export function compareRatios(a: Ratio, b: Ratio): -1 | 0 | 1 | null {
  if (a.denominator === 0 || b.denominator === 0) return null;
  const x = normalised(a);
  const y = normalised(b);
  const left = x.n * y.d;
  const right = y.n * x.d;
  if (left < right) return -1;
  return left > right ? 1 : 0;
}

/** Exact comparison of a ratio with a whole percent; null when the ratio is not applicable. */
export function compareRatioToPercent(value: Ratio, percent: number): -1 | 0 | 1 | null {
  return compareRatios(value, { numerator: percent, denominator: 100 });
}

/** How `formatPercent` rounds to the hundredth of a percent. */
export type PercentRounding = 'nearest' | 'up' | 'down';

function floorDiv(a: bigint, b: bigint): bigint {
  return a >= 0n ? a / b : -((-a + b - 1n) / b);
}

/**
 * A ratio as a percent with two decimals ('6.25%'), or — when not applicable. Exact: 'nearest'
 * rounds half up; a warning rounds away from its threshold ('up' for "above", 'down' for
 * "below") so that 5.001% never reads as an over-the-line "5.00%".
 */
export function formatPercent(value: Ratio, rounding: PercentRounding = 'nearest'): string {
  if (value.denominator === 0) return '—';
  const { n, d } = normalised(value);
  const scaled = n * 10_000n;
  const hundredths =
    rounding === 'down'
      ? floorDiv(scaled, d)
      : rounding === 'up'
        ? -floorDiv(-scaled, d)
        : floorDiv(2n * scaled + d, 2n * d);
  const sign = hundredths < 0n ? '-' : '';
  const magnitude = hundredths < 0n ? -hundredths : hundredths;
  const whole = (magnitude / 100n).toString();
  const fraction = (magnitude % 100n).toString().padStart(2, '0');
  return `${sign}${whole}.${fraction}%`;
}
