import {
  formatYuan,
  fen,
  INDICATOR_CODES,
  INDICATOR_DEFINITIONS,
  type IndicatorCode,
} from '@huzhu/domain';
import type { IndicatorSet, IndicatorValue } from '../../api/types.js';
import { Money } from '../../ui/Money.js';
import { RatioText } from '../../ui/RatioText.js';

export { INDICATOR_CODES, INDICATOR_DEFINITIONS, type IndicatorCode };

/**
 * An indicator's value as one number: a count, fen, or a ratio's fraction; null when it is not
 * applicable (a ratio with denominator 0) or absent (a fund without a submitted report).
 */
export function numericValue(value: IndicatorValue | undefined): number | null {
  if (value === undefined) return null;
  if (typeof value === 'number') return value;
  return value.denominator === 0 ? null : value.numerator / value.denominator;
}

export function valueOf(set: IndicatorSet | undefined, code: IndicatorCode): number | null {
  return numericValue(set?.[code]);
}

/**
 * The text of an indicator as the screen shows it: 元 with two decimals, percent with one
 * decimal, times with two, whole numbers; '—' when not applicable.
 */
export function formatIndicator(code: IndicatorCode, value: IndicatorValue | undefined): string {
  const number = numericValue(value);
  if (number === null) return '—';
  switch (INDICATOR_DEFINITIONS[code].display) {
    case 'integer':
      return String(number);
    case 'yuan':
      return formatYuan(fen(Math.round(number)));
    case 'percent':
      return `${(number * 100).toFixed(1)}%`;
    case 'times':
      return `${number.toFixed(2)} 次`;
  }
}

/** An indicator in a table cell or a card: money through <Money>, ratios '—' without denominator. */
export function IndicatorText({
  code,
  value,
}: {
  code: IndicatorCode;
  value: IndicatorValue | undefined;
}) {
  const number = numericValue(value);
  if (number === null) return <span>—</span>;
  const display = INDICATOR_DEFINITIONS[code].display;
  if (display === 'yuan') return <Money fen={Math.round(number)} />;
  if (display === 'percent') return <RatioText value={number} />;
  return <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatIndicator(code, value)}</span>;
}

/** The indicators of DOMAIN §8 in groups, for table headers and the report's descriptions. */
export const INDICATOR_GROUPS: readonly { title: string; codes: readonly IndicatorCode[] }[] = [
  {
    title: '会员',
    codes: ['members', 'members_poor', 'membership_rate', 'poor_membership_rate'],
  },
  {
    title: '资金规模与构成',
    codes: [
      'fund_total',
      'fund_fiscal',
      'fund_member',
      'fund_donation',
      'fund_reserves',
      'cash',
      'bank',
    ],
  },
  {
    title: '借款',
    codes: [
      'outstanding',
      'utilization_rate',
      'disbursed_count',
      'disbursed_amount',
      'avg_loan',
      'disbursed_poor_share',
      'borrower_coverage',
      'turnover',
    ],
  },
  {
    title: '还款与风险',
    codes: [
      'due_principal',
      'on_time_rate',
      'recovery_rate',
      'overdue_balance',
      'overdue_rate',
      'par30',
      'written_off',
      'loss_rate',
    ],
  },
  { title: '收益', codes: ['fee_income', 'cost_coverage'] },
];
