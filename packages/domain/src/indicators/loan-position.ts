import type { IsoDate } from '../calendar/iso-date.js';
import { daysPastDue } from '../loans/aging.js';
import type { Instalment } from '../loans/schedule.js';
import { fen, sumFen, type Fen } from '../money/fen.js';
import { invariant } from '../result.js';
import type { IndicatorLoan } from './indicator-input.js';

/** A loan's instalments in due-date order; a schedule not summing to the principal is a bug. */
export function scheduleInDueOrder(loan: IndicatorLoan): readonly Instalment[] {
  invariant(
    sumFen(loan.schedule.map((i) => i.principalFen)) === loan.principalFen,
    `schedule of loan ${loan.id} does not sum to its principal`,
  );
  return [...loan.schedule].sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
}

/** Principal repaid on or before a date. */
export function principalRepaidBy(loan: IndicatorLoan, on: IsoDate): Fen {
  return sumFen(loan.repayments.filter((r) => r.on <= on).map((r) => r.principalFen));
}

/**
 * The part of each instalment (in due-date order) covered by `repaidFen` of principal:
 * repayments cover the earliest instalment first, each capped at its amount.
 */
export function instalmentCoverage(
  schedule: readonly Instalment[],
  repaidFen: Fen,
): readonly { readonly instalment: Instalment; readonly coveredFen: Fen }[] {
  let before = 0;
  return schedule.map((instalment) => {
    const coveredFen = fen(Math.min(instalment.principalFen, Math.max(0, repaidFen - before)));
    before += instalment.principalFen;
    return { instalment, coveredFen };
  });
}

/** A disbursed loan as of a date. */
export interface LoanPosition {
  readonly loan: IndicatorLoan;
  readonly repaidPrincipalFen: Fen;
  /** Principal not repaid, written off or not. */
  readonly unpaidPrincipalFen: Fen;
  /** Written off on or before the date. */
  readonly writtenOff: boolean;
  /** 借款余额 of the loan: the unpaid principal, 0 once written off. */
  readonly outstandingFen: Fen;
  /** DPD counted from the oldest instalment not fully repaid (DOMAIN §6); 0 when none is late. */
  readonly daysPastDue: number;
}

/** Where a loan disbursed on or before `asOf` stands at the end of that day. */
export function loanPositionAsOf(loan: IndicatorLoan, asOf: IsoDate): LoanPosition {
  invariant(loan.disbursedOn <= asOf, `loan ${loan.id} not disbursed by ${asOf}`);
  const repaidPrincipalFen = principalRepaidBy(loan, asOf);
  const unpaidPrincipalFen = fen(Math.max(0, loan.principalFen - repaidPrincipalFen));
  const oldestUnpaid = instalmentCoverage(scheduleInDueOrder(loan), repaidPrincipalFen).find(
    (c) => c.coveredFen < c.instalment.principalFen,
  );
  const writtenOff = loan.writtenOffOn !== null && loan.writtenOffOn <= asOf;
  return {
    loan,
    repaidPrincipalFen,
    unpaidPrincipalFen,
    writtenOff,
    outstandingFen: writtenOff ? fen(0) : unpaidPrincipalFen,
    daysPastDue: daysPastDue(
      { dueOn: oldestUnpaid?.instalment.dueOn ?? null, principalUnpaidFen: unpaidPrincipalFen },
      asOf,
    ),
  };
}

/** Positions as of a date of the loans disbursed on or before it. */
export function loanPositionsAsOf(
  loans: readonly IndicatorLoan[],
  asOf: IsoDate,
): readonly LoanPosition[] {
  return loans.filter((l) => l.disbursedOn <= asOf).map((l) => loanPositionAsOf(l, asOf));
}
