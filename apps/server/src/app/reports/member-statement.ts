import type { Kysely } from 'kysely';
import {
  fen,
  formatYuan,
  memberStatementReport,
  type IsoDate,
  type MemberStatementEntry,
  type ReportModel,
  type ReportRow,
} from '@huzhu/domain';
import type { Database } from '../../db/schema.js';
import { toSafeInt } from '../../db/connect.js';
import { notFound } from '../errors.js';
import type { FundRef } from '../books/context.js';
import { loanNoText } from './loan-register.js';

type Db = Kysely<Database>;

interface AllotmentMovement {
  readonly on: IsoDate;
  readonly amountFen: number;
  readonly returned: boolean;
}

/**
 * Adds the fiscal 配股 to the domain's statement (which covers money the member owns or owes):
 * a 配股 column, one row per allotment or return in the period (placed by date, balances carried
 * from the row before), and the allotment held at the end in the totals. 配股 moves no money.
 */
function withAllotments(
  model: ReportModel,
  movements: readonly AllotmentMovement[],
  period: { readonly from: IsoDate; readonly through: IsoDate },
): ReportModel {
  const held = movements
    .filter((m) => m.on <= period.through)
    .reduce((sum, m) => sum + (m.returned ? -m.amountFen : m.amountFen), 0);
  const inPeriod = movements
    .filter((m) => m.on >= period.from && m.on <= period.through)
    .sort((a, b) => a.on.localeCompare(b.on));
  const rows: ReportRow[] = [];
  let pending = [...inPeriod];
  const flushUpTo = (date: string | null): void => {
    const due = pending.filter((m) => date === null || m.on < date);
    pending = pending.filter((m) => !(date === null || m.on < date));
    for (const movement of due) {
      const previous: ReportRow = rows[rows.length - 1] ?? {};
      rows.push({
        date: movement.on,
        memo: movement.returned ? '配股收回（退社，归村集体）' : '财政配股（归村集体，退社不退）',
        allotment: movement.returned ? -movement.amountFen : movement.amountFen,
        contributionBalance: previous.contributionBalance ?? null,
        loanBalance: previous.loanBalance ?? null,
      });
    }
  };
  model.rows.forEach((row, index) => {
    // The opening row stays first; a movement goes after the rows of its date.
    if (index > 0) flushUpTo(typeof row.date === 'string' ? row.date : null);
    rows.push(row);
    if (index === 0) flushUpTo(typeof row.date === 'string' ? row.date : null);
  });
  flushUpTo(null);
  const columns = [...model.columns];
  const at = columns.findIndex((c) => c.key === 'contributionBalance');
  columns.splice(at + 1, 0, { key: 'allotment', title: '财政配股', kind: 'money' });
  return {
    ...model,
    columns,
    rows,
    totals: { ...(model.totals ?? {}), allotment: held },
    notes: [...model.notes, `期末持有财政配股 ${formatYuan(fen(held))} 元。`],
  };
}

/** 会员对账单: 互助金 paid in and refunded, 配股, loans and repayments of one member. */
export async function memberStatementOf(
  db: Db,
  fund: FundRef,
  memberId: number,
  period: { readonly from: IsoDate; readonly through: IsoDate },
): Promise<ReportModel> {
  const member = await db
    .selectFrom('member')
    .select(['id', 'member_no', 'head_name'])
    .where('id', '=', memberId)
    .where('fund_id', '=', fund.id)
    .executeTakeFirst();
  if (member === undefined) throw notFound('member');
  const shares = await db
    .selectFrom('member_share')
    .select(['kind', 'on_date', 'amount_fen'])
    .where('member_id', '=', memberId)
    .orderBy('on_date')
    .orderBy('id')
    .execute();
  const loans = await db
    .selectFrom('loan')
    .select(['id', 'loan_no', 'disbursed_on', 'amount_fen', 'written_off_on'])
    .where('member_id', '=', memberId)
    .where('fund_id', '=', fund.id)
    .where('disbursed_on', 'is not', null)
    .execute();
  const repayments = await db
    .selectFrom('repayment as r')
    .innerJoin('loan as l', 'l.id', 'r.loan_id')
    .select(['l.loan_no', 'r.on_date', 'r.principal_fen', 'r.normal_fee_fen', 'r.overdue_fee_fen'])
    .where('l.member_id', '=', memberId)
    .where('r.fund_id', '=', fund.id)
    .orderBy('r.on_date')
    .orderBy('r.id')
    .execute();
  const entries: MemberStatementEntry[] = [];
  const allotments: AllotmentMovement[] = [];
  for (const share of shares) {
    const on = share.on_date as IsoDate;
    const amountFen = fen(toSafeInt(share.amount_fen));
    if (share.kind === 'contribution') entries.push({ kind: 'contribution', on, amountFen });
    else if (share.kind === 'refund') entries.push({ kind: 'refund', on, amountFen });
    else allotments.push({ on, amountFen, returned: share.kind === 'allotment_return' });
  }
  for (const loan of loans) {
    if (loan.disbursed_on === null) continue;
    entries.push({
      kind: 'disbursement',
      on: loan.disbursed_on as IsoDate,
      loanNo: loanNoText(loan.loan_no),
      amountFen: fen(toSafeInt(loan.amount_fen)),
    });
  }
  for (const r of repayments) {
    entries.push({
      kind: 'repayment',
      on: r.on_date as IsoDate,
      loanNo: loanNoText(r.loan_no),
      principalFen: fen(toSafeInt(r.principal_fen)),
      feeFen: fen(toSafeInt(r.normal_fee_fen) + toSafeInt(r.overdue_fee_fen)),
    });
  }
  const model = memberStatementReport(
    { fundName: fund.name, memberName: member.head_name, memberNo: String(member.member_no) },
    { from: period.from, through: period.through, entries },
  );
  const writtenOff = loans
    .filter((l) => l.written_off_on !== null && l.written_off_on <= period.through)
    .map(
      (l) =>
        `${loanNoText(l.loan_no)}借款已于 ${String(l.written_off_on)} 核销，借款余额含核销前未还本金。`,
    );
  return withAllotments({ ...model, notes: [...model.notes, ...writtenOff] }, allotments, period);
}
