import type { IsoDate } from '../calendar/iso-date.js';
import type { Period } from '../calendar/period.js';
import type { Fen } from '../money/fen.js';
import type { Ratio } from '../reports/report-model.js';

/** Indicators that count households or loans (DOMAIN §8). */
export const COUNT_INDICATOR_CODES = ['members', 'members_poor', 'disbursed_count'] as const;

/** Indicators that are amounts of money in fen (DOMAIN §8). */
export const MONEY_INDICATOR_CODES = [
  'fund_total',
  'fund_fiscal',
  'fund_member',
  'fund_donation',
  'fund_reserves',
  'outstanding',
  'disbursed_amount',
  'due_principal',
  'overdue_balance',
  'written_off',
  'fee_income',
  'cash',
  'bank',
] as const;

/** Indicators that are ratios, kept as numerator and denominator (DOMAIN §8). */
export const RATIO_INDICATOR_CODES = [
  'membership_rate',
  'poor_membership_rate',
  'utilization_rate',
  'disbursed_poor_share',
  'borrower_coverage',
  'turnover',
  'on_time_rate',
  'recovery_rate',
  'overdue_rate',
  'par30',
  'loss_rate',
  'cost_coverage',
  'avg_loan',
] as const;

/** A count indicator's code. */
export type CountIndicatorCode = (typeof COUNT_INDICATOR_CODES)[number];
/** A money indicator's code. */
export type MoneyIndicatorCode = (typeof MONEY_INDICATOR_CODES)[number];
/** A ratio indicator's code. */
export type RatioIndicatorCode = (typeof RATIO_INDICATOR_CODES)[number];
/** Any indicator's code, exactly as DOMAIN §8 writes it. */
export type IndicatorCode = CountIndicatorCode | MoneyIndicatorCode | RatioIndicatorCode;

/** Every indicator in the order of the DOMAIN §8 table. */
export const INDICATOR_CODES: readonly IndicatorCode[] = [
  'members',
  'members_poor',
  'membership_rate',
  'poor_membership_rate',
  'fund_total',
  'fund_fiscal',
  'fund_member',
  'fund_donation',
  'fund_reserves',
  'outstanding',
  'utilization_rate',
  'disbursed_count',
  'disbursed_amount',
  'disbursed_poor_share',
  'borrower_coverage',
  'turnover',
  'due_principal',
  'on_time_rate',
  'recovery_rate',
  'overdue_balance',
  'overdue_rate',
  'par30',
  'written_off',
  'loss_rate',
  'fee_income',
  'cost_coverage',
  'avg_loan',
  'cash',
  'bank',
];

/** The value of every indicator: counts as integers, money in fen, ratios as `Ratio`. */
export type IndicatorValues = { readonly [C in CountIndicatorCode]: number } & {
  readonly [C in MoneyIndicatorCode]: Fen;
} & { readonly [C in RatioIndicatorCode]: Ratio };

/** The indicators of a fund (or a rollup of funds) for a period, as of its end. */
export interface FundIndicators {
  readonly period: Period;
  /** The period end: every figure is as of this date. */
  readonly asOf: IsoDate;
  readonly values: IndicatorValues;
}

const RATIO_CODES: ReadonlySet<string> = new Set(RATIO_INDICATOR_CODES);

/** Whether an indicator is a ratio. */
export function isRatioIndicator(code: IndicatorCode): code is RatioIndicatorCode {
  return RATIO_CODES.has(code);
}
