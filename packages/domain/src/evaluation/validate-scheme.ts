import {
  INDICATOR_CODES,
  isRatioIndicator,
  type IndicatorCode,
} from '../indicators/indicator-codes.js';
import { fail, type Failure } from '../result.js';
import {
  percentToBasisPoints,
  pointsToTenths,
  type EvaluationDimension,
  type EvaluationScheme,
  type ScoringBand,
} from './scheme.js';

/** Codes of `validateScheme`. */
export type SchemeProblemCode =
  | 'evaluation_weights_not_100'
  | 'evaluation_items_not_weight'
  | 'evaluation_band_invalid'
  | 'evaluation_points_invalid'
  | 'evaluation_code_twice'
  | 'evaluation_indicator_unknown'
  | 'evaluation_grades_invalid';

/** One thing wrong with a scheme. */
export type SchemeProblem = Failure<SchemeProblemCode>;

/** Total points of a scheme, in tenths. */
const TOTAL_TENTHS = 1000;

function isWholePercent(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0 && value <= 100;
}

/** Why a list of bands is invalid, or null: see `ScoringBand` for the rules. */
export function bandsProblem(bands: readonly ScoringBand[]): string | null {
  if (bands.length === 0) return 'no_bands';
  const bound = (v: number | null): number | null | undefined =>
    v === null ? null : (percentToBasisPoints(v) ?? undefined);
  let previousTo: number | null | undefined;
  for (const [index, band] of bands.entries()) {
    if (!isWholePercent(band.awardPercent)) return 'award_not_whole_percent';
    const from = bound(band.fromPercent);
    const to = bound(band.toPercent);
    if (from === undefined || to === undefined) return 'bound_not_two_decimals';
    if ((from !== null && from < 0) || (to !== null && to < 0)) return 'bound_negative';
    if (from !== null && to !== null && from > to) return 'bound_reversed';
    if (index === 0 && from !== null && from !== 0) return 'first_band_not_from_zero';
    if (index > 0 && (previousTo === null || from !== previousTo)) return 'bands_not_contiguous';
    previousTo = to;
  }
  if (previousTo !== null) return 'last_band_not_open';
  if (!bands.some((b) => b.awardPercent === 100)) return 'no_full_band';
  return null;
}

function dimensionProblems(dimension: EvaluationDimension): SchemeProblem[] {
  const problems: SchemeProblem[] = [];
  const weightTenths = pointsToTenths(dimension.weight);
  if (weightTenths === null || weightTenths <= 0) {
    problems.push(
      fail('evaluation_points_invalid', { dimension: dimension.code, weight: dimension.weight }),
    );
  }
  let itemsTenths = 0;
  for (const item of dimension.items) {
    const where = { dimension: dimension.code, item: item.code };
    const maxTenths = pointsToTenths(item.maxPoints);
    if (maxTenths === null || maxTenths <= 0) {
      problems.push(fail('evaluation_points_invalid', { ...where, maxPoints: item.maxPoints }));
    } else {
      itemsTenths += maxTenths;
    }
    if (item.kind === 'manual') continue;
    const code: IndicatorCode = item.indicator;
    if (!INDICATOR_CODES.includes(code) || !isRatioIndicator(code)) {
      problems.push(fail('evaluation_indicator_unknown', { ...where, indicator: code }));
    }
    const reason = isWholePercent(item.notApplicableAwardPercent)
      ? bandsProblem(item.bands)
      : 'not_applicable_award_not_whole_percent';
    if (reason !== null) problems.push(fail('evaluation_band_invalid', { ...where, reason }));
  }
  if (weightTenths !== null && itemsTenths !== weightTenths) {
    problems.push(
      fail('evaluation_items_not_weight', {
        dimension: dimension.code,
        weight: dimension.weight,
        itemsTotal: itemsTenths / 10,
      }),
    );
  }
  return problems;
}

function codeProblems(scheme: EvaluationScheme): SchemeProblem[] {
  const problems: SchemeProblem[] = [];
  const dimensions = new Set<string>();
  const items = new Set<string>();
  for (const dimension of scheme.dimensions) {
    if (dimensions.has(dimension.code)) {
      problems.push(fail('evaluation_code_twice', { dimension: dimension.code }));
    }
    dimensions.add(dimension.code);
    for (const item of dimension.items) {
      if (items.has(item.code)) problems.push(fail('evaluation_code_twice', { item: item.code }));
      items.add(item.code);
    }
  }
  return problems;
}

function gradeProblems(scheme: EvaluationScheme): SchemeProblem[] {
  const { excellent, good, pass } = scheme.grades;
  const e = pointsToTenths(excellent);
  const g = pointsToTenths(good);
  const p = pointsToTenths(pass);
  if (e !== null && g !== null && p !== null && p > 0 && p < g && g < e && e <= TOTAL_TENTHS) {
    return [];
  }
  return [fail('evaluation_grades_invalid', { excellent, good, pass })];
}

/**
 * Every problem of a scheme: dimension weights summing to 100 (`details.total` gives the sum),
 * each dimension's item points summing to its weight, points with at most one decimal, bands
 * ascending, contiguous, from 0 to open-ended with one full-points band, item and dimension
 * codes unique (manual scores are keyed by item code), ratio indicators only, grade thresholds
 * 0 < pass < good < excellent ≤ 100.
 */
export function validateScheme(scheme: EvaluationScheme): readonly SchemeProblem[] {
  const problems: SchemeProblem[] = [];
  const weights = scheme.dimensions.map((d) => pointsToTenths(d.weight) ?? 0);
  const totalTenths = weights.reduce((sum, w) => sum + w, 0);
  if (totalTenths !== TOTAL_TENTHS) {
    problems.push(
      fail('evaluation_weights_not_100', {
        total: totalTenths / 10,
        weights: scheme.dimensions.map((d) => ({ dimension: d.code, weight: d.weight })),
      }),
    );
  }
  for (const dimension of scheme.dimensions) problems.push(...dimensionProblems(dimension));
  return [...problems, ...codeProblems(scheme), ...gradeProblems(scheme)];
}
