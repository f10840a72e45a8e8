import type { TrialBalance } from '../ledger/balances.js';
import { chineseDateRange, column, type ReportHeader, type ReportModel } from './report-model.js';

/** Splits a net-debit balance into its 借 and 贷 columns. */
function sides(netDebit: number): {
  readonly debit: number | null;
  readonly credit: number | null;
} {
  if (netDebit > 0) return { debit: netDebit, credit: null };
  if (netDebit < 0) return { debit: null, credit: 0 - netDebit };
  return { debit: null, credit: null };
}

/** 科目余额表: opening, period debits and credits, and closing balance per account. */
export function trialBalanceReport(header: ReportHeader, tb: TrialBalance): ReportModel {
  return {
    title: '科目余额表',
    subtitle: `编制单位：${header.fundName}\u3000${chineseDateRange(tb.from, tb.through)}\u3000单位：元`,
    columns: [
      column('code', '科目编码', 'text'),
      column('name', '科目名称', 'text'),
      column('openingDebit', '期初借方', 'money'),
      column('openingCredit', '期初贷方', 'money'),
      column('debit', '本期借方', 'money'),
      column('credit', '本期贷方', 'money'),
      column('closingDebit', '期末借方', 'money'),
      column('closingCredit', '期末贷方', 'money'),
    ],
    rows: tb.rows.map((row) => {
      const opening = sides(row.openingFen);
      const closing = sides(row.closingFen);
      return {
        code: row.code,
        name: `${'\u3000'.repeat(row.level)}${row.name}`,
        openingDebit: opening.debit,
        openingCredit: opening.credit,
        debit: row.debitFen,
        credit: row.creditFen,
        closingDebit: closing.debit,
        closingCredit: closing.credit,
      };
    }),
    totals: {
      code: null,
      name: '合计',
      openingDebit: tb.totals.openingDebitFen,
      openingCredit: tb.totals.openingCreditFen,
      debit: tb.totals.debitFen,
      credit: tb.totals.creditFen,
      closingDebit: tb.totals.closingDebitFen,
      closingCredit: tb.totals.closingCreditFen,
    },
    notes: [
      tb.balanced ? '借贷平衡。' : '借贷不平衡：账簿有误，请立即检查。',
      '合计按一级科目计算；明细科目已汇总到其上级科目。',
    ],
  };
}
