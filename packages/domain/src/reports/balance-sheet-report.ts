import type { IsoDate } from '../calendar/iso-date.js';
import type { Account } from '../ledger/accounts.js';
import { ACCOUNT_CODES as A } from '../ledger/accounts.js';
import { normalBalance, type AccountBalances } from '../ledger/balances.js';
import {
  chineseDate,
  column,
  type ReportHeader,
  type ReportModel,
  type ReportRow,
} from './report-model.js';

interface SheetFigures {
  readonly monetary: number;
  readonly loans: number;
  readonly otherReceivables: number;
  readonly assets: number;
  readonly otherPayables: number;
  readonly memberFunds: number;
  readonly liabilities: number;
  readonly unrestricted: number;
  readonly restricted: number;
  readonly netAssets: number;
}

function figures(chart: readonly Account[], balances: AccountBalances): SheetFigures {
  const b = (code: string): number => normalBalance(chart, balances, code);
  const monetary = b(A.cash) + b(A.bank);
  const loans = b(A.loansReceivable);
  const otherReceivables = b(A.otherReceivables);
  const liabilities = chart
    .filter((a) => a.kind === 'liability' && a.parentCode === null)
    .reduce((sum, a) => sum + b(a.code), 0);
  const unrestricted =
    b(A.unrestrictedNetAssets) +
    b(A.serviceIncome) +
    b(A.otherIncome) -
    b(A.managementExpenses) -
    b(A.otherExpenses);
  const restricted = b(A.restrictedNetAssets) + b(A.governmentGrantIncome) + b(A.donationIncome);
  return {
    monetary,
    loans,
    otherReceivables,
    assets: monetary + loans + otherReceivables,
    otherPayables: b(A.otherPayables),
    memberFunds: b(A.memberFunds),
    liabilities,
    unrestricted,
    restricted,
    netAssets: unrestricted + restricted,
  };
}

/**
 * 资产负债表 (simplified for a 民间非营利组织): balances at the start of the year and at `asOf`.
 * Income and expenses not yet closed are shown inside net assets as the year-end close would put
 * them: 4401 and 4101 in 限定性净资产, the rest in 非限定性净资产.
 */
export function balanceSheetReport(
  header: ReportHeader,
  input: {
    readonly chart: readonly Account[];
    readonly yearStart: AccountBalances;
    readonly asOf: IsoDate;
    readonly closing: AccountBalances;
  },
): ReportModel {
  const start = figures(input.chart, input.yearStart);
  const end = figures(input.chart, input.closing);
  const row = (item: string, pick: (f: SheetFigures) => number): ReportRow => ({
    item,
    yearStart: pick(start),
    closing: pick(end),
  });
  return {
    title: '资产负债表',
    subtitle: `编制单位：${header.fundName}\u3000${chineseDate(input.asOf)}\u3000单位：元`,
    columns: [
      column('item', '项目', 'text'),
      column('yearStart', '年初数', 'money'),
      column('closing', '期末数', 'money'),
    ],
    rows: [
      row('货币资金', (f) => f.monetary),
      row('借出互助金（应收借款）', (f) => f.loans),
      row('其他应收款', (f) => f.otherReceivables),
      row('资产合计', (f) => f.assets),
      row('其他应付款', (f) => f.otherPayables),
      row('　其中：会员互助金', (f) => f.memberFunds),
      row('负债合计', (f) => f.liabilities),
      row('非限定性净资产', (f) => f.unrestricted),
      row('限定性净资产', (f) => f.restricted),
      row('净资产合计', (f) => f.netAssets),
      row('负债和净资产总计', (f) => f.liabilities + f.netAssets),
    ],
    notes: [
      '依据《民间非营利组织会计制度》（财会〔2004〕7号）简化编制。',
      '本年未结转的收入、费用已计入净资产相应项目。',
    ],
  };
}
