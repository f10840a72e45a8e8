import type { IsoDate } from '../calendar/iso-date.js';
import { windowContains, type DateWindow } from '../calendar/period.js';
import { fen, type Fen } from '../money/fen.js';
import type { IndicatorLoan, IndicatorMember } from './indicator-input.js';
import {
  instalmentCoverage,
  loanPositionAsOf,
  principalRepaidBy,
  scheduleInDueOrder,
} from './loan-position.js';
import { isPoorOn } from './membership-figures.js';

/** The loan-book sums behind the loan indicators, all as of `end`. */
export interface PortfolioFigures {
  readonly outstandingFen: Fen;
  readonly disbursedCount: number;
  readonly disbursedFen: Fen;
  /** Disbursed in the period to members poor on the disbursement date. */
  readonly disbursedPoorFen: Fen;
  readonly disbursedInWindowFen: Fen;
  /** Members with a loan disbursed in the 12 months to end. */
  readonly borrowerIdsInWindow: ReadonlySet<string>;
  readonly duePrincipalFen: Fen;
  /** Of the principal due in the period, the part repaid on or before its due date. */
  readonly dueRepaidOnTimeFen: Fen;
  readonly dueByEndFen: Fen;
  /** Of the principal due by end, the part repaid by end. */
  readonly recoveredByEndFen: Fen;
  readonly overdueBalanceFen: Fen;
  readonly par30Fen: Fen;
  readonly writtenOffFen: Fen;
  readonly cumulativeDisbursedFen: Fen;
}

/** DPD above which a loan is in PAR30. */
const PAR_DAYS = 30;

/** Sums the loan book for a period [start, end] and the 12-month window to end. */
export function portfolioFigures(input: {
  readonly loans: readonly IndicatorLoan[];
  readonly membersById: ReadonlyMap<string, IndicatorMember>;
  readonly start: IsoDate;
  readonly end: IsoDate;
  readonly window: DateWindow;
}): PortfolioFigures {
  const { start, end, window } = input;
  const sums = {
    outstanding: 0,
    disbursedCount: 0,
    disbursed: 0,
    disbursedPoor: 0,
    disbursedInWindow: 0,
    due: 0,
    dueOnTime: 0,
    dueByEnd: 0,
    recovered: 0,
    overdue: 0,
    par30: 0,
    writtenOff: 0,
    cumulativeDisbursed: 0,
  };
  const borrowerIdsInWindow = new Set<string>();
  for (const loan of input.loans) {
    if (loan.disbursedOn > end) continue;
    sums.cumulativeDisbursed += loan.principalFen;
    if (loan.disbursedOn >= start) {
      sums.disbursedCount += 1;
      sums.disbursed += loan.principalFen;
      const member = input.membersById.get(loan.memberId);
      if (member !== undefined && isPoorOn(member, loan.disbursedOn)) {
        sums.disbursedPoor += loan.principalFen;
      }
    }
    if (windowContains(window, loan.disbursedOn)) {
      sums.disbursedInWindow += loan.principalFen;
      borrowerIdsInWindow.add(loan.memberId);
    }

    const position = loanPositionAsOf(loan, end);
    sums.outstanding += position.outstandingFen;
    if (position.outstandingFen > 0 && position.daysPastDue >= 1) {
      sums.overdue += position.outstandingFen;
    }
    if (position.outstandingFen > 0 && position.daysPastDue > PAR_DAYS) {
      sums.par30 += position.outstandingFen;
    }
    if (position.writtenOff) sums.writtenOff += loan.writtenOffPrincipalFen;

    const schedule = scheduleInDueOrder(loan);
    for (const { instalment, coveredFen } of instalmentCoverage(
      schedule,
      position.repaidPrincipalFen,
    )) {
      if (instalment.dueOn > end) continue;
      sums.dueByEnd += instalment.principalFen;
      sums.recovered += coveredFen;
    }
    for (const [index, instalment] of schedule.entries()) {
      if (instalment.dueOn < start || instalment.dueOn > end) continue;
      sums.due += instalment.principalFen;
      const repaidByDue = principalRepaidBy(loan, instalment.dueOn);
      const coverage = instalmentCoverage(schedule, repaidByDue)[index];
      sums.dueOnTime += coverage?.coveredFen ?? 0;
    }
  }
  return {
    outstandingFen: fen(sums.outstanding),
    disbursedCount: sums.disbursedCount,
    disbursedFen: fen(sums.disbursed),
    disbursedPoorFen: fen(sums.disbursedPoor),
    disbursedInWindowFen: fen(sums.disbursedInWindow),
    borrowerIdsInWindow,
    duePrincipalFen: fen(sums.due),
    dueRepaidOnTimeFen: fen(sums.dueOnTime),
    dueByEndFen: fen(sums.dueByEnd),
    recoveredByEndFen: fen(sums.recovered),
    overdueBalanceFen: fen(sums.overdue),
    par30Fen: fen(sums.par30),
    writtenOffFen: fen(sums.writtenOff),
    cumulativeDisbursedFen: fen(sums.cumulativeDisbursed),
  };
}
