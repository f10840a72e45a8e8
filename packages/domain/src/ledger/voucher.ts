import type { IsoDate } from '../calendar/iso-date.js';
import { fen, type Fen } from '../money/fen.js';
import { MAX_MOVEMENT_FEN } from '../money/limits.js';
import { fail, invariant, ok, type Result } from '../result.js';
import { chartIndex, type Account, type Side, type SubledgerKind } from './accounts.js';

/** The business event a voucher records (one posting rule each), or manual / reversal. */
export type VoucherKind =
  | 'member_contribution'
  | 'contribution_refund'
  | 'loan_disbursement'
  | 'loan_repayment'
  | 'fiscal_funds_received'
  | 'donation_received'
  | 'bank_interest'
  | 'expense'
  | 'loan_write_off'
  | 'cash_deposit_to_bank'
  | 'bank_withdrawal'
  | 'year_end_close'
  | 'surplus_distribution'
  | 'manual'
  | 'reversal'
  | 'fund_exit_transfer';

/** The loan or member a line on a subledger account belongs to. */
export interface Subledger {
  readonly kind: SubledgerKind;
  readonly id: string;
}

/** One line of a voucher: an unsigned positive amount on a side of a leaf account. */
export interface VoucherLine {
  readonly accountCode: string;
  readonly side: Side;
  readonly amountFen: Fen;
  readonly subledger?: Subledger;
}

/** A 记账凭证: header and lines. Ids and the recorded-at time are the server's business. */
export interface Voucher {
  /** Business date (the date the event is effective). */
  readonly date: IsoDate;
  readonly kind: VoucherKind;
  readonly memo: string;
  readonly lines: readonly VoucherLine[];
  /** For a reversal: the id of the voucher it reverses. */
  readonly reversesVoucherId?: string;
}

/** Sum of the debit and the credit lines of a voucher. */
export function voucherTotals(voucher: Voucher): {
  readonly debitFen: Fen;
  readonly creditFen: Fen;
} {
  let debit = 0;
  let credit = 0;
  for (const line of voucher.lines) {
    if (line.side === 'debit') debit += line.amountFen;
    else credit += line.amountFen;
  }
  return { debitFen: fen(debit), creditFen: fen(credit) };
}

/** Asserts debits equal credits and every amount is positive: an unbalanced voucher is a bug. */
export function assertBalanced(voucher: Voucher): void {
  invariant(voucher.lines.length > 0, 'voucher has no lines');
  for (const line of voucher.lines) {
    invariant(Number.isSafeInteger(line.amountFen) && line.amountFen > 0, 'line amount ≤ 0');
  }
  const { debitFen, creditFen } = voucherTotals(voucher);
  invariant(debitFen === creditFen, `voucher unbalanced: debit ${debitFen} ≠ credit ${creditFen}`);
}

/** Codes of `validateVoucher`. */
export type VoucherError =
  | 'voucher_empty'
  | 'voucher_line_amount_invalid'
  | 'amount_exceeds_limit'
  | 'account_unknown'
  | 'account_not_postable'
  | 'voucher_subledger_missing'
  | 'voucher_subledger_not_allowed'
  | 'voucher_unbalanced'
  | 'period_closed';

/**
 * Checks a voucher (typically a manual one) before it is recorded: lines, positive integer
 * amounts, known leaf accounts, subledger where the account keeps one, debits = credits, and a
 * date after `closedThrough` (the last day of the last closed month), when given.
 */
export function validateVoucher(
  voucher: Voucher,
  chart: readonly Account[],
  options: { readonly closedThrough?: IsoDate | null } = {},
): Result<Voucher, VoucherError> {
  const { closedThrough = null } = options;
  if (closedThrough !== null && voucher.date <= closedThrough) {
    return fail('period_closed', { date: voucher.date, closedThrough });
  }
  if (voucher.lines.length === 0) return fail('voucher_empty');
  const index = chartIndex(chart);
  for (const [lineIndex, line] of voucher.lines.entries()) {
    if (!Number.isSafeInteger(line.amountFen) || line.amountFen <= 0) {
      return fail('voucher_line_amount_invalid', { lineIndex, amountFen: line.amountFen });
    }
    if (line.amountFen > MAX_MOVEMENT_FEN) {
      return fail('amount_exceeds_limit', {
        lineIndex,
        amountFen: line.amountFen,
        limitFen: MAX_MOVEMENT_FEN,
      });
    }
    const account = index.byCode.get(line.accountCode);
    if (account === undefined)
      return fail('account_unknown', { lineIndex, accountCode: line.accountCode });
    if (index.children.has(line.accountCode)) {
      return fail('account_not_postable', { lineIndex, accountCode: line.accountCode });
    }
    if (account.subledger !== null && line.subledger?.kind !== account.subledger) {
      return fail('voucher_subledger_missing', {
        lineIndex,
        accountCode: line.accountCode,
        expected: account.subledger,
      });
    }
    if (account.subledger === null && line.subledger !== undefined) {
      return fail('voucher_subledger_not_allowed', { lineIndex, accountCode: line.accountCode });
    }
  }
  const { debitFen, creditFen } = voucherTotals(voucher);
  if (debitFen !== creditFen) return fail('voucher_unbalanced', { debitFen, creditFen });
  return ok(voucher);
}

/**
 * 红字冲销, modelled as a reversing voucher: the same lines with debit and credit swapped (our
 * amounts are unsigned with a side, so we do not write negative "red" amounts), linked to the
 * original by `reversesVoucherId` and dated `on` (an open period). Balances net to zero; the
 * period debit and credit totals both include the original and the reversal.
 */
export function reverseVoucher(
  original: Voucher,
  reversal: { readonly originalVoucherId: string; readonly on: IsoDate; readonly memo?: string },
): Voucher {
  assertBalanced(original);
  return {
    date: reversal.on,
    kind: 'reversal',
    memo: reversal.memo ?? `冲销：${original.memo}`,
    lines: original.lines.map((line) => ({
      ...line,
      side: line.side === 'debit' ? 'credit' : 'debit',
    })),
    reversesVoucherId: reversal.originalVoucherId,
  };
}
