import type { Period } from '../calendar/period.js';
import { periodEnd } from '../calendar/period.js';
import { fen, type Fen } from '../money/fen.js';
import { ratio, ratioValue, type Ratio } from '../reports/report-model.js';
import { invariant } from '../result.js';
import {
  COUNT_INDICATOR_CODES,
  MONEY_INDICATOR_CODES,
  RATIO_INDICATOR_CODES,
  type FundIndicators,
  type IndicatorCode,
} from './indicator-codes.js';

function byCode<C extends string, V>(codes: readonly C[], value: (code: C) => V): Record<C, V> {
  return Object.fromEntries(codes.map((code) => [code, value(code)])) as Record<C, V>;
}

/**
 * The indicators of a township, county or city: counts and money summed, and each ratio
 * recomputed from its summed numerator and denominator — never an average of ratios. All
 * entries must be for the same period; an empty list needs `period` (all ratios then 0 ÷ 0).
 */
export function rollUpIndicators(
  list: readonly FundIndicators[],
  period: Period | undefined = list[0]?.period,
): FundIndicators {
  invariant(period !== undefined, 'an empty rollup needs its period');
  invariant(
    list.every((entry) => entry.period === period),
    'rolled-up indicators must share one period',
  );
  const sumOf = (pick: (entry: FundIndicators) => number): number =>
    list.reduce((total, entry) => total + pick(entry), 0);
  return {
    period,
    asOf: periodEnd(period),
    values: {
      ...byCode(COUNT_INDICATOR_CODES, (code): number => sumOf((e) => e.values[code])),
      ...byCode(MONEY_INDICATOR_CODES, (code): Fen => fen(sumOf((e) => e.values[code]))),
      ...byCode(RATIO_INDICATOR_CODES, (code): Ratio =>
        ratio(
          sumOf((e) => e.values[code].numerator),
          sumOf((e) => e.values[code].denominator),
        ),
      ),
    },
  };
}

/** An indicator's value for display: the count or fen, a ratio's value, null for "—". */
export function indicatorValue(indicators: FundIndicators, code: IndicatorCode): number | null {
  const value = indicators.values[code];
  return typeof value === 'number' ? value : ratioValue(value);
}
