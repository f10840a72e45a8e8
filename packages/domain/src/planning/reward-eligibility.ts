import { addMonths, daysBetween, type IsoDate } from '../calendar/iso-date.js';
import { fen, type Fen } from '../money/fen.js';
import { formatYuan } from '../money/yuan.js';
import { chineseDate } from '../reports/report-model.js';
import { REWARD_CUMULATIVE_CAP_FEN } from './yearly-plan.js';

/** The notice's conditions for a reward-and-expand village (DOMAIN §11), in the order checked. */
export const REWARD_CRITERIA = [
  'registered',
  'lending_one_year',
  'no_overdue',
  'no_loss',
  'cumulative_cap',
] as const;

/** One condition of reward-and-expand eligibility. */
export type RewardCriterion = (typeof REWARD_CRITERIA)[number];

/** The Chinese wording of each condition. */
export const REWARD_CRITERION_NAMES: Readonly<Record<RewardCriterion, string>> = {
  registered: '已在民政部门正式登记注册',
  lending_one_year: '借款运行满一年',
  no_overdue: '无逾期借款',
  no_loss: '无损失',
  cumulative_cap: '累计财政投入不超过50万元',
};

/** A fund's facts on the reference date, computed from its books and its registration. */
export interface RewardFacts {
  readonly villageCode: string;
  /** 民政登记证号; null or blank when not registered. */
  readonly registrationNo: string | null;
  readonly registeredOn: IsoDate | null;
  /** The first loan disbursement; null when the fund has never lent. */
  readonly firstDisbursedOn: IsoDate | null;
  /** 逾期余额 on the reference date (DOMAIN §8 overdue_balance). */
  readonly overdueBalanceFen: Fen;
  /** Cumulative write-offs (损失) by the reference date (DOMAIN §8 written_off). */
  readonly writtenOffFen: Fen;
  /** Fiscal money put into the fund so far (all sources, all years). */
  readonly cumulativeFiscalInputFen: Fen;
}

/** How a criterion was judged: met or not, the figure it was judged on, and why in Chinese. */
export interface RewardCriterionResult {
  readonly code: RewardCriterion;
  readonly met: boolean;
  /** A date (registration, first disbursement) or fen (overdue, loss, input after the reward). */
  readonly figure: IsoDate | Fen | null;
  readonly unit: 'date' | 'fen';
  readonly message: string;
}

/** The verdict of `checkRewardEligibility`: eligible only when every criterion is met. */
export interface RewardEligibility {
  readonly villageCode: string;
  readonly eligible: boolean;
  readonly criteria: readonly RewardCriterionResult[];
}

const yuan = (amount: Fen): string => `${formatYuan(amount)}元`;

function registered(facts: RewardFacts, referenceDate: IsoDate): RewardCriterionResult {
  const base = { code: 'registered', unit: 'date', figure: facts.registeredOn } as const;
  const number = facts.registrationNo?.trim() ?? '';
  if (number === '' || facts.registeredOn === null) {
    return { ...base, met: false, message: '未在民政部门正式登记注册（无登记证号或登记日期）' };
  }
  if (facts.registeredOn > referenceDate) {
    return {
      ...base,
      met: false,
      message: `登记日期${chineseDate(facts.registeredOn)}晚于参照日${chineseDate(referenceDate)}`,
    };
  }
  return {
    ...base,
    met: true,
    message: `已登记注册（登记证号${number}，${chineseDate(facts.registeredOn)}）`,
  };
}

/**
 * Lending for at least one year: the first disbursement on or before the same day one year
 * before the reference date (2011-08-02 counts as a full year to 2012-08-02; on 2012-02-29 the
 * day one year before is 2011-02-28).
 */
function lendingOneYear(facts: RewardFacts, referenceDate: IsoDate): RewardCriterionResult {
  const base = { code: 'lending_one_year', unit: 'date', figure: facts.firstDisbursedOn } as const;
  const latest = addMonths(referenceDate, -12);
  if (facts.firstDisbursedOn === null) {
    return { ...base, met: false, message: '尚未发放借款，借款运行不满一年' };
  }
  const days = daysBetween(facts.firstDisbursedOn, referenceDate);
  const met = facts.firstDisbursedOn <= latest;
  const first = `首笔借款发放于${chineseDate(facts.firstDisbursedOn)}，至参照日${chineseDate(referenceDate)}共${days}天`;
  return {
    ...base,
    met,
    message: met
      ? `${first}，借款运行已满一年`
      : `${first}，不满一年（首笔借款须不晚于${chineseDate(latest)}）`,
  };
}

function noOverdue(facts: RewardFacts): RewardCriterionResult {
  const met = facts.overdueBalanceFen === 0;
  return {
    code: 'no_overdue',
    unit: 'fen',
    figure: facts.overdueBalanceFen,
    met,
    message: met
      ? '无逾期借款（逾期余额0.00元）'
      : `有逾期借款，逾期余额${yuan(facts.overdueBalanceFen)}`,
  };
}

function noLoss(facts: RewardFacts): RewardCriterionResult {
  const met = facts.writtenOffFen === 0;
  return {
    code: 'no_loss',
    unit: 'fen',
    figure: facts.writtenOffFen,
    met,
    message: met ? '无损失（累计核销0.00元）' : `有损失，累计核销借款${yuan(facts.writtenOffFen)}`,
  };
}

function cumulativeCap(facts: RewardFacts, rewardFen: Fen, capFen: Fen): RewardCriterionResult {
  const afterFen = fen(facts.cumulativeFiscalInputFen + rewardFen);
  const met = afterFen <= capFen;
  const sum = `累计财政投入${yuan(facts.cumulativeFiscalInputFen)} + 本次奖励${yuan(rewardFen)} = ${yuan(afterFen)}`;
  return {
    code: 'cumulative_cap',
    unit: 'fen',
    figure: afterFen,
    met,
    message: met
      ? `${sum}，未超过${yuan(capFen)}`
      : `${sum}，超过${yuan(capFen)}上限${yuan(fen(afterFen - capFen))}`,
  };
}

/**
 * Whether a fund may be a reward-and-expand village on `referenceDate` with a reward of
 * `rewardFen`: registered on or before the date; lending for a full year; no overdue balance;
 * no loss; cumulative fiscal input after the reward ≤ `capFen` (default 50万元). Every criterion
 * is judged and reported with its figure, so a refusal explains each failed condition.
 */
export function checkRewardEligibility(
  facts: RewardFacts,
  referenceDate: IsoDate,
  rewardFen: Fen,
  capFen: Fen = REWARD_CUMULATIVE_CAP_FEN,
): RewardEligibility {
  const criteria = [
    registered(facts, referenceDate),
    lendingOneYear(facts, referenceDate),
    noOverdue(facts),
    noLoss(facts),
    cumulativeCap(facts, rewardFen, capFen),
  ];
  return {
    villageCode: facts.villageCode,
    eligible: criteria.every((c) => c.met),
    criteria,
  };
}
