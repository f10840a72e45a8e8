import { invariant } from '../result.js';

declare const rateBrand: unique symbol;

/** An annual fee rate in basis points (1 bp = 0.01% a year); 7‰ a month = 840 bp. */
export type RateBp = number & { readonly [rateBrand]: 'RateBp' };

/** How the bylaws quote the rate: 月息‰ (monthly per-mille) or 年% (annual percent). */
export type RateBasis = 'monthly_permille' | 'annual_percent';

/** Brands a non-negative integer as an annual rate in basis points. */
export function rateBp(bp: number): RateBp {
  invariant(Number.isSafeInteger(bp) && bp >= 0, `rate must be a non-negative integer bp`);
  return bp as RateBp;
}

/** Scales a decimal quoted rate to an integer count of `unitsPer` steps, asserting it is exact. */
function exactSteps(quoted: number, unitsPer: number, what: string): number {
  const steps = Math.round(quoted * unitsPer);
  invariant(Math.abs(steps - quoted * unitsPer) < 1e-9, `${what} has too many decimals`);
  return steps;
}

/** 月息 p‰ → annual bp (× 12 months × 10 bp per ‰); 7 → 840; 6.5 → 780 (one decimal allowed). */
export function rateFromMonthlyPermille(permille: number): RateBp {
  return rateBp(exactSteps(permille, 10, 'monthly permille') * 12);
}

/** 年 p% → annual bp; 8.4 → 840 (two decimals allowed). */
export function rateFromAnnualPercent(percent: number): RateBp {
  return rateBp(exactSteps(percent, 100, 'annual percent'));
}

/** Shows a rate in the basis the bylaws quote it: 840 bp → '月息7‰' or '年8.4%'. */
export function formatRate(rate: RateBp, basis: RateBasis): string {
  if (basis === 'monthly_permille') return `月息${trimDecimal(rate, 120)}‰`;
  return `年${trimDecimal(rate, 100)}%`;
}

/** value ÷ divisor printed with at most 4 decimals and no trailing zeros (display only). */
function trimDecimal(value: number, divisor: number): string {
  const whole = Math.trunc(value / divisor);
  const remainder = value % divisor;
  if (remainder === 0) return String(whole);
  const fraction = Math.round((remainder / divisor) * 10_000);
  return `${whole}.${String(fraction).padStart(4, '0').replace(/0+$/, '')}`;
}
