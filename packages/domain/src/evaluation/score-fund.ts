import type { FundIndicators, RatioIndicatorCode } from '../indicators/indicator-codes.js';
import { roundHalfUpDiv } from '../money/rounding.js';
import type { Ratio } from '../reports/report-model.js';
import { fail, invariant, type Failure } from '../result.js';
import { compareRatios } from '../warnings/ratio-compare.js';
import { gradeOf, type EvaluationGrade } from './grade.js';
import {
  percentToBasisPoints,
  pointsToTenths,
  type AutomaticItem,
  type EvaluationScheme,
  type ManualItem,
  type ScoringBand,
} from './scheme.js';
import { validateScheme } from './validate-scheme.js';

/** What an inspector entered for a manual item: points (at most one decimal) and evidence. */
export interface ManualScore {
  readonly points: number;
  readonly evidence: string;
}

/** Manual scores keyed by item code. */
export type ManualScores = Readonly<Partial<Record<string, ManualScore>>>;

interface ItemScoreBase {
  readonly code: string;
  readonly name: string;
  readonly maxTenths: number;
  /** Points earned, in tenths of a point (exact). */
  readonly pointsTenths: number;
}

/** An automatic item's score and what it rests on. */
export interface AutomaticItemScore extends ItemScoreBase {
  readonly kind: 'automatic';
  readonly indicator: RatioIndicatorCode;
  readonly value: Ratio;
  /** The ratio was not applicable (zero denominator): the item's stated rule applied. */
  readonly notApplicable: boolean;
  /** The band that held the value, or null when not applicable. */
  readonly bandIndex: number | null;
  readonly awardPercent: number;
}

/** A manual item's score; points are 0 while the entry is missing or out of range. */
export interface ManualItemScore extends ItemScoreBase {
  readonly kind: 'manual';
  readonly evidence: string | null;
}

/** One item's score. */
export type ItemScore = AutomaticItemScore | ManualItemScore;

/** One dimension's score with its items. */
export interface DimensionScore {
  readonly code: string;
  readonly name: string;
  readonly weightTenths: number;
  readonly pointsTenths: number;
  readonly items: readonly ItemScore[];
}

/** Codes of the problems `scoreFund` reports about the manual entries. */
export type ScoreProblemCode =
  | 'manual_score_missing'
  | 'manual_score_out_of_band'
  | 'manual_evidence_missing'
  | 'manual_score_unknown_item';

/** One problem of the manual entries. */
export type ScoreProblem = Failure<ScoreProblemCode>;

/** A fund's evaluation: points per item and dimension, total 0–100 in tenths, and grade. */
export interface EvaluationResult {
  readonly schemeCode: string;
  /** The date the automatic figures are as of. */
  readonly asOf: FundIndicators['asOf'];
  readonly dimensions: readonly DimensionScore[];
  /** 0–1000: the total in tenths of a point (87.5 points is 875). */
  readonly totalTenths: number;
  readonly grade: EvaluationGrade;
  readonly problems: readonly ScoreProblem[];
  /** No problems: the result may be published. */
  readonly complete: boolean;
}

function bandHolds(band: ScoringBand, value: Ratio): boolean {
  const against = (percent: number): -1 | 0 | 1 => {
    const bp = percentToBasisPoints(percent);
    invariant(bp !== null, 'band bounds are validated');
    const compared = compareRatios(value, { numerator: bp, denominator: 10_000 });
    invariant(compared !== null, 'only applicable ratios are banded');
    return compared;
  };
  if (band.fromPercent !== null && band.toPercent !== null && band.fromPercent === band.toPercent) {
    return against(band.fromPercent) === 0;
  }
  const aboveFrom = band.fromPercent === null || against(band.fromPercent) >= 0;
  const belowTo = band.toPercent === null || against(band.toPercent) < 0;
  return aboveFrom && belowTo;
}

function share(maxTenths: number, awardPercent: number): number {
  // Rounded half up to the tenth of a point, once, here.
  return Number(roundHalfUpDiv(BigInt(maxTenths) * BigInt(awardPercent), 100n));
}

function tenthsOf(points: number): number {
  const tenths = pointsToTenths(points);
  invariant(tenths !== null, 'scheme points are validated');
  return tenths;
}

function scoreAutomatic(item: AutomaticItem, indicators: FundIndicators): AutomaticItemScore {
  const value = indicators.values[item.indicator];
  const maxTenths = tenthsOf(item.maxPoints);
  const base = { kind: 'automatic', code: item.code, name: item.name, maxTenths } as const;
  if (value.denominator === 0) {
    const awardPercent = item.notApplicableAwardPercent;
    return {
      ...base,
      indicator: item.indicator,
      value,
      notApplicable: true,
      bandIndex: null,
      awardPercent,
      pointsTenths: share(maxTenths, awardPercent),
    };
  }
  const bandIndex = item.bands.findIndex((band) => bandHolds(band, value));
  const awardPercent = item.bands[bandIndex]?.awardPercent ?? 0;
  return {
    ...base,
    indicator: item.indicator,
    value,
    notApplicable: false,
    bandIndex: bandIndex === -1 ? null : bandIndex,
    awardPercent,
    pointsTenths: share(maxTenths, awardPercent),
  };
}

function scoreManual(
  item: ManualItem,
  entry: ManualScore | undefined,
  problems: ScoreProblem[],
): ManualItemScore {
  const maxTenths = tenthsOf(item.maxPoints);
  const base = { kind: 'manual', code: item.code, name: item.name, maxTenths } as const;
  if (entry === undefined) {
    problems.push(fail('manual_score_missing', { item: item.code }));
    return { ...base, evidence: null, pointsTenths: 0 };
  }
  const evidence = entry.evidence.trim();
  if (evidence === '') problems.push(fail('manual_evidence_missing', { item: item.code }));
  const tenths = pointsToTenths(entry.points);
  if (tenths === null || tenths < 0 || tenths > maxTenths) {
    problems.push(
      fail('manual_score_out_of_band', {
        item: item.code,
        points: entry.points,
        min: 0,
        max: item.maxPoints,
      }),
    );
    return { ...base, evidence: evidence === '' ? null : evidence, pointsTenths: 0 };
  }
  return { ...base, evidence: evidence === '' ? null : evidence, pointsTenths: tenths };
}

/**
 * Scores a fund under a valid scheme (an invalid one is a bug: validate it when it is saved).
 * Automatic items take their ratio from `indicators` and award the share of the first band
 * that holds it — or the item's not-applicable rule — rounded half up to the tenth of a point.
 * Manual items take the inspector's points: a missing entry or one outside 0…max (or with more
 * than one decimal) scores 0 and is a problem; a blank evidence keeps the points but is a
 * problem. Every figure is whole tenths, so the sums are exact.
 */
export function scoreFund(
  scheme: EvaluationScheme,
  indicators: FundIndicators,
  manualScores: ManualScores,
): EvaluationResult {
  invariant(validateScheme(scheme).length === 0, `scheme ${scheme.code} is not valid`);
  const problems: ScoreProblem[] = [];
  const manualCodes = new Set<string>();
  const dimensions = scheme.dimensions.map((dimension): DimensionScore => {
    const items = dimension.items.map((item): ItemScore => {
      if (item.kind === 'automatic') return scoreAutomatic(item, indicators);
      manualCodes.add(item.code);
      return scoreManual(item, manualScores[item.code], problems);
    });
    return {
      code: dimension.code,
      name: dimension.name,
      weightTenths: tenthsOf(dimension.weight),
      pointsTenths: items.reduce((sum, i) => sum + i.pointsTenths, 0),
      items,
    };
  });
  for (const code of Object.keys(manualScores)) {
    if (!manualCodes.has(code)) problems.push(fail('manual_score_unknown_item', { item: code }));
  }
  const totalTenths = dimensions.reduce((sum, d) => sum + d.pointsTenths, 0);
  return {
    schemeCode: scheme.code,
    asOf: indicators.asOf,
    dimensions,
    totalTenths,
    grade: gradeOf(totalTenths, scheme.grades),
    problems,
    complete: problems.length === 0,
  };
}
