import type { IsoDate } from '../calendar/iso-date.js';
import { twelveMonthsWindow, windowContains } from '../calendar/period.js';
import type { IndicatorLoan } from '../indicators/indicator-input.js';
import { isPoorOn, membersOn } from '../indicators/membership-figures.js';
import { fen, sumFen } from '../money/fen.js';
import { formatPercent } from './ratio-compare.js';
import { distinct, warning, yuan, type WarningContext } from './warning-context.js';
import type { Warning } from './warning-model.js';

function disbursedInPeriod(context: WarningContext): readonly IndicatorLoan[] {
  return context.input.fund.loans.filter(
    (l) => l.disbursedOn >= context.start && l.disbursedOn <= context.end,
  );
}

/**
 * loan_over_limit: a loan disbursed in the period above the bylaws limit — the first-loan limit
 * when the member had no loan disbursed before that date, else the later-loan limit.
 */
export function loanOverLimit(context: WarningContext): Warning | null {
  const { firstLoanLimitFen, laterLoanLimitFen } = context.input.params;
  const all = context.input.fund.loans;
  const over = disbursedInPeriod(context).filter((loan) => {
    const isFirst = !all.some(
      (other) => other.memberId === loan.memberId && other.disbursedOn < loan.disbursedOn,
    );
    return loan.principalFen > (isFirst ? firstLoanLimitFen : laterLoanLimitFen);
  });
  if (over.length === 0) return null;
  const maxPrincipalFen = fen(Math.max(...over.map((l) => l.principalFen)));
  return warning(
    'loan_over_limit',
    `本期${over.length}笔借款超过借款限额（首次借款${yuan(firstLoanLimitFen)}，再次借款${yuan(laterLoanLimitFen)}），最高一笔${yuan(maxPrincipalFen)}`,
    {
      loans: over.map((l) => l.id),
      members: distinct(over.map((l) => l.memberId)),
      amounts: { maxPrincipalFen, totalPrincipalFen: sumFen(over.map((l) => l.principalFen)) },
    },
  );
}

/** non_productive_purpose: a loan disbursed in the period for a purpose not on the bylaws list. */
export function nonProductivePurpose(context: WarningContext): Warning | null {
  const productive = new Set(context.input.params.productivePurposes);
  const loans = disbursedInPeriod(context).filter((l) => !productive.has(l.purpose));
  if (loans.length === 0) return null;
  return warning(
    'non_productive_purpose',
    `本期${loans.length}笔借款用途不属于生产性用途：${distinct(loans.map((l) => l.purpose)).join('、')}`,
    {
      loans: loans.map((l) => l.id),
      members: distinct(loans.map((l) => l.memberId)),
      amounts: { principalFen: sumFen(loans.map((l) => l.principalFen)) },
    },
  );
}

/**
 * targeting_drift: the poor share of borrowers below the poor share of members (less the
 * threshold's percentage points). Borrowers are the members counted in `members` with a loan
 * disbursed in the 12 months to end (as for borrower_coverage); a borrower counts as poor when
 * recorded poor on the date of their latest disbursement in that window.
 */
export function targetingDrift(context: WarningContext): Warning | null {
  const { end } = context;
  const window = twelveMonthsWindow(end);
  const latestDisbursement = new Map<string, IsoDate>();
  for (const loan of context.input.fund.loans) {
    if (!windowContains(window, loan.disbursedOn)) continue;
    const seen = latestDisbursement.get(loan.memberId);
    if (seen === undefined || loan.disbursedOn > seen) {
      latestDisbursement.set(loan.memberId, loan.disbursedOn);
    }
  }
  let borrowerCount = 0;
  let poorBorrowerCount = 0;
  for (const member of membersOn(context.input.fund.members, end)) {
    const on = latestDisbursement.get(member.id);
    if (on === undefined) continue;
    borrowerCount += 1;
    if (isPoorOn(member, on)) poorBorrowerCount += 1;
  }
  const membersCount = context.input.indicators.values.members;
  const poorMembers = context.input.indicators.values.members_poor;
  if (borrowerCount === 0 || membersCount === 0) return null;
  const points = BigInt(context.thresholds.targetingDriftPercentPoints);
  const b = BigInt(borrowerCount);
  const m = BigInt(membersCount);
  // poorBorrowers/b < poorMembers/m − points/100, multiplied through by 100·b·m.
  const drifted =
    BigInt(poorBorrowerCount) * m * 100n + points * b * m < BigInt(poorMembers) * b * 100n;
  if (!drifted) return null;
  const borrowerShare = { numerator: poorBorrowerCount, denominator: borrowerCount };
  const memberShare = { numerator: poorMembers, denominator: membersCount };
  return warning(
    'targeting_drift',
    `近12个月借款户中贫困户占比${formatPercent(borrowerShare, 'down')}（${poorBorrowerCount}/${borrowerCount}户），低于会员中贫困户占比${formatPercent(memberShare)}（${poorMembers}/${membersCount}户）`,
    {
      amounts: {
        poorBorrowers: poorBorrowerCount,
        borrowers: borrowerCount,
        poorMembers,
        members: membersCount,
      },
    },
  );
}

/** disbursed_before_approval: loans the server found disbursed before approval or 公示 end. */
export function disbursedBeforeApproval(context: WarningContext): Warning | null {
  const loanIds = distinct(context.input.flags.disbursedBeforeApproval);
  if (loanIds.length === 0) return null;
  const ids = new Set(loanIds);
  const loans = context.input.fund.loans.filter((l) => ids.has(l.id));
  return warning('disbursed_before_approval', `${loanIds.length}笔借款在审批或公示结束前发放`, {
    loans: loanIds,
    members: distinct(loans.map((l) => l.memberId)),
    amounts: { principalFen: sumFen(loans.map((l) => l.principalFen)) },
  });
}
