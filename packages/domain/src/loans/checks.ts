import { addDays, type IsoDate } from '../calendar/iso-date.js';
import { isProductivePurpose, type Bylaws } from '../fund/bylaws.js';
import type { Fen } from '../money/fen.js';
import { fail, type Failure } from '../result.js';
import type { LoanStatus } from './lifecycle.js';

/** Codes of the loan application and disbursement checks (DOMAIN §6). */
export type LoanCheckError =
  | 'borrower_not_active_member'
  | 'purpose_not_productive'
  | 'loan_amount_exceeds_limit'
  | 'loan_amount_invalid'
  | 'loan_term_exceeds_limit'
  | 'borrower_has_outstanding_loan'
  | 'borrower_is_guarantor'
  | 'group_concurrent_borrowers_exceeded'
  | 'borrower_has_overdue_loan'
  | 'loan_not_approved'
  | 'public_notice_not_ended'
  | 'insufficient_funds';

/** What the application checks need, prefetched by the use case. */
export interface LoanApplicationContext {
  /** The bylaws in effect on the date of the check. */
  readonly bylaws: Bylaws;
  readonly borrower: {
    readonly isActiveMember: boolean;
    /** Disbursed loans of the borrower with principal outstanding (not this one). */
    readonly outstandingLoanCount: number;
    /** Of those, loans with DPD ≥ 1. */
    readonly overdueLoanCount: number;
    /** Whether the borrower is guarantor (代偿人) of someone else's outstanding loan. */
    readonly guaranteesOutstandingLoan: boolean;
    /** Whether the borrower ever had a loan disbursed (first loans have a lower limit). */
    readonly hasHadLoan: boolean;
  };
  /** Other members of the borrower's 联保小组 with an outstanding loan now. */
  readonly groupCurrentBorrowerCount: number;
  readonly loan: {
    readonly purpose: string;
    readonly amountFen: Fen;
    readonly termMonths: number;
  };
}

/** What the disbursement checks need on top of the application context. */
export interface LoanDisbursementContext extends LoanApplicationContext {
  readonly status: LoanStatus;
  /** The first day of the 公示, or null if it never started. */
  readonly publicNoticeStartedOn: IsoDate | null;
  readonly today: IsoDate;
  /** Cash plus bank balance available to lend. */
  readonly availableFundsFen: Fen;
}

/** The loan limit for this borrower: first-loan or later-loan limit of the bylaws. */
export function loanLimitFen(bylaws: Bylaws, hasHadLoan: boolean): Fen {
  return hasHadLoan ? bylaws.laterLoanLimitFen : bylaws.firstLoanLimitFen;
}

/**
 * The last day of a 公示 of `publicNoticeDays` days starting on `startedOn` (the start day
 * counts): a 3-day notice from 2025-11-03 runs through 2025-11-05; disbursement from 11-06.
 */
export function publicNoticeLastDay(startedOn: IsoDate, publicNoticeDays: number): IsoDate {
  return addDays(startedOn, Math.max(0, publicNoticeDays - 1));
}

/** All application-time failures (empty when the application may proceed), so the UI shows all. */
export function checkLoanApplication(
  context: LoanApplicationContext,
): readonly Failure<LoanCheckError>[] {
  const { bylaws, borrower, loan } = context;
  const failures: Failure<LoanCheckError>[] = [];
  if (!borrower.isActiveMember) failures.push(fail('borrower_not_active_member'));
  if (!isProductivePurpose(bylaws, loan.purpose)) {
    failures.push(
      fail('purpose_not_productive', { purpose: loan.purpose, allowed: bylaws.productivePurposes }),
    );
  }
  const limitFen = loanLimitFen(bylaws, borrower.hasHadLoan);
  if (loan.amountFen <= 0)
    failures.push(fail('loan_amount_invalid', { amountFen: loan.amountFen }));
  if (loan.amountFen > limitFen) {
    failures.push(
      fail('loan_amount_exceeds_limit', {
        amountFen: loan.amountFen,
        limitFen,
        firstLoan: !borrower.hasHadLoan,
      }),
    );
  }
  if (loan.termMonths < 1 || loan.termMonths > bylaws.maxTermMonths) {
    failures.push(
      fail('loan_term_exceeds_limit', {
        termMonths: loan.termMonths,
        maxTermMonths: bylaws.maxTermMonths,
      }),
    );
  }
  if (borrower.outstandingLoanCount >= bylaws.maxOutstandingLoansPerMember) {
    failures.push(
      fail('borrower_has_outstanding_loan', {
        outstandingLoanCount: borrower.outstandingLoanCount,
        maxOutstandingLoansPerMember: bylaws.maxOutstandingLoansPerMember,
      }),
    );
  }
  if (borrower.guaranteesOutstandingLoan) failures.push(fail('borrower_is_guarantor'));
  if (context.groupCurrentBorrowerCount >= bylaws.maxConcurrentBorrowersPerGroup) {
    failures.push(
      fail('group_concurrent_borrowers_exceeded', {
        groupCurrentBorrowerCount: context.groupCurrentBorrowerCount,
        maxConcurrentBorrowersPerGroup: bylaws.maxConcurrentBorrowersPerGroup,
      }),
    );
  }
  if (borrower.overdueLoanCount > 0) {
    failures.push(
      fail('borrower_has_overdue_loan', { overdueLoanCount: borrower.overdueLoanCount }),
    );
  }
  return failures;
}

/**
 * All disbursement-time failures: the application checks again, plus the loan is contracted
 * (approved, reviewed, publicised and signed), its 公示 has ended before today, and the amount
 * is within cash + bank.
 */
export function checkLoanDisbursement(
  context: LoanDisbursementContext,
): readonly Failure<LoanCheckError>[] {
  const failures = [...checkLoanApplication(context)];
  if (context.status !== 'contracted') {
    failures.push(fail('loan_not_approved', { status: context.status }));
  }
  const lastDay =
    context.publicNoticeStartedOn === null
      ? null
      : publicNoticeLastDay(context.publicNoticeStartedOn, context.bylaws.publicNoticeDays);
  if (lastDay === null || context.today <= lastDay) {
    failures.push(fail('public_notice_not_ended', { publicNoticeLastDay: lastDay }));
  }
  if (context.loan.amountFen > context.availableFundsFen) {
    failures.push(
      fail('insufficient_funds', {
        amountFen: context.loan.amountFen,
        availableFundsFen: context.availableFundsFen,
      }),
    );
  }
  return failures;
}

/** An application waiting for a decision. */
export interface QueuedApplication {
  readonly applicationId: string;
  readonly category: 'poor' | 'ordinary';
  readonly appliedOn: IsoDate;
}

/** Decision order (DOMAIN §6): poor households first, then by application date, then by id. */
export function applicationQueueOrder<T extends QueuedApplication>(
  applications: readonly T[],
): readonly T[] {
  const rank = (a: QueuedApplication): number => (a.category === 'poor' ? 0 : 1);
  return [...applications].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      a.appliedOn.localeCompare(b.appliedOn) ||
      (a.applicationId < b.applicationId ? -1 : a.applicationId > b.applicationId ? 1 : 0),
  );
}
