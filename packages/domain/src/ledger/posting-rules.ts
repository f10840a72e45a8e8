/**
 * Posting rules (DOMAIN §7): one function per business event, each returning the balanced
 * voucher the event implies. This file is what an accountant reviews.
 *
 *   event                     debit                         credit
 *   member contribution       1001/1002                     220901 (member)
 *   contribution refund       220901 (member)               1001/1002
 *   loan disbursement         1121 (loan)                   1001/1002
 *   loan repayment            1001/1002                     1121 (loan) principal,
 *                                                           430101 fee, 430102 overdue fee
 *   fiscal funds received     1002                          4401
 *   donation received         1001/1002                     4101
 *   bank interest             1002                          4901
 *   expense                   5201                          1001/1002
 *   loan write-off            310103 up to its balance,     1121 (loan)
 *                             5401 the rest
 *   cash deposit to bank      1002                          1001
 *   bank withdrawal           1001                          1002
 *   year-end close            4401 → 310201, 4101 → 310202, other income and expenses → 310104
 *   surplus distribution      310104                        310101, 310102, 310103
 *
 * 配股 (a poor member's allotted share) moves no money and posts nothing: it is an
 * entitlement recorded in the member register, inside the fiscal fund 310201.
 * Fee is booked when received (cash basis): unpaid fee owed by a borrower is not a receivable.
 */
import type { IsoDate } from '../calendar/iso-date.js';
import type { DistributionRatios } from '../fund/bylaws.js';
import { fen, minFen, type Fen } from '../money/fen.js';
import { invariant } from '../result.js';
import { ACCOUNT_CODES as A, DEFAULT_CHART, type Account, type Side } from './accounts.js';
import { distributeSurplus, type SurplusDistribution } from './distribution.js';
import {
  assertBalanced,
  type Subledger,
  type Voucher,
  type VoucherKind,
  type VoucherLine,
} from './voucher.js';

/** Where money came in or went out: 现金 (1001) or 银行存款 (1002). */
export type MoneyChannel = 'cash' | 'bank';

/** The account of a money channel. */
export function channelAccount(channel: MoneyChannel): string {
  return channel === 'cash' ? A.cash : A.bank;
}

function line(accountCode: string, side: Side, amountFen: Fen, subledger?: Subledger): VoucherLine {
  return subledger === undefined
    ? { accountCode, side, amountFen }
    : { accountCode, side, amountFen, subledger };
}

function voucher(
  date: IsoDate,
  kind: VoucherKind,
  memo: string,
  lines: readonly VoucherLine[],
): Voucher {
  const built: Voucher = { date, kind, memo, lines: lines.filter((l) => l.amountFen !== 0) };
  assertBalanced(built);
  return built;
}

function positive(amountFen: Fen): Fen {
  invariant(amountFen > 0, 'posting amount must be positive');
  return amountFen;
}

/** Common input of a money movement. */
interface Movement {
  readonly on: IsoDate;
  readonly amountFen: Fen;
  readonly via: MoneyChannel;
  readonly memo?: string;
}

/** 会员缴纳互助金: Dr 1001/1002, Cr 220901 (member). */
export function memberContribution(event: Movement & { readonly memberId: string }): Voucher {
  const amount = positive(event.amountFen);
  return voucher(event.on, 'member_contribution', event.memo ?? '会员缴纳互助金', [
    line(channelAccount(event.via), 'debit', amount),
    line(A.memberFunds, 'credit', amount, { kind: 'member', id: event.memberId }),
  ]);
}

/** 退还互助金: Dr 220901 (member), Cr 1001/1002. */
export function contributionRefund(event: Movement & { readonly memberId: string }): Voucher {
  const amount = positive(event.amountFen);
  return voucher(event.on, 'contribution_refund', event.memo ?? '退还会员互助金', [
    line(A.memberFunds, 'debit', amount, { kind: 'member', id: event.memberId }),
    line(channelAccount(event.via), 'credit', amount),
  ]);
}

/** 发放借款: Dr 1121 (loan), Cr 1001/1002. */
export function loanDisbursement(event: Movement & { readonly loanId: string }): Voucher {
  const amount = positive(event.amountFen);
  return voucher(event.on, 'loan_disbursement', event.memo ?? '发放借款', [
    line(A.loansReceivable, 'debit', amount, { kind: 'loan', id: event.loanId }),
    line(channelAccount(event.via), 'credit', amount),
  ]);
}

/** 收回借款及占用费: Dr 1001/1002 total; Cr 1121 principal, 430101 fee, 430102 overdue fee. */
export function loanRepayment(event: {
  readonly on: IsoDate;
  readonly loanId: string;
  readonly via: MoneyChannel;
  readonly allocation: {
    readonly principalFen: Fen;
    readonly normalFeeFen: Fen;
    readonly overdueFeeFen: Fen;
  };
  readonly memo?: string;
}): Voucher {
  const { principalFen, normalFeeFen, overdueFeeFen } = event.allocation;
  invariant(principalFen >= 0 && normalFeeFen >= 0 && overdueFeeFen >= 0, 'negative allocation');
  const total = positive(fen(principalFen + normalFeeFen + overdueFeeFen));
  return voucher(event.on, 'loan_repayment', event.memo ?? '收回借款及占用费', [
    line(channelAccount(event.via), 'debit', total),
    line(A.loansReceivable, 'credit', principalFen, { kind: 'loan', id: event.loanId }),
    line(A.feeIncome, 'credit', normalFeeFen),
    line(A.overdueFeeIncome, 'credit', overdueFeeFen),
  ]);
}

/** 收到财政扶贫资金: Dr 1002, Cr 4401 (fiscal money always arrives in the bank account). */
export function fiscalFundsReceived(event: Omit<Movement, 'via'>): Voucher {
  const amount = positive(event.amountFen);
  return voucher(event.on, 'fiscal_funds_received', event.memo ?? '收到财政扶贫资金', [
    line(A.bank, 'debit', amount),
    line(A.governmentGrantIncome, 'credit', amount),
  ]);
}

/** 收到捐赠: Dr 1001/1002, Cr 4101. */
export function donationReceived(event: Movement): Voucher {
  const amount = positive(event.amountFen);
  return voucher(event.on, 'donation_received', event.memo ?? '收到捐赠资金', [
    line(channelAccount(event.via), 'debit', amount),
    line(A.donationIncome, 'credit', amount),
  ]);
}

/** 银行存款利息: Dr 1002, Cr 4901. */
export function bankInterest(event: Omit<Movement, 'via'>): Voucher {
  const amount = positive(event.amountFen);
  return voucher(event.on, 'bank_interest', event.memo ?? '银行存款利息', [
    line(A.bank, 'debit', amount),
    line(A.otherIncome, 'credit', amount),
  ]);
}

/** 管理费用 (office costs, 误工补助): Dr 5201, Cr 1001/1002. */
export function expense(event: Movement & { readonly memo: string }): Voucher {
  const amount = positive(event.amountFen);
  return voucher(event.on, 'expense', event.memo, [
    line(A.managementExpenses, 'debit', amount),
    line(channelAccount(event.via), 'credit', amount),
  ]);
}

/**
 * 核销 (needs an assembly resolution, checked in the lifecycle): Dr 310103 风险准备金 up to its
 * credit balance, Dr 5401 其他费用 for the rest, Cr 1121 (loan) for the unpaid principal.
 */
export function loanWriteOff(event: {
  readonly on: IsoDate;
  readonly loanId: string;
  readonly principalFen: Fen;
  /** Credit balance of 310103 before this write-off (negative is treated as none). */
  readonly riskReserveBalanceFen: Fen;
  readonly memo?: string;
}): Voucher {
  const principal = positive(event.principalFen);
  const fromReserve = minFen(principal, fen(Math.max(0, event.riskReserveBalanceFen)));
  return voucher(event.on, 'loan_write_off', event.memo ?? '核销呆账借款', [
    line(A.riskReserve, 'debit', fromReserve),
    line(A.otherExpenses, 'debit', fen(principal - fromReserve)),
    line(A.loansReceivable, 'credit', principal, { kind: 'loan', id: event.loanId }),
  ]);
}

/** 现金存入银行: Dr 1002, Cr 1001. */
export function cashDepositToBank(event: Omit<Movement, 'via'>): Voucher {
  const amount = positive(event.amountFen);
  return voucher(event.on, 'cash_deposit_to_bank', event.memo ?? '现金存入银行', [
    line(A.bank, 'debit', amount),
    line(A.cash, 'credit', amount),
  ]);
}

/** 从银行提取现金: Dr 1001, Cr 1002. */
export function bankWithdrawal(event: Omit<Movement, 'via'>): Voucher {
  const amount = positive(event.amountFen);
  return voucher(event.on, 'bank_withdrawal', event.memo ?? '从银行提取现金', [
    line(A.cash, 'debit', amount),
    line(A.bank, 'credit', amount),
  ]);
}

/** The year-end close voucher and the year's net surplus it put into 310104. */
export interface YearEndClose {
  /** Null when every income and expense account is already zero. */
  readonly voucher: Voucher | null;
  /** Income less expenses other than 4401 and 4101 (negative: a deficit, carried in 310104). */
  readonly netSurplusFen: Fen;
}

/**
 * 年终结转 on the last day of the year, from the year's closing net-debit balances of the
 * income and expense leaf accounts (debit − credit; income is normally negative): 4401 → 310201,
 * 4101 → 310202, every other income and expense account → 310104 未分配结余.
 */
export function yearEndClose(event: {
  readonly on: IsoDate;
  readonly netDebitByAccount: ReadonlyMap<string, Fen>;
  readonly chart?: readonly Account[];
}): YearEndClose {
  const chart = event.chart ?? DEFAULT_CHART;
  const lines: VoucherLine[] = [];
  const restrictedTargets = new Map<string, string>([
    [A.governmentGrantIncome, A.fiscalFunds],
    [A.donationIncome, A.donationFunds],
  ]);
  let toUndistributed = 0;
  const leaves = chart.filter(
    (a) =>
      (a.kind === 'income' || a.kind === 'expense') && !chart.some((c) => c.parentCode === a.code),
  );
  for (const account of leaves) {
    const netDebit = event.netDebitByAccount.get(account.code) ?? 0;
    if (netDebit === 0) continue;
    lines.push(closingLine(account.code, netDebit));
    const target = restrictedTargets.get(account.code);
    if (target === undefined) toUndistributed += netDebit;
    else lines.push(line(target, netDebit > 0 ? 'debit' : 'credit', fen(Math.abs(netDebit))));
  }
  if (toUndistributed !== 0) {
    lines.push(
      line(
        A.undistributedSurplus,
        toUndistributed > 0 ? 'debit' : 'credit',
        fen(Math.abs(toUndistributed)),
      ),
    );
  }
  const netSurplusFen = fen(-toUndistributed);
  if (lines.length === 0) return { voucher: null, netSurplusFen };
  return { voucher: voucher(event.on, 'year_end_close', '年终结转收入费用', lines), netSurplusFen };
}

/** The line that brings an account with this net-debit balance to zero. */
function closingLine(accountCode: string, netDebit: number): VoucherLine {
  return line(accountCode, netDebit > 0 ? 'credit' : 'debit', fen(Math.abs(netDebit)));
}

/** The distribution voucher and the split it posts. */
export interface SurplusDistributionPosting {
  /** Null when there is no surplus to distribute (a deficit stays in 310104). */
  readonly voucher: Voucher | null;
  readonly distribution: SurplusDistribution;
}

/**
 * 收益分配 (after the assembly approves it): Dr 310104 the year's net surplus; Cr 310101 公积金,
 * 310102 公益金, 310103 风险准备金 split by `distributeSurplus`.
 */
export function surplusDistribution(event: {
  readonly on: IsoDate;
  readonly surplusFen: Fen;
  readonly ratios: DistributionRatios;
}): SurplusDistributionPosting {
  const distribution = distributeSurplus(event.surplusFen, event.ratios);
  if (event.surplusFen <= 0) return { voucher: null, distribution };
  return {
    voucher: voucher(event.on, 'surplus_distribution', '年度收益分配', [
      line(A.undistributedSurplus, 'debit', event.surplusFen),
      line(A.commonReserve, 'credit', distribution.commonReserveFen),
      line(A.welfareFund, 'credit', distribution.welfareFundFen),
      line(A.riskReserve, 'credit', distribution.riskReserveFen),
    ]),
    distribution,
  };
}
