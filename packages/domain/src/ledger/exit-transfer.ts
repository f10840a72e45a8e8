import type { IsoDate } from '../calendar/iso-date.js';
import { fen } from '../money/fen.js';
import { fail, ok, type Result } from '../result.js';
import { ACCOUNT_CODES as A, chartIndex, type Account } from './accounts.js';
import type { AccountBalances } from './balances.js';
import { assertBalanced, type Voucher, type VoucherLine } from './voucher.js';

/** Codes of `fundExitTransfer`. */
export type ExitTransferError = 'exit_books_not_clear';

/**
 * 退出: when a fund closes, after every loan is recovered (or written off) and every member's own
 * 互助金 refunded, what remains — fiscal money, donations, reserves and any unclosed income less
 * expenses — is handed over to the county account from cash and bank. The voucher debits each
 * net-asset and income leaf by its credit balance, credits each expense leaf by its debit balance,
 * and credits cash and bank by theirs, so every account of the fund ends at zero.
 * Refused while loans, member funds, other receivables or other payables are not zero.
 */
export function fundExitTransfer(event: {
  readonly on: IsoDate;
  readonly chart: readonly Account[];
  /** Net-debit balances (debit − credit) per leaf account as of the exit date. */
  readonly balances: AccountBalances;
}): Result<
  { readonly voucher: Voucher | null; readonly handedOverFen: number },
  ExitTransferError
> {
  const index = chartIndex(event.chart);
  const leaves = event.chart.filter((a) => !index.children.has(a.code));
  const balance = (code: string): number => event.balances.get(code) ?? 0;
  const mustBeZero = leaves.filter(
    (a) =>
      (a.kind === 'liability' || (a.kind === 'asset' && a.code !== A.cash && a.code !== A.bank)) &&
      balance(a.code) !== 0,
  );
  if (mustBeZero.length > 0) {
    return fail('exit_books_not_clear', {
      accounts: mustBeZero.map((a) => ({
        code: a.code,
        name: a.name,
        netDebitFen: balance(a.code),
      })),
    });
  }
  const lines: VoucherLine[] = [];
  for (const account of leaves) {
    if (account.kind === 'asset' || account.kind === 'liability') continue;
    const netDebit = balance(account.code);
    if (netDebit === 0) continue;
    lines.push({
      accountCode: account.code,
      side: netDebit < 0 ? 'debit' : 'credit',
      amountFen: fen(Math.abs(netDebit)),
    });
  }
  for (const code of [A.cash, A.bank]) {
    const netDebit = balance(code);
    if (netDebit !== 0)
      lines.push({
        accountCode: code,
        side: netDebit > 0 ? 'credit' : 'debit',
        amountFen: fen(Math.abs(netDebit)),
      });
  }
  const handedOverFen = balance(A.cash) + balance(A.bank);
  if (lines.length === 0) return ok({ voucher: null, handedOverFen });
  const voucher: Voucher = {
    date: event.on,
    kind: 'fund_exit_transfer',
    memo: '退出：财政扶贫资金及结余上缴区县专户',
    lines,
  };
  assertBalanced(voucher);
  return ok({ voucher, handedOverFen });
}
