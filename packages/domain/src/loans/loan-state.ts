import type { IsoDate } from '../calendar/iso-date.js';
import type { Bylaws } from '../fund/bylaws.js';
import { fen, sumFen, ZERO_FEN, type Fen } from '../money/fen.js';
import type { RateBp } from '../money/rate.js';
import { fail, invariant, ok, type Result } from '../result.js';
import type { Instalment } from './schedule.js';

/**
 * The fee terms fixed in a loan's contract. They are copied from the bylaws in effect on the
 * contract date, so a later change of bylaws never changes the fee of a running loan.
 */
export interface FeeTerms {
  readonly rateBpPerYear: RateBp;
  readonly overdueMultiplierPercent: number;
  readonly dayCountDaysPerYear: number;
}

/** The fee terms a contract signed under these bylaws carries. */
export function feeTermsFromBylaws(bylaws: Bylaws): FeeTerms {
  return {
    rateBpPerYear: bylaws.feeRateBpPerYear,
    overdueMultiplierPercent: bylaws.overdueMultiplierPercent,
    dayCountDaysPerYear: bylaws.dayCountDaysPerYear,
  };
}

/** Whether a disbursed loan still has principal to repay. */
export type LoanBalanceStatus = 'outstanding' | 'settled';

/**
 * What is owed on a disbursed loan after its last settlement (the disbursement or the last
 * repayment). Fee since `lastSettledOn` is not in the state: it is computed on demand.
 */
export interface LoanState {
  readonly originalPrincipalFen: Fen;
  /** Principal still outstanding. */
  readonly principalFen: Fen;
  /** Instalments in due-date order, summing to the original principal. */
  readonly schedule: readonly Instalment[];
  /** The final due date (the last instalment's). */
  readonly dueOn: IsoDate;
  readonly disbursedOn: IsoDate;
  readonly lastSettledOn: IsoDate;
  /** Fee rounded at an earlier repayment and not yet paid: a fixed amount, no fee on it. */
  readonly owedNormalFeeFen: Fen;
  readonly owedOverdueFeeFen: Fen;
  readonly terms: FeeTerms;
  readonly extensionCount: number;
  readonly status: LoanBalanceStatus;
  readonly settledOn: IsoDate | null;
}

/** The state of a loan on its disbursement date; a malformed schedule is a bug. */
export function openLoan(input: {
  readonly principalFen: Fen;
  readonly disbursedOn: IsoDate;
  readonly schedule: readonly Instalment[];
  readonly terms: FeeTerms;
}): LoanState {
  const { principalFen, disbursedOn, schedule, terms } = input;
  invariant(principalFen > 0, 'principal must be positive');
  invariant(sumFen(schedule.map((i) => i.principalFen)) === principalFen, 'schedule ≠ principal');
  let previous = disbursedOn;
  for (const instalment of schedule) {
    invariant(instalment.principalFen > 0, 'instalment principal must be positive');
    invariant(instalment.dueOn > previous, 'due dates must increase after disbursement');
    previous = instalment.dueOn;
  }
  return {
    originalPrincipalFen: principalFen,
    principalFen,
    schedule,
    dueOn: previous,
    disbursedOn,
    lastSettledOn: disbursedOn,
    owedNormalFeeFen: ZERO_FEN,
    owedOverdueFeeFen: ZERO_FEN,
    terms,
    extensionCount: 0,
    status: 'outstanding',
    settledOn: null,
  };
}

/** Principal repaid so far. */
export function repaidPrincipalFen(state: LoanState): Fen {
  return fen(state.originalPrincipalFen - state.principalFen);
}

/**
 * Principal of instalments due on or before `day` not yet covered by repaid principal
 * (repayments cover instalments in due-date order). For fee, the day that starts on a due date
 * is the first overdue day: repaid the day after the due date means one overdue day.
 */
export function principalDueBy(state: LoanState, day: IsoDate): Fen {
  const scheduled = sumFen(state.schedule.filter((i) => i.dueOn <= day).map((i) => i.principalFen));
  return fen(Math.max(0, scheduled - repaidPrincipalFen(state)));
}

/** The due date of the earliest instalment not fully repaid, or null when settled. */
export function oldestUnpaidDueOn(state: LoanState): IsoDate | null {
  const repaid = repaidPrincipalFen(state);
  let cumulative = 0;
  for (const instalment of state.schedule) {
    cumulative += instalment.principalFen;
    if (cumulative > repaid) return instalment.dueOn;
  }
  return null;
}

/** Codes of `extendLoan`. */
export type ExtendLoanError =
  | 'loan_already_settled'
  | 'loan_already_extended'
  | 'extension_after_due_date'
  | 'extension_due_date_not_later';

/**
 * 展期: moves the final due date to `newDueOn`. Allowed once (bylaws `maxExtensions`), only when
 * approved on or before the current due date (a loan is not overdue on its due date itself);
 * fee then runs at the normal rate up to the new date. Earlier instalments keep their dates.
 */
export function extendLoan(
  state: LoanState,
  extension: {
    readonly approvedOn: IsoDate;
    readonly newDueOn: IsoDate;
    readonly maxExtensions: number;
  },
): Result<LoanState, ExtendLoanError> {
  const { approvedOn, newDueOn, maxExtensions } = extension;
  if (state.status === 'settled') return fail('loan_already_settled', {});
  if (state.extensionCount >= maxExtensions) {
    return fail('loan_already_extended', { extensionCount: state.extensionCount });
  }
  if (approvedOn > state.dueOn) {
    return fail('extension_after_due_date', { approvedOn, dueOn: state.dueOn });
  }
  if (newDueOn <= state.dueOn) {
    return fail('extension_due_date_not_later', { newDueOn, dueOn: state.dueOn });
  }
  const schedule = state.schedule.map((instalment, index) =>
    index === state.schedule.length - 1 ? { ...instalment, dueOn: newDueOn } : instalment,
  );
  return ok({ ...state, schedule, dueOn: newDueOn, extensionCount: state.extensionCount + 1 });
}

/** 按期还款: principal fully repaid on or before the (possibly extended) due date. */
export function isRepaidOnTime(state: LoanState): boolean {
  return state.settledOn !== null && state.settledOn <= state.dueOn;
}
