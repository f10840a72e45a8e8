import type { DistributionRatios } from '../fund/bylaws.js';
import { fen, fenFromBigInt, ZERO_FEN, type Fen } from '../money/fen.js';
import { roundHalfUpDiv } from '../money/rounding.js';
import { invariant } from '../result.js';

/** How a year's net surplus is split (收益分配). */
export interface SurplusDistribution {
  readonly surplusFen: Fen;
  /** 公积金: the remainder after the two rounded parts. */
  readonly commonReserveFen: Fen;
  /** 公益金, rounded half up. */
  readonly welfareFundFen: Fen;
  /** 风险准备金, rounded half up. */
  readonly riskReserveFen: Fen;
  /** A deficit stays in 310104 未分配结余 undistributed (negative); 0 when there is a surplus. */
  readonly carriedFen: Fen;
}

/**
 * Splits the year's net surplus by the bylaws ratios (DOMAIN §7): 公益金 and 风险准备金 rounded
 * half up to the fen, 公积金 takes the rest so the parts sum exactly. A surplus ≤ 0 is not
 * distributed: it is carried in 310104.
 */
export function distributeSurplus(
  surplusFen: Fen,
  ratios: DistributionRatios,
): SurplusDistribution {
  invariant(
    ratios.commonReservePercent + ratios.welfareFundPercent + ratios.riskReservePercent === 100,
    'distribution ratios must sum to 100',
  );
  if (surplusFen <= 0) {
    return {
      surplusFen,
      commonReserveFen: ZERO_FEN,
      welfareFundFen: ZERO_FEN,
      riskReserveFen: ZERO_FEN,
      carriedFen: surplusFen,
    };
  }
  const part = (percent: number): Fen =>
    fenFromBigInt(roundHalfUpDiv(BigInt(surplusFen) * BigInt(percent), 100n));
  const welfareFundFen = part(ratios.welfareFundPercent);
  const riskReserveFen = part(ratios.riskReservePercent);
  // With 公积金 ≥ 1% the remainder is ≥ surplus × 1% − 1 fen > −1, hence ≥ 0.
  invariant(surplusFen - welfareFundFen - riskReserveFen >= 0, '公积金 share must be positive');
  return {
    surplusFen,
    commonReserveFen: fen(surplusFen - welfareFundFen - riskReserveFen),
    welfareFundFen,
    riskReserveFen,
    carriedFen: ZERO_FEN,
  };
}
