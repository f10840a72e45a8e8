import type { IsoDate } from '../calendar/iso-date.js';
import type { Fen } from '../money/fen.js';
import {
  chineseDateRange,
  column,
  type ReportHeader,
  type ReportModel,
  type ReportRow,
} from './report-model.js';

/** A movement on a member's account (互助金 or loans). */
export type MemberStatementEntry =
  | { readonly kind: 'contribution'; readonly on: IsoDate; readonly amountFen: Fen }
  | { readonly kind: 'refund'; readonly on: IsoDate; readonly amountFen: Fen }
  | {
      readonly kind: 'disbursement';
      readonly on: IsoDate;
      readonly loanNo: string;
      readonly amountFen: Fen;
    }
  | {
      readonly kind: 'repayment';
      readonly on: IsoDate;
      readonly loanNo: string;
      readonly principalFen: Fen;
      /** Normal and overdue fee paid. */
      readonly feeFen: Fen;
    };

const MEMOS: Readonly<Record<MemberStatementEntry['kind'], string>> = {
  contribution: '缴纳互助金',
  refund: '退还互助金',
  disbursement: '借款',
  repayment: '还款',
};

/**
 * 对账单 of one member for a period: the member's 互助金 and loan balances at the start, each
 * movement with running balances, and the balances at the end. Pass the member's whole history.
 */
export function memberStatementReport(
  header: ReportHeader & { readonly memberName: string; readonly memberNo: string },
  input: {
    readonly from: IsoDate;
    readonly through: IsoDate;
    readonly entries: readonly MemberStatementEntry[];
  },
): ReportModel {
  let contributions = 0;
  let loans = 0;
  const apply = (entry: MemberStatementEntry): void => {
    if (entry.kind === 'contribution') contributions += entry.amountFen;
    else if (entry.kind === 'refund') contributions -= entry.amountFen;
    else if (entry.kind === 'disbursement') loans += entry.amountFen;
    else loans -= entry.principalFen;
  };
  const ordered = [...input.entries].sort((a, b) => a.on.localeCompare(b.on));
  for (const entry of ordered) if (entry.on < input.from) apply(entry);
  const rows: ReportRow[] = [
    { date: input.from, memo: '期初余额', contributionBalance: contributions, loanBalance: loans },
  ];
  let fee = 0;
  for (const entry of ordered) {
    if (entry.on < input.from || entry.on > input.through) continue;
    apply(entry);
    const loanNo =
      entry.kind === 'disbursement' || entry.kind === 'repayment' ? entry.loanNo : null;
    if (entry.kind === 'repayment') fee += entry.feeFen;
    rows.push({
      date: entry.on,
      memo: loanNo === null ? MEMOS[entry.kind] : `${MEMOS[entry.kind]}（${loanNo}）`,
      contributionIn: entry.kind === 'contribution' ? entry.amountFen : null,
      contributionOut: entry.kind === 'refund' ? entry.amountFen : null,
      contributionBalance: contributions,
      disbursed: entry.kind === 'disbursement' ? entry.amountFen : null,
      principalRepaid: entry.kind === 'repayment' ? entry.principalFen : null,
      feePaid: entry.kind === 'repayment' ? entry.feeFen : null,
      loanBalance: loans,
    });
  }
  return {
    title: '会员对账单',
    subtitle: `${header.fundName}\u3000会员：${header.memberName}（${header.memberNo}）\u3000${chineseDateRange(input.from, input.through)}\u3000单位：元`,
    columns: [
      column('date', '日期', 'date'),
      column('memo', '摘要', 'text'),
      column('contributionIn', '互助金缴入', 'money'),
      column('contributionOut', '互助金退还', 'money'),
      column('contributionBalance', '互助金余额', 'money'),
      column('disbursed', '借款', 'money'),
      column('principalRepaid', '还本', 'money'),
      column('feePaid', '付占用费', 'money'),
      column('loanBalance', '借款余额', 'money'),
    ],
    rows,
    totals: {
      date: null,
      memo: '期末余额',
      contributionBalance: contributions,
      feePaid: fee,
      loanBalance: loans,
    },
    notes: ['互助金余额为会员本人缴纳的互助金，不含财政配股；配股属村集体所有，退社时不予退还。'],
  };
}
