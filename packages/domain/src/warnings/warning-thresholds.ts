import type { Ratio } from '../reports/report-model.js';
import { fail, ok, type Result } from '../result.js';

/** The configurable thresholds of the DOMAIN §10 warnings; percents are whole numbers. */
export interface WarningThresholds {
  /** overdue_rate_high: overdue_rate above this percent. */
  readonly overdueRatePercent: number;
  /** dpd_over_limit: any outstanding loan with DPD above this many days. */
  readonly maxDpdDays: number;
  /** idle_funds: utilization below this percent this quarter and the previous one. */
  readonly idleUtilizationPercent: number;
  /** no_liquidity: utilization above this percent. */
  readonly maxUtilizationPercent: number;
  /** elite_capture: officers' households' outstanding above this percent of outstanding. */
  readonly eliteCapturePercent: number;
  /** concentration: the top this-percent of borrowers (rounded up, at least one)… */
  readonly topBorrowersPercent: number;
  /** …holding more than this percent of outstanding. */
  readonly top10SharePercent: number;
  /** concentration is judged only with at least this many borrowers. */
  readonly concentrationMinBorrowers: number;
  /** targeting_drift: poor share of borrowers below poor share of members minus these points. */
  readonly targetingDriftPercentPoints: number;
  /** cost_coverage_low: cost_coverage below this ratio. */
  readonly costCoverageMin: Ratio;
  /** no_assembly_12_months: no 会员大会 in this many months to the period end. */
  readonly assemblyIntervalMonths: number;
}

/** The DOMAIN §10 defaults. */
export const DEFAULT_WARNING_THRESHOLDS: WarningThresholds = {
  overdueRatePercent: 5,
  maxDpdDays: 90,
  idleUtilizationPercent: 50,
  maxUtilizationPercent: 95,
  eliteCapturePercent: 20,
  topBorrowersPercent: 10,
  top10SharePercent: 40,
  concentrationMinBorrowers: 10,
  targetingDriftPercentPoints: 0,
  costCoverageMin: { numerator: 1, denominator: 1 },
  assemblyIntervalMonths: 12,
};

/** Code of `validateWarningThresholds`. */
export type WarningThresholdError = 'warning_threshold_out_of_range';

/** The thresholds that are whole numbers. */
type WholeNumberField = Exclude<keyof WarningThresholds, 'costCoverageMin'>;

/** Whole-number fields and their allowed range. */
const RANGES: readonly [WholeNumberField, number, number][] = [
  ['overdueRatePercent', 0, 100],
  ['maxDpdDays', 0, 3650],
  ['idleUtilizationPercent', 0, 100],
  ['maxUtilizationPercent', 0, 100],
  ['eliteCapturePercent', 0, 100],
  ['topBorrowersPercent', 1, 100],
  ['top10SharePercent', 0, 100],
  ['concentrationMinBorrowers', 1, 100_000],
  ['targetingDriftPercentPoints', 0, 100],
  ['assemblyIntervalMonths', 1, 120],
];

/**
 * Checks thresholds before they are stored: each whole number within its range, the cost
 * coverage minimum a ratio of whole numbers with a positive denominator, and idle utilization
 * not above the no-liquidity line. `details.field` names the first field out of range.
 */
export function validateWarningThresholds(
  thresholds: WarningThresholds,
): Result<WarningThresholds, WarningThresholdError> {
  for (const [field, min, max] of RANGES) {
    const value = thresholds[field];
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      return fail('warning_threshold_out_of_range', { field, value, min, max });
    }
  }
  const { numerator, denominator } = thresholds.costCoverageMin;
  if (
    !Number.isSafeInteger(numerator) ||
    !Number.isSafeInteger(denominator) ||
    numerator < 0 ||
    denominator <= 0 ||
    numerator > denominator * 100
  ) {
    return fail('warning_threshold_out_of_range', {
      field: 'costCoverageMin',
      value: thresholds.costCoverageMin,
    });
  }
  if (thresholds.idleUtilizationPercent > thresholds.maxUtilizationPercent) {
    return fail('warning_threshold_out_of_range', {
      field: 'idleUtilizationPercent',
      value: thresholds.idleUtilizationPercent,
      min: 0,
      max: thresholds.maxUtilizationPercent,
    });
  }
  return ok(thresholds);
}
