import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDate } from '../src/calendar/iso-date.js';
import { parsePeriod } from '../src/calendar/period.js';
import { DEFAULT_EVALUATION_SCHEME, gradeOf, scoreFund } from '../src/evaluation/index.js';
import {
  COUNT_INDICATOR_CODES,
  MONEY_INDICATOR_CODES,
  RATIO_INDICATOR_CODES,
  type FundIndicators,
  type IndicatorValues,
} from '../src/indicators/index.js';
import { fen } from '../src/money/fen.js';
import { ratio } from '../src/reports/report-model.js';

const period = (() => {
  const parsed = parsePeriod('2025');
  if (!parsed.ok) throw new Error('period');
  return parsed.value;
})();

const manualItems = DEFAULT_EVALUATION_SCHEME.dimensions.flatMap((d) =>
  d.items.filter((i) => i.kind === 'manual'),
);

const ratioArb = fc.oneof(
  fc.constant(ratio(0, 0)),
  fc
    .tuple(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 0, max: 3_000_000 }))
    .map(([d, n]) => ratio(n, d)),
);

describe('scoreFund properties', () => {
  it('every item within 0…max, dimensions within their weight, total the exact sum', () => {
    fc.assert(
      fc.property(
        fc.tuple(...RATIO_INDICATOR_CODES.map(() => ratioArb)),
        fc.tuple(...manualItems.map((i) => fc.integer({ min: 0, max: i.maxPoints * 10 }))),
        (ratios, manualTenths) => {
          const values = {
            ...Object.fromEntries(COUNT_INDICATOR_CODES.map((c) => [c, 0])),
            ...Object.fromEntries(MONEY_INDICATOR_CODES.map((c) => [c, fen(0)])),
            ...Object.fromEntries(RATIO_INDICATOR_CODES.map((c, i) => [c, ratios[i]])),
          } as IndicatorValues;
          const indicators: FundIndicators = { period, asOf: isoDate('2025-12-31'), values };
          const manual = Object.fromEntries(
            manualItems.map((item, i) => [
              item.code,
              { points: (manualTenths[i] ?? 0) / 10, evidence: '记录' },
            ]),
          );
          const result = scoreFund(DEFAULT_EVALUATION_SCHEME, indicators, manual);
          expect(result.problems).toEqual([]);
          for (const dimension of result.dimensions) {
            for (const item of dimension.items) {
              expect(item.pointsTenths).toBeGreaterThanOrEqual(0);
              expect(item.pointsTenths).toBeLessThanOrEqual(item.maxTenths);
              expect(Number.isInteger(item.pointsTenths)).toBe(true);
            }
            expect(dimension.pointsTenths).toBeLessThanOrEqual(dimension.weightTenths);
          }
          const sum = result.dimensions.reduce((s, d) => s + d.pointsTenths, 0);
          expect(result.totalTenths).toBe(sum);
          expect(result.totalTenths).toBeLessThanOrEqual(1000);
          expect(result.grade).toBe(gradeOf(sum));
        },
      ),
    );
  });
});
