import type { IsoDate } from '../calendar/iso-date.js';
import type { Account } from '../ledger/accounts.js';
import { ACCOUNT_CODES as A } from '../ledger/accounts.js';
import { normalBalance, type AccountBalances } from '../ledger/balances.js';
import {
  chineseDateRange,
  column,
  type ReportHeader,
  type ReportModel,
  type ReportRow,
} from './report-model.js';

/**
 * 业务活动表: income and expenses of the period and of the year to date, from
 * `activityMovements` (year-end closing vouchers left out), and the change in net assets.
 */
export function activityReport(
  header: ReportHeader,
  input: {
    readonly chart: readonly Account[];
    readonly from: IsoDate;
    readonly through: IsoDate;
    readonly period: AccountBalances;
    readonly yearToDate: AccountBalances;
  },
): ReportModel {
  const { chart } = input;
  const row = (item: string, pick: (b: (code: string) => number) => number): ReportRow => ({
    item,
    period: pick((code) => normalBalance(chart, input.period, code)),
    yearToDate: pick((code) => normalBalance(chart, input.yearToDate, code)),
  });
  const income = (b: (code: string) => number): number =>
    b(A.serviceIncome) + b(A.governmentGrantIncome) + b(A.donationIncome) + b(A.otherIncome);
  const expenses = (b: (code: string) => number): number =>
    b(A.managementExpenses) + b(A.otherExpenses);
  const heading = (item: string): ReportRow => ({ item, period: null, yearToDate: null });
  return {
    title: '业务活动表',
    subtitle: `编制单位：${header.fundName}\u3000${chineseDateRange(input.from, input.through)}\u3000单位：元`,
    columns: [
      column('item', '项目', 'text'),
      column('period', '本期数', 'money'),
      column('yearToDate', '本年累计数', 'money'),
    ],
    rows: [
      heading('一、收入'),
      row('　提供服务收入', (b) => b(A.serviceIncome)),
      row('　　其中：占用费收入', (b) => b(A.feeIncome)),
      row('　　　　　逾期占用费', (b) => b(A.overdueFeeIncome)),
      row('　政府补助收入', (b) => b(A.governmentGrantIncome)),
      row('　捐赠收入', (b) => b(A.donationIncome)),
      row('　其他收入', (b) => b(A.otherIncome)),
      row('收入合计', income),
      heading('二、费用'),
      row('　管理费用', (b) => b(A.managementExpenses)),
      row('　其他费用', (b) => b(A.otherExpenses)),
      row('费用合计', expenses),
      row('三、净资产变动额', (b) => income(b) - expenses(b)),
    ],
    notes: [
      '政府补助收入、捐赠收入为限定性收入，年末转入限定性净资产；其余收支年末转入未分配结余。',
    ],
  };
}
