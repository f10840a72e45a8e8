import { fen, sumFen } from '../money/fen.js';
import { compareRatioToPercent, formatPercent } from './ratio-compare.js';
import { distinct, warning, yuan, type WarningContext } from './warning-context.js';
import type { Warning } from './warning-model.js';

/** overdue_rate_high: overdue_rate above the threshold percent. */
export function overdueRateHigh(context: WarningContext): Warning | null {
  const rate = context.input.indicators.values.overdue_rate;
  const limit = context.thresholds.overdueRatePercent;
  if (compareRatioToPercent(rate, limit) !== 1) return null;
  const overdue = context.outstanding.filter((p) => p.daysPastDue >= 1);
  return warning(
    'overdue_rate_high',
    `逾期率${formatPercent(rate, 'up')}，超过预警线${limit}%（逾期余额${yuan(fen(rate.numerator))}，借款余额${yuan(fen(rate.denominator))}）`,
    {
      loans: overdue.map((p) => p.loan.id),
      members: distinct(overdue.map((p) => p.loan.memberId)),
      amounts: { overdueBalanceFen: rate.numerator, outstandingFen: rate.denominator },
    },
  );
}

/** dpd_over_limit: an outstanding loan more days past due than the threshold. */
export function dpdOverLimit(context: WarningContext): Warning | null {
  const limit = context.thresholds.maxDpdDays;
  const late = context.outstanding.filter((p) => p.daysPastDue > limit);
  if (late.length === 0) return null;
  const maxDpdDays = Math.max(...late.map((p) => p.daysPastDue));
  const unpaidFen = sumFen(late.map((p) => p.outstandingFen));
  return warning(
    'dpd_over_limit',
    `${late.length}笔借款逾期超过${limit}天，最长逾期${maxDpdDays}天，未还本金${yuan(unpaidFen)}`,
    {
      loans: late.map((p) => p.loan.id),
      members: distinct(late.map((p) => p.loan.memberId)),
      amounts: { maxDpdDays, unpaidPrincipalFen: unpaidFen },
    },
  );
}

/** elite_capture: loans to board/supervisory households above the threshold share of outstanding. */
export function eliteCapture(context: WarningContext): Warning | null {
  const officers = context.outstanding.filter(
    (p) => context.membersById.get(p.loan.memberId)?.isOfficer === true,
  );
  const officerFen = sumFen(officers.map((p) => p.outstandingFen));
  const outstandingFen = context.input.indicators.values.outstanding;
  const share = { numerator: officerFen, denominator: outstandingFen };
  const limit = context.thresholds.eliteCapturePercent;
  if (compareRatioToPercent(share, limit) !== 1) return null;
  return warning(
    'elite_capture',
    `理事会、监事会成员户借款余额${yuan(officerFen)}，占借款余额${formatPercent(share, 'up')}，超过${limit}%`,
    {
      loans: officers.map((p) => p.loan.id),
      members: distinct(officers.map((p) => p.loan.memberId)),
      amounts: { officerOutstandingFen: officerFen, outstandingFen },
    },
  );
}

/**
 * concentration: the top borrowers (the threshold percent of borrowers with outstanding
 * principal, rounded up) holding more than the threshold share of outstanding. Judged only from
 * `concentrationMinBorrowers` borrowers up: with fewer, one borrower is always "the top 10%".
 */
export function concentration(context: WarningContext): Warning | null {
  const byMember = new Map<string, number>();
  for (const p of context.outstanding) {
    byMember.set(p.loan.memberId, (byMember.get(p.loan.memberId) ?? 0) + p.outstandingFen);
  }
  const { topBorrowersPercent, top10SharePercent, concentrationMinBorrowers } = context.thresholds;
  if (byMember.size < concentrationMinBorrowers) return null;
  const ranked = [...byMember].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const topCount = Math.max(1, Math.floor((ranked.length * topBorrowersPercent + 99) / 100));
  const top = ranked.slice(0, topCount);
  const topFen = fen(top.reduce((total, [, amount]) => total + amount, 0));
  const outstandingFen = sumFen(context.outstanding.map((p) => p.outstandingFen));
  const share = { numerator: topFen, denominator: outstandingFen };
  if (compareRatioToPercent(share, top10SharePercent) !== 1) return null;
  const topIds = new Set(top.map(([memberId]) => memberId));
  return warning(
    'concentration',
    `借款余额最多的${topCount}户（借款户的前${topBorrowersPercent}%）借款余额${yuan(topFen)}，占借款余额${formatPercent(share, 'up')}，超过${top10SharePercent}%`,
    {
      loans: context.outstanding.filter((p) => topIds.has(p.loan.memberId)).map((p) => p.loan.id),
      members: [...topIds],
      amounts: {
        topBorrowers: topCount,
        borrowers: ranked.length,
        topOutstandingFen: topFen,
        outstandingFen,
      },
    },
  );
}

/** borrower_guarantees_other: a member with an outstanding loan is 代偿人 of another's outstanding loan. */
export function borrowerGuaranteesOther(context: WarningContext): Warning | null {
  const loansByBorrower = new Map<string, string[]>();
  for (const p of context.outstanding) {
    loansByBorrower.set(p.loan.memberId, [
      ...(loansByBorrower.get(p.loan.memberId) ?? []),
      p.loan.id,
    ]);
  }
  const members: string[] = [];
  const loans: string[] = [];
  for (const p of context.outstanding) {
    for (const guarantorId of p.loan.guarantorIds ?? []) {
      const ownLoans = loansByBorrower.get(guarantorId);
      if (guarantorId === p.loan.memberId || ownLoans === undefined) continue;
      members.push(guarantorId);
      loans.push(...ownLoans, p.loan.id);
    }
  }
  if (members.length === 0) return null;
  const guarantors = distinct(members);
  return warning(
    'borrower_guarantees_other',
    `${guarantors.length}户借款人同时为他人未结清借款的代偿人`,
    { loans: distinct(loans), members: guarantors, amounts: { members: guarantors.length } },
  );
}
