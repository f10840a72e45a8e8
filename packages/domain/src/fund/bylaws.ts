import { isoDate, type IsoDate } from '../calendar/iso-date.js';
import { fen, type Fen } from '../money/fen.js';
import { rateFromMonthlyPermille, type RateBasis, type RateBp } from '../money/rate.js';
import { fail, ok, type Result } from '../result.js';

/** How the year's net surplus is split (收益分配), in whole percent summing to 100. */
export interface DistributionRatios {
  /** 公积金, back into loan capital; takes the rounding remainder. */
  readonly commonReservePercent: number;
  /** 公益金. */
  readonly welfareFundPercent: number;
  /** 风险准备金. */
  readonly riskReservePercent: number;
}

/** The fund's bylaws parameters (章程), each [default] of docs/domain.md, valid from `effectiveOn`. */
export interface Bylaws {
  readonly effectiveOn: IsoDate;
  /** Annual fee rate (占用费率) and the basis the bylaws quote it in. */
  readonly feeRateBpPerYear: RateBp;
  readonly feeRateBasis: RateBasis;
  /** 逾期占用费 = rate × this ÷ 100 (150 = 1.5 ×). */
  readonly overdueMultiplierPercent: number;
  /** 日利率 = 年利率 ÷ this (360, Chinese banking practice). */
  readonly dayCountDaysPerYear: number;
  readonly firstLoanLimitFen: Fen;
  readonly laterLoanLimitFen: Fen;
  readonly maxTermMonths: number;
  readonly maxOutstandingLoansPerMember: number;
  /** 展期: how many extensions a loan may have. */
  readonly maxExtensions: number;
  readonly groupSize: number;
  readonly maxConcurrentBorrowersPerGroup: number;
  readonly shareUnitFen: Fen;
  readonly minShares: number;
  readonly maxShares: number;
  /** 配股: fiscal shares credited to a poor household instead of paying. */
  readonly poorAllotmentShares: number;
  readonly exitNoticeDays: number;
  /** 公示 length in days. */
  readonly publicNoticeDays: number;
  /** 库存现金限额. */
  readonly cashLimitFen: Fen;
  readonly distribution: DistributionRatios;
  /** Purposes counted as productive (生产性用途). */
  readonly productivePurposes: readonly string[];
}

/** The docs/domain.md defaults, in effect from 2006-01-01 (the programme's start). */
export const DEFAULT_BYLAWS: Bylaws = {
  effectiveOn: isoDate('2006-01-01'),
  feeRateBpPerYear: rateFromMonthlyPermille(7),
  feeRateBasis: 'monthly_permille',
  overdueMultiplierPercent: 150,
  dayCountDaysPerYear: 360,
  firstLoanLimitFen: fen(500_000),
  laterLoanLimitFen: fen(1_000_000),
  maxTermMonths: 12,
  maxOutstandingLoansPerMember: 1,
  maxExtensions: 1,
  groupSize: 5,
  maxConcurrentBorrowersPerGroup: 2,
  shareUnitFen: fen(10_000),
  minShares: 1,
  maxShares: 10,
  poorAllotmentShares: 1,
  exitNoticeDays: 0,
  publicNoticeDays: 3,
  cashLimitFen: fen(200_000),
  distribution: { commonReservePercent: 50, welfareFundPercent: 20, riskReservePercent: 30 },
  productivePurposes: ['种植', '养殖', '加工', '乡村旅游', '商贸流通', '其他生产'],
};

/** Codes of `validateBylaws`. */
export type BylawsError = 'bylaws_invalid';

/** Checks a bylaws record for internal consistency; `details.problems` lists what is wrong. */
export function validateBylaws(bylaws: Bylaws): Result<Bylaws, BylawsError> {
  const problems: string[] = [];
  const { distribution: d } = bylaws;
  const wholeNumbers: readonly [string, number][] = [
    ['overdueMultiplierPercent', bylaws.overdueMultiplierPercent],
    ['maxTermMonths', bylaws.maxTermMonths],
    ['maxOutstandingLoansPerMember', bylaws.maxOutstandingLoansPerMember],
    ['maxExtensions', bylaws.maxExtensions],
    ['groupSize', bylaws.groupSize],
    ['maxConcurrentBorrowersPerGroup', bylaws.maxConcurrentBorrowersPerGroup],
    ['minShares', bylaws.minShares],
    ['maxShares', bylaws.maxShares],
    ['poorAllotmentShares', bylaws.poorAllotmentShares],
    ['exitNoticeDays', bylaws.exitNoticeDays],
    ['publicNoticeDays', bylaws.publicNoticeDays],
    ['commonReservePercent', d.commonReservePercent],
    ['welfareFundPercent', d.welfareFundPercent],
    ['riskReservePercent', d.riskReservePercent],
  ];
  for (const [name, value] of wholeNumbers) {
    if (!Number.isSafeInteger(value) || value < 0) problems.push(`${name} must be a whole number`);
  }
  if (d.commonReservePercent + d.welfareFundPercent + d.riskReservePercent !== 100) {
    problems.push('distribution percentages must sum to 100');
  }
  if (d.commonReservePercent < 1) problems.push('公积金 takes the rounding remainder: at least 1%');
  if (bylaws.overdueMultiplierPercent < 100) problems.push('overdue multiplier below 100%');
  if (bylaws.dayCountDaysPerYear !== 360 && bylaws.dayCountDaysPerYear !== 365) {
    problems.push('day count must be 360 or 365');
  }
  if (bylaws.minShares > bylaws.maxShares) problems.push('minShares above maxShares');
  if (bylaws.firstLoanLimitFen <= 0 || bylaws.laterLoanLimitFen <= 0) {
    problems.push('loan limits must be positive');
  }
  if (bylaws.maxTermMonths < 1) problems.push('maxTermMonths must be at least 1');
  if (bylaws.productivePurposes.length === 0) problems.push('no productive purposes');
  return problems.length === 0 ? ok(bylaws) : fail('bylaws_invalid', { problems });
}

/** The bylaws in effect on a date: the latest effective on or before it (`bylaws_not_in_effect`). */
export function bylawsInEffect(
  versions: readonly Bylaws[],
  on: IsoDate,
): Result<Bylaws, 'bylaws_not_in_effect'> {
  let chosen: Bylaws | undefined;
  for (const version of versions) {
    if (
      version.effectiveOn <= on &&
      (chosen === undefined || version.effectiveOn >= chosen.effectiveOn)
    ) {
      chosen = version;
    }
  }
  return chosen === undefined ? fail('bylaws_not_in_effect', { on }) : ok(chosen);
}

/** Whether a loan purpose is on the bylaws' productive list. */
export function isProductivePurpose(bylaws: Bylaws, purpose: string): boolean {
  return bylaws.productivePurposes.includes(purpose);
}
