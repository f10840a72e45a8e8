import { fen } from '../money/fen.js';
import { compareRatioToPercent, compareRatios, formatPercent } from './ratio-compare.js';
import { warning, yuan, type WarningContext } from './warning-context.js';
import type { Warning } from './warning-model.js';

/** idle_funds: utilization below the threshold this period and in the previous quarter. */
export function idleFunds(context: WarningContext): Warning | null {
  const current = context.input.indicators.values.utilization_rate;
  const previous = context.input.previousQuarterUtilization;
  const limit = context.thresholds.idleUtilizationPercent;
  if (previous === null) return null;
  if (compareRatioToPercent(current, limit) !== -1) return null;
  if (compareRatioToPercent(previous, limit) !== -1) return null;
  return warning(
    'idle_funds',
    `资金使用率连续两个季度低于${limit}%（上季度${formatPercent(previous, 'down')}，本期${formatPercent(current, 'down')}），资金闲置`,
    { amounts: { outstandingFen: current.numerator, fundTotalFen: current.denominator } },
  );
}

/** no_liquidity: utilization above the threshold. */
export function noLiquidity(context: WarningContext): Warning | null {
  const current = context.input.indicators.values.utilization_rate;
  const limit = context.thresholds.maxUtilizationPercent;
  if (compareRatioToPercent(current, limit) !== 1) return null;
  return warning(
    'no_liquidity',
    `资金使用率${formatPercent(current, 'up')}，超过${limit}%，可用资金不足（借款余额${yuan(fen(current.numerator))}，互助资金总额${yuan(fen(current.denominator))}）`,
    { amounts: { outstandingFen: current.numerator, fundTotalFen: current.denominator } },
  );
}

/** cash_over_limit: cash on hand at the period end above the bylaws limit. */
export function cashOverLimit(context: WarningContext): Warning | null {
  const cashFen = context.input.indicators.values.cash;
  const { cashLimitFen } = context.input.params;
  if (cashFen <= cashLimitFen) return null;
  return warning('cash_over_limit', `期末库存现金${yuan(cashFen)}，超过限额${yuan(cashLimitFen)}`, {
    amounts: { cashFen, cashLimitFen },
  });
}

/** cost_coverage_low: fee income of the 12 months to end below the threshold × expenses. */
export function costCoverageLow(context: WarningContext): Warning | null {
  const coverage = context.input.indicators.values.cost_coverage;
  const minimum = context.thresholds.costCoverageMin;
  if (compareRatios(coverage, minimum) !== -1) return null;
  return warning(
    'cost_coverage_low',
    `自负盈亏率${formatPercent(coverage, 'down')}，低于${formatPercent(minimum)}（近12个月占用费收入${yuan(fen(coverage.numerator))}，管理费用${yuan(fen(coverage.denominator))}）`,
    { amounts: { feeIncomeFen: coverage.numerator, managementExpensesFen: coverage.denominator } },
  );
}

/** trial_balance_unbalanced: debits ≠ credits over the lines to the period end (a bug). */
export function trialBalanceUnbalanced(context: WarningContext): Warning | null {
  let debitFen = 0;
  let creditFen = 0;
  for (const line of context.input.fund.lines) {
    if (line.date > context.end) continue;
    if (line.side === 'debit') debitFen += line.amountFen;
    else creditFen += line.amountFen;
  }
  if (debitFen === creditFen) return null;
  return warning(
    'trial_balance_unbalanced',
    `截至期末账簿借方合计${yuan(fen(debitFen))}，贷方合计${yuan(fen(creditFen))}，借贷不平衡，请立即检查`,
    { amounts: { debitFen, creditFen } },
  );
}
