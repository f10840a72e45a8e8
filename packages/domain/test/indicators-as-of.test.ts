import { describe, expect, it } from 'vitest';
import {
  computeFundIndicators,
  DEFAULT_CHART,
  fen,
  isoDate,
  type FundIndicatorInput,
  type Period,
} from '../src/index.js';

const input: FundIndicatorInput = {
  period: '2025Q1' as Period,
  members: [
    {
      id: 'm1',
      joinedOn: isoDate('2024-12-01'),
      exitedOn: null,
      categoryHistory: [{ from: isoDate('2024-12-01'), category: 'poor' }],
      isOfficer: false,
    },
  ],
  householdCounts: [],
  loans: [
    {
      id: 'l1',
      memberId: 'm1',
      disbursedOn: isoDate('2025-01-01'),
      principalFen: fen(100_000),
      schedule: [{ dueOn: isoDate('2025-02-01'), principalFen: fen(100_000) }],
      repayments: [],
      writtenOffOn: null,
      writtenOffPrincipalFen: fen(0),
      purpose: '养殖',
    },
  ],
  chart: DEFAULT_CHART,
  lines: [],
};

describe('indicators as of a day inside the period', () => {
  it('ages loans to that day, not to the period end', () => {
    const live = computeFundIndicators({ ...input, asOf: isoDate('2025-02-15') });
    expect(live.asOf).toBe('2025-02-15');
    expect(live.values.overdue_balance).toBe(100_000);
    expect(live.values.par30).toEqual({ numerator: 0, denominator: 100_000 });
    const end = computeFundIndicators(input);
    expect(end.asOf).toBe('2025-03-31');
    expect(end.values.par30).toEqual({ numerator: 100_000, denominator: 100_000 });
  });

  it('ignores an as-of date after the period end', () => {
    expect(computeFundIndicators({ ...input, asOf: isoDate('2025-06-30') }).asOf).toBe(
      '2025-03-31',
    );
  });
});
