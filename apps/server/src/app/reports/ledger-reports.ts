import type { Kysely } from 'kysely';
import {
  activityMovements,
  activityReport,
  balanceSheetReport,
  balancesAsOf,
  dateFromParts,
  dateParts,
  journalReport,
  trialBalance,
  trialBalanceReport,
  ACCOUNT_CODES,
  type IsoDate,
  type ReportModel,
} from '@huzhu/domain';
import type { Database } from '../../db/schema.js';
import { loadChart, loadPostedLines } from '../../db/repositories/ledger.js';
import type { FundRef } from '../books/context.js';

type Db = Kysely<Database>;

function yearStart(date: IsoDate): IsoDate {
  return dateFromParts({ year: dateParts(date).year, month: 1, day: 1 });
}

function dayBeforeYearStart(date: IsoDate): IsoDate {
  return dateFromParts({ year: dateParts(date).year - 1, month: 12, day: 31 });
}

/** 科目余额表 for `from`…`through`: every account with opening, period movements and closing. */
export async function trialBalanceOf(
  db: Db,
  fund: FundRef,
  period: { readonly from: IsoDate; readonly through: IsoDate },
): Promise<ReportModel> {
  const chart = await loadChart(db, fund.id);
  const lines = await loadPostedLines(db, fund.id, period.through);
  return trialBalanceReport({ fundName: fund.name }, trialBalance(chart, lines, period));
}

/** 资产负债表 as of a date, beside the figures at the start of its year. */
export async function balanceSheetOf(db: Db, fund: FundRef, asOf: IsoDate): Promise<ReportModel> {
  const chart = await loadChart(db, fund.id);
  const lines = await loadPostedLines(db, fund.id, asOf);
  return balanceSheetReport(
    { fundName: fund.name },
    {
      chart,
      asOf,
      yearStart: balancesAsOf(chart, lines, dayBeforeYearStart(asOf)),
      closing: balancesAsOf(chart, lines, asOf),
    },
  );
}

/** 业务活动表 for `from`…`through` and the year to `through` (year-end closing left out). */
export async function activityOf(
  db: Db,
  fund: FundRef,
  period: { readonly from: IsoDate; readonly through: IsoDate },
): Promise<ReportModel> {
  const chart = await loadChart(db, fund.id);
  const lines = await loadPostedLines(db, fund.id, period.through);
  return activityReport(
    { fundName: fund.name },
    {
      chart,
      from: period.from,
      through: period.through,
      period: activityMovements(chart, lines, period),
      yearToDate: activityMovements(chart, lines, {
        from: yearStart(period.through),
        through: period.through,
      }),
    },
  );
}

/** 现金日记账 (1001) or 银行日记账 (1002) with its running balance. */
export async function journalOf(
  db: Db,
  fund: FundRef,
  account: 'cash' | 'bank',
  period: { readonly from: IsoDate; readonly through: IsoDate },
): Promise<ReportModel> {
  const chart = await loadChart(db, fund.id);
  const lines = await loadPostedLines(db, fund.id, period.through);
  return journalReport(
    { fundName: fund.name },
    {
      chart,
      lines,
      accountCode: account === 'cash' ? ACCOUNT_CODES.cash : ACCOUNT_CODES.bank,
      from: period.from,
      through: period.through,
    },
  );
}
