import type { IsoDate } from '../calendar/iso-date.js';
import type { Account } from '../ledger/accounts.js';
import type { PostedLine } from '../ledger/balances.js';
import { invariant } from '../result.js';
import {
  chineseDateRange,
  column,
  type ReportHeader,
  type ReportModel,
  type ReportRow,
} from './report-model.js';

/**
 * 现金日记账 / 银行日记账: the opening balance, every line on the account in date and voucher
 * order with a running balance, and the period totals.
 */
export function journalReport(
  header: ReportHeader,
  input: {
    readonly chart: readonly Account[];
    readonly lines: readonly PostedLine[];
    readonly accountCode: string;
    readonly from: IsoDate;
    readonly through: IsoDate;
  },
): ReportModel {
  const account = input.chart.find((a) => a.code === input.accountCode);
  invariant(
    account !== undefined && account.kind === 'asset',
    'a journal is kept for 1001 or 1002',
  );
  const onAccount = input.lines.filter((l) => l.accountCode === input.accountCode);
  const signed = (l: PostedLine): number => (l.side === 'debit' ? l.amountFen : 0 - l.amountFen);
  const opening = onAccount.filter((l) => l.date < input.from).reduce((s, l) => s + signed(l), 0);
  const inPeriod = onAccount
    .filter((l) => l.date >= input.from && l.date <= input.through)
    .sort((a, b) => a.date.localeCompare(b.date) || a.voucherNo.localeCompare(b.voucherNo));
  let balance = opening;
  let debit = 0;
  let credit = 0;
  const rows: ReportRow[] = [
    {
      date: input.from,
      voucherNo: null,
      memo: '期初余额',
      debit: null,
      credit: null,
      balance: opening,
    },
  ];
  for (const line of inPeriod) {
    balance += signed(line);
    if (line.side === 'debit') debit += line.amountFen;
    else credit += line.amountFen;
    rows.push({
      date: line.date,
      voucherNo: line.voucherNo,
      memo: line.memo,
      debit: line.side === 'debit' ? line.amountFen : null,
      credit: line.side === 'credit' ? line.amountFen : null,
      balance,
    });
  }
  return {
    title: `${account.name}日记账`,
    subtitle: `编制单位：${header.fundName}\u3000${chineseDateRange(input.from, input.through)}\u3000单位：元`,
    columns: [
      column('date', '日期', 'date'),
      column('voucherNo', '凭证号', 'text'),
      column('memo', '摘要', 'text'),
      column('debit', '借方（收入）', 'money'),
      column('credit', '贷方（支出）', 'money'),
      column('balance', '余额', 'money'),
    ],
    rows,
    totals: { date: null, voucherNo: null, memo: '本期合计', debit, credit, balance },
    notes: [],
  };
}
