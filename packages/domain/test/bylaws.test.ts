import { describe, expect, it } from 'vitest';
import { isoDate } from '../src/calendar/iso-date.js';
import { bylawsInEffect, DEFAULT_BYLAWS, validateBylaws } from '../src/fund/bylaws.js';
import { fen } from '../src/money/fen.js';

describe('bylaws', () => {
  it('default to the DOMAIN values', () => {
    expect(DEFAULT_BYLAWS).toMatchObject({
      feeRateBpPerYear: 840,
      feeRateBasis: 'monthly_permille',
      overdueMultiplierPercent: 150,
      firstLoanLimitFen: 500_000,
      laterLoanLimitFen: 1_000_000,
      maxTermMonths: 12,
      cashLimitFen: 200_000,
      distribution: { commonReservePercent: 50, welfareFundPercent: 20, riskReservePercent: 30 },
    });
    expect(validateBylaws(DEFAULT_BYLAWS).ok).toBe(true);
  });

  it('picks the latest version effective on or before a date', () => {
    const raised = {
      ...DEFAULT_BYLAWS,
      effectiveOn: isoDate('2025-07-01'),
      laterLoanLimitFen: fen(2_000_000),
    };
    const versions = [raised, DEFAULT_BYLAWS];
    expect(bylawsInEffect(versions, isoDate('2025-06-30'))).toEqual({
      ok: true,
      value: DEFAULT_BYLAWS,
    });
    expect(bylawsInEffect(versions, isoDate('2025-07-01'))).toEqual({ ok: true, value: raised });
    expect(bylawsInEffect(versions, isoDate('2005-12-31'))).toMatchObject({
      code: 'bylaws_not_in_effect',
    });
  });

  it('rejects distribution ratios that do not sum to 100', () => {
    const bad = {
      ...DEFAULT_BYLAWS,
      distribution: { commonReservePercent: 50, welfareFundPercent: 20, riskReservePercent: 20 },
    };
    expect(validateBylaws(bad)).toMatchObject({
      code: 'bylaws_invalid',
      details: { problems: ['distribution percentages must sum to 100'] },
    });
  });
});
