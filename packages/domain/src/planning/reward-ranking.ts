import type { Fen } from '../money/fen.js';
import type { Ratio } from '../reports/report-model.js';
import { invariant } from '../result.js';
import { compareRatios } from '../warnings/ratio-compare.js';
import { compareText } from './compare-text.js';

/** What reward-and-expand candidates are ranked on, in the notice's order. */
export const REWARD_RANKING_MEASURES = [
  'scale',
  'members',
  'demand',
  'turnover',
  'recovery',
] as const;

/** One measure of the reward ranking. */
export type RewardRankingMeasure = (typeof REWARD_RANKING_MEASURES)[number];

/** The Chinese name of each measure. */
export const REWARD_RANKING_MEASURE_NAMES: Readonly<Record<RewardRankingMeasure, string>> = {
  scale: '资金规模（互助资金总额）',
  members: '会员户数',
  demand: '资金需求（待审借款申请金额）',
  turnover: '年周转率',
  recovery: '累计回收率',
};

/** An eligible fund's figures from its books, as of the reference date. */
export interface RewardCandidate {
  readonly villageCode: string;
  readonly villageName: string;
  /** scale: 互助资金总额 (fund_total). */
  readonly fundTotalFen: Fen;
  /** members: 会员户数. */
  readonly members: number;
  /** demand: the amount of loan applications not yet decided. */
  readonly pendingApplicationsFen: Fen;
  /** turnover: DOMAIN §8 turnover (0 ÷ 0 ranks last). */
  readonly turnover: Ratio;
  /** recovery: DOMAIN §8 recovery_rate (nothing due yet ranks last). */
  readonly recoveryRate: Ratio;
}

/** A candidate's place and what put it there. */
export interface RankedRewardCandidate {
  readonly candidate: RewardCandidate;
  /** 1, 2, 3… in ranking order (ties broken, see `rankRewardCandidates`). */
  readonly position: number;
  /** Σ weight × rank over the measures; lower is better. */
  readonly rankSum: number;
  /** The candidate's rank on each measure: 1 the largest, equal figures share a rank. */
  readonly measureRanks: Readonly<Record<RewardRankingMeasure, number>>;
}

/** Weights of the measures in the rank sum: positive whole numbers, default 1 each. */
export type RewardRankingWeights = Readonly<Partial<Record<RewardRankingMeasure, number>>>;

/** −1, 0, 1 for b before, tied with, after a (descending, not-applicable ratios last). */
function compareMeasure(
  measure: RewardRankingMeasure,
  a: RewardCandidate,
  b: RewardCandidate,
): number {
  switch (measure) {
    case 'scale':
      return b.fundTotalFen - a.fundTotalFen;
    case 'members':
      return b.members - a.members;
    case 'demand':
      return b.pendingApplicationsFen - a.pendingApplicationsFen;
    case 'turnover':
      return compareRatiosDesc(a.turnover, b.turnover);
    case 'recovery':
      return compareRatiosDesc(a.recoveryRate, b.recoveryRate);
  }
}

function compareRatiosDesc(a: Ratio, b: Ratio): number {
  const aNa = a.denominator === 0;
  const bNa = b.denominator === 0;
  if (aNa || bNa) return Number(aNa) - Number(bNa);
  return -(compareRatios(a, b) ?? 0);
}

/** Competition ranks (1, 1, 3…) of the candidates on one measure, by index. */
function ranksOn(measure: RewardRankingMeasure, list: readonly RewardCandidate[]): number[] {
  return list.map(
    (candidate) => 1 + list.filter((other) => compareMeasure(measure, candidate, other) > 0).length,
  );
}

/**
 * Ranks eligible reward-and-expand candidates by a weighted rank sum (documented composite):
 * on each measure — scale (fund_total), members, demand (pending applications), turnover,
 * recovery — candidates are ranked 1 for the largest figure, equal figures sharing the better
 * rank and a not-applicable ratio ranking after every applicable one; the composite is
 * Σ weight × rank (weights default 1), lower first. Rank sums ignore how far apart figures are,
 * so no measure dominates by its unit. Ties: larger fund total, then more members, then code.
 */
export function rankRewardCandidates(
  candidates: readonly RewardCandidate[],
  weights: RewardRankingWeights = {},
): readonly RankedRewardCandidate[] {
  const weightOf = (m: RewardRankingMeasure): number => weights[m] ?? 1;
  for (const m of REWARD_RANKING_MEASURES) {
    invariant(Number.isSafeInteger(weightOf(m)) && weightOf(m) > 0, `weight of ${m} must be > 0`);
  }
  const ranks = Object.fromEntries(
    REWARD_RANKING_MEASURES.map((m) => [m, ranksOn(m, candidates)]),
  ) as Record<RewardRankingMeasure, number[]>;
  const entries = candidates.map((candidate, index) => {
    const measureRanks = Object.fromEntries(
      REWARD_RANKING_MEASURES.map((m) => [m, ranks[m][index] ?? 0]),
    ) as Record<RewardRankingMeasure, number>;
    const rankSum = REWARD_RANKING_MEASURES.reduce(
      (sum, m) => sum + weightOf(m) * measureRanks[m],
      0,
    );
    return { candidate, rankSum, measureRanks };
  });
  entries.sort(
    (a, b) =>
      a.rankSum - b.rankSum ||
      b.candidate.fundTotalFen - a.candidate.fundTotalFen ||
      b.candidate.members - a.candidate.members ||
      compareText(a.candidate.villageCode, b.candidate.villageCode),
  );
  return entries.map((entry, index) => ({ ...entry, position: index + 1 }));
}
