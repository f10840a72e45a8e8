import type { Kysely } from 'kysely';
import {
  chineseDate,
  column,
  MEMBER_CATEGORY_NAMES,
  type IsoDate,
  type ReportModel,
  type ReportRow,
} from '@huzhu/domain';
import type { Database } from '../../db/schema.js';
import { toSafeInt } from '../../db/connect.js';
import { bylawsOn } from '../books/bylaws-store.js';
import type { FundRef } from '../books/context.js';
import { loanNoText } from './loan-register.js';

type Db = Kysely<Database>;

/**
 * 借款公示: the loans now in 公示 (approved by the board, reviewed by the supervisors, notice
 * started on or before `asOf`), with borrower, amount, purpose, term, the two substitute payers
 * and the notice dates, for posting in the village. Built here (no domain function covers it)
 * as a report model so that screen, print and xlsx show the same thing.
 */
export async function publicNoticeOf(db: Db, fund: FundRef, asOf: IsoDate): Promise<ReportModel> {
  const loans = await db
    .selectFrom('loan as l')
    .innerJoin('member as m', 'm.id', 'l.member_id')
    .leftJoin('member as g1', 'g1.id', 'l.guarantor1_member_id')
    .leftJoin('member as g2', 'g2.id', 'l.guarantor2_member_id')
    .leftJoin('joint_group as g', 'g.id', 'l.group_id')
    .select([
      'l.loan_no',
      'm.head_name',
      'm.villager_group',
      'l.borrower_poor',
      'l.amount_fen',
      'l.purpose',
      'l.purpose_detail',
      'l.term_months',
      'l.instalments',
      'l.notice_from',
      'l.notice_until',
      'g.name as group_name',
      'g1.head_name as guarantor1',
      'g2.head_name as guarantor2',
    ])
    .where('l.fund_id', '=', fund.id)
    .where('l.status', '=', 'publicized')
    .where('l.notice_from', '<=', asOf)
    .orderBy('l.notice_from')
    .orderBy('l.loan_no')
    .execute();
  const bylaws = await bylawsOn(db, fund.id, asOf);
  let total = 0;
  const rows = loans.map((loan): ReportRow => {
    const amount = toSafeInt(loan.amount_fen);
    total += amount;
    const guarantors = [loan.guarantor1, loan.guarantor2].filter((g): g is string => g !== null);
    return {
      loanNo: loanNoText(loan.loan_no),
      borrowerName: loan.head_name,
      villagerGroup: loan.villager_group,
      category: MEMBER_CATEGORY_NAMES[loan.borrower_poor ? 'poor' : 'ordinary'],
      amount,
      purpose:
        loan.purpose_detail === null || loan.purpose_detail === ''
          ? loan.purpose
          : `${loan.purpose}（${loan.purpose_detail}）`,
      termMonths: loan.term_months,
      repayment: loan.instalments <= 1 ? '到期一次还本付费' : `分${loan.instalments}期还本`,
      groupName: loan.group_name,
      guarantors: guarantors.join('、'),
      noticeFrom: loan.notice_from,
      noticeUntil: loan.notice_until,
    };
  });
  return {
    title: '借款公示',
    subtitle: `编制单位：${fund.name}\u3000${chineseDate(asOf)}\u3000单位：元`,
    columns: [
      column('loanNo', '借款编号', 'text'),
      column('borrowerName', '借款人', 'text'),
      column('villagerGroup', '村民小组', 'text'),
      column('category', '农户类别', 'text'),
      column('amount', '借款金额', 'money'),
      column('purpose', '用途', 'text'),
      column('termMonths', '期限（月）', 'int'),
      column('repayment', '还款方式', 'text'),
      column('groupName', '联保小组', 'text'),
      column('guarantors', '代偿人', 'text'),
      column('noticeFrom', '公示开始', 'date'),
      column('noticeUntil', '公示截止', 'date'),
    ],
    rows,
    totals: { loanNo: `合计 ${rows.length} 笔`, amount: total },
    notes: [
      `以上借款已经理事会审批、监事会审查，现予公示，公示期 ${bylaws.publicNoticeDays} 天（章程规定）。`,
      '对公示内容有异议的，请在公示期内向本社监事会反映；公示期满无异议的，签订借款合同后放款。',
    ],
  };
}
