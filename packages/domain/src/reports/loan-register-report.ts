import type { IsoDate } from '../calendar/iso-date.js';
import { agingBucket, agingBucketLabel, daysPastDue } from '../loans/aging.js';
import { LOAN_STATUS_NAMES, type LoanStatus } from '../loans/lifecycle.js';
import { MEMBER_CATEGORY_NAMES, type MemberCategory } from '../members/member.js';
import { fen, type Fen } from '../money/fen.js';
import {
  chineseDate,
  column,
  type ReportHeader,
  type ReportModel,
  type ReportRow,
} from './report-model.js';

/** One loan as of the report date (figures from business dates on or before it). */
export interface LoanRegisterEntry {
  readonly loanNo: string;
  readonly borrowerName: string;
  /** The borrower's category on the disbursement date. */
  readonly category: MemberCategory;
  readonly purpose: string;
  readonly disbursedOn: IsoDate;
  /** The (possibly extended) final due date. */
  readonly dueOn: IsoDate;
  /** Due date of the oldest unpaid instalment (= dueOn for lump-sum loans), null when repaid. */
  readonly oldestUnpaidDueOn: IsoDate | null;
  readonly principalFen: Fen;
  readonly principalRepaidFen: Fen;
  readonly feePaidFen: Fen;
  readonly status: LoanStatus;
}

/** 借款台账: every loan with repaid and unpaid principal, DPD and aging bucket as of a date. */
export function loanRegisterReport(
  header: ReportHeader & { readonly feeRateText: string },
  input: { readonly asOf: IsoDate; readonly loans: readonly LoanRegisterEntry[] },
): ReportModel {
  let principal = 0;
  let repaid = 0;
  let unpaid = 0;
  let fee = 0;
  const rows = [...input.loans]
    .sort((a, b) => a.disbursedOn.localeCompare(b.disbursedOn) || a.loanNo.localeCompare(b.loanNo))
    .map((loan): ReportRow => {
      const writtenOff = loan.status === 'written_off';
      const unpaidFen = writtenOff ? 0 : loan.principalFen - loan.principalRepaidFen;
      const dpd = daysPastDue(
        { dueOn: loan.oldestUnpaidDueOn, principalUnpaidFen: fen(unpaidFen) },
        input.asOf,
      );
      principal += loan.principalFen;
      repaid += loan.principalRepaidFen;
      unpaid += unpaidFen;
      fee += loan.feePaidFen;
      return {
        loanNo: loan.loanNo,
        borrowerName: loan.borrowerName,
        category: MEMBER_CATEGORY_NAMES[loan.category],
        purpose: loan.purpose,
        disbursedOn: loan.disbursedOn,
        dueOn: loan.dueOn,
        principal: loan.principalFen,
        principalRepaid: loan.principalRepaidFen,
        principalUnpaid: unpaidFen,
        feePaid: loan.feePaidFen,
        daysPastDue: unpaidFen > 0 ? dpd : null,
        aging: unpaidFen > 0 ? agingBucketLabel(agingBucket(dpd)) : null,
        status: LOAN_STATUS_NAMES[loan.status],
      };
    });
  return {
    title: '借款台账',
    subtitle: `编制单位：${header.fundName}\u3000截至${chineseDate(input.asOf)}\u3000单位：元`,
    columns: [
      column('loanNo', '借款编号', 'text'),
      column('borrowerName', '借款人', 'text'),
      column('category', '农户类别', 'text'),
      column('purpose', '用途', 'text'),
      column('disbursedOn', '放款日期', 'date'),
      column('dueOn', '到期日期', 'date'),
      column('principal', '借款金额', 'money'),
      column('principalRepaid', '已还本金', 'money'),
      column('principalUnpaid', '本金余额', 'money'),
      column('feePaid', '已收占用费', 'money'),
      column('daysPastDue', '逾期天数', 'int'),
      column('aging', '账龄', 'text'),
      column('status', '状态', 'text'),
    ],
    rows,
    totals: {
      loanNo: `合计 ${rows.length} 笔`,
      principal,
      principalRepaid: repaid,
      principalUnpaid: unpaid,
      feePaid: fee,
    },
    notes: [
      `占用费率：${header.feeRateText}。`,
      '逾期天数 = 统计日 − 最早未还期次的到期日；到期日当天不算逾期。已核销借款不计本金余额。',
    ],
  };
}
