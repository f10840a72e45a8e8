import {
  dpdOverLimit,
  borrowerGuaranteesOther,
  concentration,
  eliteCapture,
  overdueRateHigh,
} from './portfolio-rules.js';
import {
  disbursedBeforeApproval,
  loanOverLimit,
  nonProductivePurpose,
  targetingDrift,
} from './lending-rules.js';
import {
  cashOverLimit,
  costCoverageLow,
  idleFunds,
  noLiquidity,
  trialBalanceUnbalanced,
} from './liquidity-rules.js';
import { duplicateIdCard, noAssembly, reportLate } from './governance-rules.js';
import { warningContext, type WarningRule } from './warning-context.js';
import {
  WARNING_CODES,
  type Warning,
  type WarningCode,
  type WarningInput,
  type WarningSeverity,
} from './warning-model.js';
import { DEFAULT_WARNING_THRESHOLDS, type WarningThresholds } from './warning-thresholds.js';

/** Every rule of DOMAIN §10, by the code it raises. */
export const WARNING_RULES: Readonly<Record<WarningCode, WarningRule>> = {
  overdue_rate_high: overdueRateHigh,
  dpd_over_limit: dpdOverLimit,
  idle_funds: idleFunds,
  no_liquidity: noLiquidity,
  cash_over_limit: cashOverLimit,
  loan_over_limit: loanOverLimit,
  non_productive_purpose: nonProductivePurpose,
  borrower_guarantees_other: borrowerGuaranteesOther,
  targeting_drift: targetingDrift,
  elite_capture: eliteCapture,
  concentration,
  cost_coverage_low: costCoverageLow,
  duplicate_id_card: duplicateIdCard,
  disbursed_before_approval: disbursedBeforeApproval,
  no_assembly_12_months: noAssembly,
  report_late: reportLate,
  trial_balance_unbalanced: trialBalanceUnbalanced,
};

const SEVERITY_ORDER: Readonly<Record<WarningSeverity, number>> = { high: 0, medium: 1, low: 2 };

/**
 * The risk warnings (预警) of one fund for one period, most severe first (then in the order of
 * `WARNING_CODES`). Thresholds should have passed `validateWarningThresholds`.
 */
export function evaluateWarnings(
  input: WarningInput,
  thresholds: WarningThresholds = DEFAULT_WARNING_THRESHOLDS,
): readonly Warning[] {
  const context = warningContext(input, thresholds);
  return WARNING_CODES.map((code) => WARNING_RULES[code](context))
    .filter((w): w is Warning => w !== null)
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}
