import type { IsoDate } from '../calendar/iso-date.js';
import { addFen, fen, subtractFen, sumFen, type Fen } from '../money/fen.js';
import { invariant } from '../result.js';
import {
  accountAncestry,
  accountLevel,
  ACCOUNT_CODES as A,
  chartIndex,
  type Account,
  type AccountKind,
  type Side,
} from './accounts.js';
import type { Subledger, Voucher, VoucherKind } from './voucher.js';

/** A voucher line as stored: with its voucher's id, number, date, kind and memo. */
export interface PostedLine {
  readonly voucherId: string;
  /** The voucher number shown to users (凭证号), e.g. '记-2025-11-007'. */
  readonly voucherNo: string;
  readonly date: IsoDate;
  readonly voucherKind: VoucherKind;
  readonly memo: string;
  readonly accountCode: string;
  readonly side: Side;
  readonly amountFen: Fen;
  readonly subledger?: Subledger;
}

/** Flattens recorded vouchers into posted lines (the voucher number defaults to its id). */
export function postedLines(
  vouchers: readonly { readonly id: string; readonly no?: string; readonly voucher: Voucher }[],
): readonly PostedLine[] {
  return vouchers.flatMap(({ id, no, voucher }) =>
    voucher.lines.map((line) => ({
      ...line,
      voucherId: id,
      voucherNo: no ?? id,
      date: voucher.date,
      voucherKind: voucher.kind,
      memo: voucher.memo,
    })),
  );
}

/** Signed amount of a line: + for a debit, − for a credit. */
function netDebit(line: { readonly side: Side; readonly amountFen: Fen }): number {
  return line.side === 'debit' ? line.amountFen : 0 - line.amountFen;
}

/** Net-debit balances (debit − credit) per account code, parents including their sub-accounts. */
export type AccountBalances = ReadonlyMap<string, Fen>;

/** Balances of every account (rolled up to parents) from the lines dated on or before `asOf`. */
export function balancesAsOf(
  chart: readonly Account[],
  lines: readonly PostedLine[],
  asOf: IsoDate,
): AccountBalances {
  return rollUp(
    chart,
    lines.filter((l) => l.date <= asOf),
    () => true,
  );
}

/** Sums the net debit of matching lines onto their accounts and every ancestor. */
function rollUp(
  chart: readonly Account[],
  lines: readonly PostedLine[],
  include: (line: PostedLine) => boolean,
): Map<string, Fen> {
  const totals = new Map<string, Fen>(chart.map((a) => [a.code, fen(0)]));
  for (const line of lines) {
    if (!include(line)) continue;
    const ancestry = accountAncestry(chart, line.accountCode);
    invariant(ancestry.length > 0, `line on unknown account ${line.accountCode}`);
    for (const code of ancestry) totals.set(code, fen((totals.get(code) ?? 0) + netDebit(line)));
  }
  return totals;
}

/** The balance of an account on its normal side (a credit balance of 220901 is positive). */
export function normalBalance(
  chart: readonly Account[],
  balances: AccountBalances,
  code: string,
): Fen {
  const account = chartIndex(chart).byCode.get(code);
  invariant(account !== undefined, `unknown account ${code}`);
  const net = balances.get(code) ?? 0;
  return fen(account.normalSide === 'debit' ? net : 0 - net);
}

/** One row of the 科目余额表. Balances are net debit (debit − credit). */
export interface TrialBalanceRow {
  readonly code: string;
  readonly name: string;
  readonly kind: AccountKind;
  readonly normalSide: Side;
  /** 0 for a top-level account, 1 for a sub-account. */
  readonly level: number;
  readonly openingFen: Fen;
  readonly debitFen: Fen;
  readonly creditFen: Fen;
  readonly closingFen: Fen;
}

/** Column totals over top-level accounts, balances split into their 借 and 贷 columns. */
export interface TrialBalanceTotals {
  readonly openingDebitFen: Fen;
  readonly openingCreditFen: Fen;
  readonly debitFen: Fen;
  readonly creditFen: Fen;
  readonly closingDebitFen: Fen;
  readonly closingCreditFen: Fen;
}

/** A trial balance for the dates from `from` through `through`. */
export interface TrialBalance {
  readonly from: IsoDate;
  readonly through: IsoDate;
  readonly rows: readonly TrialBalanceRow[];
  readonly totals: TrialBalanceTotals;
  /** Debits = credits for opening, period and closing columns. Must always be true. */
  readonly balanced: boolean;
}

/**
 * 科目余额表: per account (chart order, sub-accounts rolled up into parents) the opening balance
 * (lines before `from`), the period's debits and credits (`from`…`through`) and the closing balance.
 */
export function trialBalance(
  chart: readonly Account[],
  lines: readonly PostedLine[],
  period: { readonly from: IsoDate; readonly through: IsoDate },
): TrialBalance {
  const { from, through } = period;
  const opening = rollUp(chart, lines, (l) => l.date < from);
  const inPeriod = (l: PostedLine): boolean => l.date >= from && l.date <= through;
  const debits = rollUp(chart, lines, (l) => inPeriod(l) && l.side === 'debit');
  const credits = rollUp(chart, lines, (l) => inPeriod(l) && l.side === 'credit');
  const rows = chart.map((account): TrialBalanceRow => {
    const openingFen = opening.get(account.code) ?? fen(0);
    const debitFen = debits.get(account.code) ?? fen(0);
    const creditFen = fen(0 - (credits.get(account.code) ?? 0));
    return {
      code: account.code,
      name: account.name,
      kind: account.kind,
      normalSide: account.normalSide,
      level: accountLevel(chart, account.code),
      openingFen,
      debitFen,
      creditFen,
      closingFen: subtractFen(addFen(openingFen, debitFen), creditFen),
    };
  });
  const top = rows.filter((r) => r.level === 0);
  const sum = (pick: (r: TrialBalanceRow) => number): Fen => sumFen(top.map((r) => fen(pick(r))));
  const totals: TrialBalanceTotals = {
    openingDebitFen: sum((r) => Math.max(0, r.openingFen)),
    openingCreditFen: sum((r) => Math.max(0, 0 - r.openingFen)),
    debitFen: sum((r) => r.debitFen),
    creditFen: sum((r) => r.creditFen),
    closingDebitFen: sum((r) => Math.max(0, r.closingFen)),
    closingCreditFen: sum((r) => Math.max(0, 0 - r.closingFen)),
  };
  const balanced =
    totals.openingDebitFen === totals.openingCreditFen &&
    totals.debitFen === totals.creditFen &&
    totals.closingDebitFen === totals.closingCreditFen;
  return { from, through, rows, totals, balanced };
}

/**
 * Net-debit movement per account (rolled up) for lines dated `from`…`through`, leaving out
 * year-end closing vouchers so that income and expense show the year's activity (业务活动表).
 */
export function activityMovements(
  chart: readonly Account[],
  lines: readonly PostedLine[],
  period: { readonly from: IsoDate; readonly through: IsoDate },
): AccountBalances {
  return rollUp(
    chart,
    lines,
    (l) => l.date >= period.from && l.date <= period.through && l.voucherKind !== 'year_end_close',
  );
}

/** 互助资金总额 and its parts (DOMAIN §7), all in fen on their natural (positive) side. */
export interface FundComposition {
  readonly fundTotalFen: Fen;
  readonly fundFiscalFen: Fen;
  readonly fundDonationFen: Fen;
  readonly fundMemberFen: Fen;
  readonly fundReservesFen: Fen;
  /** The asset side: cash + bank + loans + other receivables − other liabilities. */
  readonly cashFen: Fen;
  readonly bankFen: Fen;
  readonly loansOutstandingFen: Fen;
  readonly otherReceivablesFen: Fen;
  readonly otherLiabilitiesFen: Fen;
  readonly assetSideTotalFen: Fen;
}

/**
 * The fund total from the liability and net-asset side: fund_fiscal = 310201 + unclosed 4401;
 * fund_donation = 310202 + unclosed 4101; fund_member = 220901; fund_reserves = 3101 + unclosed
 * (4301 + 4901 − 5201 − 5401). Also the asset side, which equals it whenever the books balance;
 * "other liabilities" are all liabilities except 220901. Uses the default chart's codes.
 */
export function fundComposition(
  chart: readonly Account[],
  balances: AccountBalances,
): FundComposition {
  const b = (code: string): Fen => normalBalance(chart, balances, code);
  const minus = (code: string): Fen => fen(0 - b(code));
  const fundFiscalFen = addFen(b(A.fiscalFunds), b(A.governmentGrantIncome));
  const fundDonationFen = addFen(b(A.donationFunds), b(A.donationIncome));
  const fundMemberFen = b(A.memberFunds);
  const fundReservesFen = sumFen([
    b(A.unrestrictedNetAssets),
    b(A.serviceIncome),
    b(A.otherIncome),
    minus(A.managementExpenses),
    minus(A.otherExpenses),
  ]);
  const topLevelLiabilities = chart.filter((a) => a.kind === 'liability' && a.parentCode === null);
  const otherLiabilitiesFen = subtractFen(
    sumFen(topLevelLiabilities.map((a) => b(a.code))),
    fundMemberFen,
  );
  const cashFen = fen(b(A.cash));
  const bankFen = fen(b(A.bank));
  const loansOutstandingFen = fen(b(A.loansReceivable));
  const otherReceivablesFen = fen(b(A.otherReceivables));
  return {
    fundTotalFen: sumFen([fundFiscalFen, fundDonationFen, fundMemberFen, fundReservesFen]),
    fundFiscalFen,
    fundDonationFen,
    fundMemberFen,
    fundReservesFen,
    cashFen,
    bankFen,
    loansOutstandingFen,
    otherReceivablesFen,
    otherLiabilitiesFen,
    assetSideTotalFen: subtractFen(
      sumFen([cashFen, bankFen, loansOutstandingFen, otherReceivablesFen]),
      otherLiabilitiesFen,
    ),
  };
}

/** Balances per subledger id on one account (e.g. each member's 互助金 on 220901), normal side. */
export function subledgerBalances(
  chart: readonly Account[],
  lines: readonly PostedLine[],
  accountCode: string,
  asOf: IsoDate,
): ReadonlyMap<string, Fen> {
  const account = chartIndex(chart).byCode.get(accountCode);
  invariant(account !== undefined, `unknown account ${accountCode}`);
  const sign = account.normalSide === 'debit' ? 1 : -1;
  const totals = new Map<string, Fen>();
  for (const line of lines) {
    if (line.accountCode !== accountCode || line.date > asOf || line.subledger === undefined)
      continue;
    const id = line.subledger.id;
    totals.set(id, fen((totals.get(id) ?? 0) + sign * netDebit(line)));
  }
  return totals;
}
