import { daysBetween, type IsoDate } from '../calendar/iso-date.js';
import { fen, fenFromBigInt, minFen, type Fen } from '../money/fen.js';
import { roundHalfUpDiv } from '../money/rounding.js';
import { fail, ok, type Result } from '../result.js';
import { principalDueBy, type FeeTerms, type LoanState } from './loan-state.js';

/*
 * Fee arithmetic, DOMAIN §6 (占用费):
 *
 *   fee = principal × rate × days ÷ dayCount   (rate in bp per year, dayCount 360 by default)
 *
 * Fee accrues on the principal outstanding from the last settlement (disbursement or last
 * repayment) to the repayment date. Each day from `lastSettledOn` up to (not including) the
 * repayment date is either normal or overdue for each instalment: the day that starts on an
 * instalment's due date and every later day are overdue (repaid on the due date: no overdue day;
 * repaid the day after: one). For a lump-sum loan that is exactly "normal fee for the days up to
 * the due date, overdue fee at rate × multiplier for the days after it". For an instalment loan
 * the principal of instalments past due pays overdue fee and the rest pays normal fee.
 *
 * The products are summed in bigint and rounded half up to the fen once per bucket per
 * settlement: normal fee ÷ (10000 × dayCount), overdue fee ÷ (10000 × 100 × dayCount).
 */

/** Fee accrued since the last settlement, each bucket rounded half up to the fen. */
export interface FeeAccrual {
  readonly normalFeeFen: Fen;
  readonly overdueFeeFen: Fen;
  /** Days on which some principal accrued normal (resp. overdue) fee. */
  readonly normalDays: number;
  readonly overdueDays: number;
}

/** Due dates strictly inside (from, to): the days where the overdue principal can change. */
function breakpoints(state: LoanState, from: IsoDate, to: IsoDate): IsoDate[] {
  const inside = state.schedule.map((i) => i.dueOn).filter((d) => d > from && d < to);
  return [from, ...new Set(inside), to];
}

/** The fee accrued on `state` from its last settlement to `on` (on ≥ lastSettledOn). */
function accrue(state: LoanState, on: IsoDate): FeeAccrual {
  const { terms } = state;
  let normalPrincipalDays = 0n;
  let overduePrincipalDays = 0n;
  let normalDays = 0;
  let overdueDays = 0;
  const points = breakpoints(state, state.lastSettledOn, on);
  for (let index = 0; index + 1 < points.length; index += 1) {
    const start = points[index];
    const end = points[index + 1];
    if (start === undefined || end === undefined) continue;
    const days = daysBetween(start, end);
    const overduePrincipal = principalDueBy(state, start);
    const normalPrincipal = state.principalFen - overduePrincipal;
    normalPrincipalDays += BigInt(normalPrincipal) * BigInt(days);
    overduePrincipalDays += BigInt(overduePrincipal) * BigInt(days);
    if (normalPrincipal > 0) normalDays += days;
    if (overduePrincipal > 0) overdueDays += days;
  }
  return {
    normalFeeFen: normalFee(normalPrincipalDays, terms),
    overdueFeeFen: overdueFee(overduePrincipalDays, terms),
    normalDays,
    overdueDays,
  };
}

function normalFee(principalDays: bigint, terms: FeeTerms): Fen {
  const numerator = principalDays * BigInt(terms.rateBpPerYear);
  return fenFromBigInt(roundHalfUpDiv(numerator, 10_000n * BigInt(terms.dayCountDaysPerYear)));
}

function overdueFee(principalDays: bigint, terms: FeeTerms): Fen {
  const numerator =
    principalDays * BigInt(terms.rateBpPerYear) * BigInt(terms.overdueMultiplierPercent);
  return fenFromBigInt(
    roundHalfUpDiv(numerator, 10_000n * 100n * BigInt(terms.dayCountDaysPerYear)),
  );
}

/** Fee on `principalFen` for `days` days at the normal rate: 1000000 fen, 840 bp, 365 d → 85167. */
export function feeForDays(principalFen: Fen, days: number, terms: FeeTerms): Fen {
  return normalFee(BigInt(principalFen) * BigInt(days), terms);
}

/** What a borrower owes on a date: the payoff quote. */
export interface AmountOwed {
  readonly overdueFeeFen: Fen;
  readonly normalFeeFen: Fen;
  readonly principalFen: Fen;
  readonly totalFen: Fen;
  /** The part of the fees accrued since the last settlement (the rest was owed before). */
  readonly accrual: FeeAccrual;
}

/** The amount owed on `on` (fees owed before + accrued since, each rounded) to settle the loan. */
export function amountOwedOn(
  state: LoanState,
  on: IsoDate,
): Result<AmountOwed, 'repayment_before_last_settlement'> {
  if (on < state.lastSettledOn) {
    return fail('repayment_before_last_settlement', { on, lastSettledOn: state.lastSettledOn });
  }
  const accrual = accrue(state, on);
  const overdueFeeFen = fen(state.owedOverdueFeeFen + accrual.overdueFeeFen);
  const normalFeeFen = fen(state.owedNormalFeeFen + accrual.normalFeeFen);
  return ok({
    overdueFeeFen,
    normalFeeFen,
    principalFen: state.principalFen,
    totalFen: fen(overdueFeeFen + normalFeeFen + state.principalFen),
    accrual,
  });
}

/** How one repayment was applied. */
export interface RepaymentAllocation {
  readonly overdueFeeFen: Fen;
  readonly normalFeeFen: Fen;
  readonly principalFen: Fen;
}

/** The outcome of a repayment: the new state, the allocation and what accrued. */
export interface RepaymentOutcome {
  readonly state: LoanState;
  readonly allocation: RepaymentAllocation;
  readonly accrual: FeeAccrual;
  /** Fee still owed after this payment (fixed amounts, settled first next time). */
  readonly owedAfter: { readonly normalFeeFen: Fen; readonly overdueFeeFen: Fen };
}

/** Codes of `applyRepayment`. */
export type RepaymentError =
  | 'amount_must_be_positive'
  | 'loan_already_settled'
  | 'repayment_before_last_settlement'
  | 'repayment_exceeds_amount_owed';

/**
 * Applies a repayment of `amountFen` on `on` (DOMAIN §6). The fee accrued since the last
 * settlement is rounded (normal and overdue separately) and joins the fee already owed; the
 * payment then settles, in order: overdue fee owed from before, overdue fee just accrued, normal
 * fee owed from before, normal fee just accrued, then principal. Since owed fee is a fixed amount
 * that bears no fee, "before" and "just accrued" in one bucket merge into one owed amount; what
 * is left unpaid stays owed and the repayment date becomes the new `lastSettledOn`.
 * Paying the whole `amountOwedOn` settles the loan (early repayment pays only the days used).
 */
export function applyRepayment(
  state: LoanState,
  repayment: { readonly on: IsoDate; readonly amountFen: Fen },
): Result<RepaymentOutcome, RepaymentError> {
  const { on, amountFen } = repayment;
  if (amountFen <= 0) return fail('amount_must_be_positive', { amountFen });
  if (state.status === 'settled')
    return fail('loan_already_settled', { settledOn: state.settledOn });
  const owed = amountOwedOn(state, on);
  if (!owed.ok) return owed;
  const { overdueFeeFen, normalFeeFen, totalFen, accrual } = owed.value;
  if (amountFen > totalFen) {
    return fail('repayment_exceeds_amount_owed', { amountFen, owedFen: totalFen });
  }
  const toOverdue = minFen(amountFen, overdueFeeFen);
  const toNormal = minFen(fen(amountFen - toOverdue), normalFeeFen);
  const toPrincipal = fen(amountFen - toOverdue - toNormal);
  const principalFen = fen(state.principalFen - toPrincipal);
  const settled = principalFen === 0;
  const next: LoanState = {
    ...state,
    principalFen,
    lastSettledOn: on,
    owedOverdueFeeFen: fen(overdueFeeFen - toOverdue),
    owedNormalFeeFen: fen(normalFeeFen - toNormal),
    status: settled ? 'settled' : 'outstanding',
    settledOn: settled ? on : null,
  };
  return ok({
    state: next,
    allocation: { overdueFeeFen: toOverdue, normalFeeFen: toNormal, principalFen: toPrincipal },
    accrual,
    owedAfter: { normalFeeFen: next.owedNormalFeeFen, overdueFeeFen: next.owedOverdueFeeFen },
  });
}
