import type { RatioIndicatorCode } from '../indicators/indicator-codes.js';

/**
 * A scoring band of an automatic item: the indicator's value v (as a percent; for a ratio shown
 * in times, 100% is 1倍) lies in [fromPercent, toPercent) — null for an open end. A band with
 * fromPercent = toPercent holds exactly that value (e.g. a loss rate of exactly 0). Bands are
 * listed in ascending order, each starting where the previous ends, and tried in order: the
 * first that holds the value awards `awardPercent` of the item's points. Bounds have at most
 * two decimals.
 */
export interface ScoringBand {
  readonly fromPercent: number | null;
  readonly toPercent: number | null;
  /** Share of the item's points awarded, a whole percent 0–100. */
  readonly awardPercent: number;
}

/** An item scored from the books: one ratio indicator of DOMAIN §8 through bands. */
export interface AutomaticItem {
  readonly kind: 'automatic';
  readonly code: string;
  readonly name: string;
  /** Points, at most one decimal. */
  readonly maxPoints: number;
  readonly indicator: RatioIndicatorCode;
  readonly bands: readonly ScoringBand[];
  /**
   * The rule for a not-applicable ratio (zero denominator, shown —): this whole percent of the
   * points. Each item states it: 100 where "nothing to judge" means nothing went wrong (no
   * loans due → on-time rate), 0 where it means the thing measured did not happen.
   */
  readonly notApplicableAwardPercent: number;
  /** Why the not-applicable rule is what it is, for the notes under the score sheet. */
  readonly notApplicableReason: string;
}

/** An item scored by inspectors, with evidence. */
export interface ManualItem {
  readonly kind: 'manual';
  readonly code: string;
  readonly name: string;
  readonly maxPoints: number;
  /** What inspectors look at (考评要点). */
  readonly guidance: string;
}

/** One item of a dimension. */
export type EvaluationItem = AutomaticItem | ManualItem;

/** A dimension (考评内容) with its weight in points; its items' points sum to the weight. */
export interface EvaluationDimension {
  readonly code: string;
  readonly name: string;
  readonly weight: number;
  readonly items: readonly EvaluationItem[];
}

/** Grade thresholds in points: 优秀 ≥ excellent, 良好 ≥ good, 合格 ≥ pass, else 不合格. */
export interface GradeThresholds {
  readonly excellent: number;
  readonly good: number;
  readonly pass: number;
}

/** A performance-evaluation scheme (绩效考评办法): dimensions summing to 100 points. */
export interface EvaluationScheme {
  readonly code: string;
  readonly name: string;
  readonly dimensions: readonly EvaluationDimension[];
  readonly grades: GradeThresholds;
}

/** Points as whole tenths (12.5 → 125), or null when not a number with at most one decimal. */
export function pointsToTenths(points: number): number | null {
  if (!Number.isFinite(points)) return null;
  const tenths = Math.round(points * 10);
  return Math.abs(points * 10 - tenths) < 1e-6 && Number.isSafeInteger(tenths) ? tenths : null;
}

/** A percent bound as basis points of the ratio (95 → 9500), or null beyond two decimals. */
export function percentToBasisPoints(percent: number): number | null {
  if (!Number.isFinite(percent)) return null;
  const bp = Math.round(percent * 100);
  return Math.abs(percent * 100 - bp) < 1e-6 && Number.isSafeInteger(bp) ? bp : null;
}
