import { addDays, type IsoDate } from '../calendar/iso-date.js';
import { invariant } from '../result.js';
import type { EvaluationGrade } from './grade.js';

/** What the city does with a fund after its evaluation (DOMAIN §11). */
export const EVALUATION_OUTCOMES = ['reward_candidate', 'rectify', 'exit', 'none'] as const;

/** An outcome of the evaluation. */
export type EvaluationOutcomeCode = (typeof EVALUATION_OUTCOMES)[number];

/** The Chinese name of each outcome. */
export const EVALUATION_OUTCOME_NAMES: Readonly<Record<EvaluationOutcomeCode, string>> = {
  reward_candidate: '列为次年奖励候选',
  rectify: '限期整改',
  exit: '退出',
  none: '无',
};

/** Days a fund graded 不合格 has to rectify, counted from the evaluation date [default]. */
export const DEFAULT_RECTIFY_DAYS = 90;

/** Why the outcome was proposed. */
export type OutcomeReason =
  | 'misappropriation_or_loss'
  | 'failed_after_rectification'
  | 'failed'
  | 'good_and_eligible'
  | 'good_not_eligible'
  | 'pass';

/** The Chinese wording of each reason. */
export const OUTCOME_REASON_NAMES: Readonly<Record<OutcomeReason, string>> = {
  misappropriation_or_loss: '发现挪用或资金损失',
  failed_after_rectification: '整改后考评仍不合格',
  failed: '考评不合格',
  good_and_eligible: '考评优秀或良好且符合奖励条件',
  good_not_eligible: '考评优秀或良好但不符合奖励条件',
  pass: '考评合格',
};

/** A proposed outcome; `rectify` carries its deadline. */
export type ProposedOutcome =
  | { readonly outcome: 'rectify'; readonly deadline: IsoDate; readonly reason: 'failed' }
  | {
      readonly outcome: 'exit';
      readonly reason: 'misappropriation_or_loss' | 'failed_after_rectification';
    }
  | { readonly outcome: 'reward_candidate'; readonly reason: 'good_and_eligible' }
  | { readonly outcome: 'none'; readonly reason: 'good_not_eligible' | 'pass' };

/** What `proposeOutcome` decides on. */
export interface OutcomeInput {
  readonly grade: EvaluationGrade;
  readonly evaluatedOn: IsoDate;
  /** The fund meets the reward-and-expand conditions (`checkRewardEligibility`). */
  readonly eligibleForReward: boolean;
  /** The outcome of the previous evaluation, or null for a first one. */
  readonly previousOutcome: EvaluationOutcomeCode | null;
  /** Any 挪用 (misappropriation) or loss of the fund's money found. */
  readonly misappropriationOrLoss: boolean;
  /** Default `DEFAULT_RECTIFY_DAYS` (90). */
  readonly rectifyDays?: number;
}

/**
 * The outcome the rules propose (the city decides), first rule that applies:
 * 1. any 挪用 or loss → exit; 2. 不合格 after a rectification (previous outcome `rectify`) →
 * exit; 3. 不合格 → rectify, deadline = evaluation date + `rectifyDays`; 4. 优秀 or 良好 and
 * eligible → reward candidate for next year; 5. otherwise none.
 */
export function proposeOutcome(input: OutcomeInput): ProposedOutcome {
  const rectifyDays = input.rectifyDays ?? DEFAULT_RECTIFY_DAYS;
  invariant(Number.isSafeInteger(rectifyDays) && rectifyDays > 0, 'rectifyDays must be > 0');
  if (input.misappropriationOrLoss) return { outcome: 'exit', reason: 'misappropriation_or_loss' };
  if (input.grade === 'fail') {
    if (input.previousOutcome === 'rectify') {
      return { outcome: 'exit', reason: 'failed_after_rectification' };
    }
    return {
      outcome: 'rectify',
      deadline: addDays(input.evaluatedOn, rectifyDays),
      reason: 'failed',
    };
  }
  if (input.grade === 'excellent' || input.grade === 'good') {
    return input.eligibleForReward
      ? { outcome: 'reward_candidate', reason: 'good_and_eligible' }
      : { outcome: 'none', reason: 'good_not_eligible' };
  }
  return { outcome: 'none', reason: 'pass' };
}
