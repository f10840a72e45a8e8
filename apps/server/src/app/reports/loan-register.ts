import { sql, type Kysely } from 'kysely';
import {
  categoryOn,
  fen,
  formatRate,
  loanRegisterReport,
  type CategoryRecord,
  type IsoDate,
  type LoanRegisterEntry,
  type LoanStatus,
  type ReportModel,
} from '@huzhu/domain';
import type { Database } from '../../db/schema.js';
import { toSafeInt } from '../../db/connect.js';
import { bylawsOn } from '../books/bylaws-store.js';
import type { FundRef } from '../books/context.js';
import { loanStateOf } from '../books/loan-queries.js';

type Db = Kysely<Database>;

/** A loan number as users write it: 第12号. */
export function loanNoText(loanNo: number): string {
  return `第${loanNo}号`;
}

/** 150 (percent) → '1.5'. */
function multiplierText(percent: number): string {
  const whole = Math.trunc(percent / 100);
  const rest = percent % 100;
  return rest === 0 ? String(whole) : `${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}`;
}

/** The fee parameters in force on a date, as the report's notes show them. */
export async function feeRateText(db: Db, fundId: number, on: IsoDate): Promise<string> {
  const bylaws = await bylawsOn(db, fundId, on);
  return `${formatRate(bylaws.feeRateBpPerYear, bylaws.feeRateBasis)}，逾期占用费按${multiplierText(bylaws.overdueMultiplierPercent)}倍计收，日利率 = 年利率 ÷ ${bylaws.dayCountDaysPerYear}（章程 ${bylaws.effectiveOn} 起施行）`;
}

/** Category histories of members, oldest first. */
export async function categoryHistories(
  db: Db,
  memberIds: readonly number[],
): Promise<Map<number, CategoryRecord[]>> {
  const histories = new Map<number, CategoryRecord[]>();
  if (memberIds.length === 0) return histories;
  const rows = await db
    .selectFrom('member_category')
    .select(['member_id', 'effective_on', 'category'])
    .where('member_id', 'in', [...new Set(memberIds)])
    .orderBy('effective_on')
    .execute();
  for (const row of rows) {
    const list = histories.get(row.member_id) ?? [];
    list.push({ from: row.effective_on as IsoDate, category: row.category });
    histories.set(row.member_id, list);
  }
  return histories;
}

/**
 * 借款台账 as of a date: every loan disbursed on or before it, with principal and fee repaid by
 * then, the status it had then (a write-off, settlement or extension after the date is not yet
 * seen), the due date of its oldest unpaid instalment, and the domain's DPD and aging bucket.
 */
export async function loanRegisterOf(db: Db, fund: FundRef, asOf: IsoDate): Promise<ReportModel> {
  const loans = await db
    .selectFrom('loan as l')
    .innerJoin('member as m', 'm.id', 'l.member_id')
    .select([
      'l.id',
      'l.loan_no',
      'l.member_id',
      'm.head_name',
      'l.borrower_poor',
      'l.purpose',
      'l.amount_fen',
      'l.disbursed_on',
      'l.due_on',
      'l.original_due_on',
      'l.settled_on',
      'l.written_off_on',
      'l.state',
    ])
    .where('l.fund_id', '=', fund.id)
    .where('l.disbursed_on', 'is not', null)
    .where('l.disbursed_on', '<=', asOf)
    .execute();
  const repaid = await db
    .selectFrom('repayment')
    .select([
      'loan_id',
      sql<string>`sum(principal_fen)`.as('principal'),
      sql<string>`sum(normal_fee_fen + overdue_fee_fen)`.as('fee'),
    ])
    .where('fund_id', '=', fund.id)
    .where('on_date', '<=', asOf)
    .groupBy('loan_id')
    .execute();
  const repaidByLoan = new Map(
    repaid.map((r) => [r.loan_id, { principal: toSafeInt(r.principal), fee: toSafeInt(r.fee) }]),
  );
  const extensions = await db
    .selectFrom('loan_step as s')
    .innerJoin('loan as l', 'l.id', 's.loan_id')
    .select('s.loan_id')
    .where('l.fund_id', '=', fund.id)
    .where('s.step', '=', 'extend')
    .where('s.on_date', '<=', asOf)
    .execute();
  const extended = new Set(extensions.map((e) => e.loan_id));
  const histories = await categoryHistories(
    db,
    loans.map((l) => l.member_id),
  );
  const entries = loans.map((loan): LoanRegisterEntry => {
    const state = loanStateOf(loan.state);
    const disbursedOn = loan.disbursed_on as IsoDate;
    const principalFen = toSafeInt(loan.amount_fen);
    const paid = repaidByLoan.get(loan.id) ?? { principal: 0, fee: 0 };
    const isExtended = extended.has(loan.id);
    const finalDue = (
      isExtended ? (loan.due_on ?? state?.dueOn) : (loan.original_due_on ?? loan.due_on)
    ) as IsoDate;
    let status: LoanStatus = isExtended ? 'extended' : 'disbursed';
    if (loan.settled_on !== null && loan.settled_on <= asOf) status = 'settled';
    if (loan.written_off_on !== null && loan.written_off_on <= asOf) status = 'written_off';
    const schedule = (state?.schedule ?? [{ dueOn: finalDue, principalFen: principalFen }]).map(
      (instalment, index, all) =>
        index === all.length - 1 ? { ...instalment, dueOn: finalDue } : instalment,
    );
    let cumulative = 0;
    let oldestUnpaidDueOn: IsoDate | null = null;
    for (const instalment of schedule) {
      cumulative += instalment.principalFen;
      if (cumulative > paid.principal) {
        oldestUnpaidDueOn = instalment.dueOn;
        break;
      }
    }
    const category =
      categoryOn(histories.get(loan.member_id) ?? [], disbursedOn) ??
      (loan.borrower_poor ? 'poor' : 'ordinary');
    return {
      loanNo: loanNoText(loan.loan_no),
      borrowerName: loan.head_name,
      category,
      purpose: loan.purpose,
      disbursedOn,
      dueOn: finalDue,
      oldestUnpaidDueOn: status === 'written_off' ? null : oldestUnpaidDueOn,
      principalFen: fen(principalFen),
      principalRepaidFen: fen(paid.principal),
      feePaidFen: fen(paid.fee),
      status,
    };
  });
  return loanRegisterReport(
    { fundName: fund.name, feeRateText: await feeRateText(db, fund.id, asOf) },
    { asOf, loans: entries },
  );
}
