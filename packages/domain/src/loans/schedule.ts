import { addMonths, type IsoDate } from '../calendar/iso-date.js';
import { fen, type Fen } from '../money/fen.js';
import { fail, invariant, ok, type Result } from '../result.js';

/** One repayment instalment: principal falling due on a date. */
export interface Instalment {
  readonly dueOn: IsoDate;
  readonly principalFen: Fen;
}

/** The due date of a loan of `termMonths` months (month-end clamped): 2025-01-31 + 1 → 2025-02-28. */
export function dueDateAfterMonths(disbursedOn: IsoDate, termMonths: number): IsoDate {
  return addMonths(disbursedOn, termMonths);
}

/** 到期一次还本: the whole principal due on one date. */
export function lumpSumSchedule(principalFen: Fen, dueOn: IsoDate): readonly Instalment[] {
  invariant(principalFen > 0, 'principal must be positive');
  return [{ dueOn, principalFen }];
}

/**
 * 等额本金: `instalments` equal principal instalments every termMonths ÷ instalments months,
 * each due date counted from the disbursement date (so month-end clamping never drifts).
 * Each instalment is ⌊principal ÷ n⌋ and the last takes the remainder, so they sum exactly.
 */
export function equalPrincipalSchedule(
  principalFen: Fen,
  disbursedOn: IsoDate,
  termMonths: number,
  instalments: number,
): Result<readonly Instalment[], 'schedule_instalments_invalid'> {
  invariant(principalFen > 0, 'principal must be positive');
  if (
    !Number.isSafeInteger(instalments) ||
    !Number.isSafeInteger(termMonths) ||
    instalments < 1 ||
    termMonths < 1 ||
    termMonths % instalments !== 0 ||
    instalments > principalFen
  ) {
    return fail('schedule_instalments_invalid', { termMonths, instalments });
  }
  const stepMonths = termMonths / instalments;
  const each = Math.floor(principalFen / instalments);
  const schedule: Instalment[] = [];
  for (let index = 1; index <= instalments; index += 1) {
    const amount = index === instalments ? principalFen - each * (instalments - 1) : each;
    schedule.push({
      dueOn: addMonths(disbursedOn, stepMonths * index),
      principalFen: fen(amount),
    });
  }
  return ok(schedule);
}
