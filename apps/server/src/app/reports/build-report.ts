import type { Kysely } from 'kysely';
import {
  MAX_REPORT_ROWS,
  REPORT_PARAMETERS,
  type ReportName,
  type ReportQuery,
} from '@huzhu/contract';
import type { ReportModel } from '@huzhu/domain';
import type { Database } from '../../db/schema.js';
import type { Actor } from '../actor.js';
import { AppError } from '../errors.js';
import { chinaToday, fundInScope, type FundRef } from '../books/context.js';
import { activityOf, balanceSheetOf, journalOf, trialBalanceOf } from './ledger-reports.js';
import { loanRegisterOf } from './loan-register.js';
import { memberStatementOf } from './member-statement.js';
import { publicNoticeOf } from './public-notice.js';
import { resolveReportPeriod, type ReportPeriod } from './report-query.js';

/** A report computed for a fund: the one model every rendering (screen, xlsx, print) shows. */
export interface BuiltReport {
  readonly fund: FundRef;
  readonly model: ReportModel;
  readonly period: ReportPeriod;
  /** A download name: fund, report and dates, e.g. 东河村扶贫互助社_科目余额表_2026-10-01_2026-10-31.xlsx. */
  readonly filename: string;
}

function compute(
  db: Kysely<Database>,
  fund: FundRef,
  report: ReportName,
  period: ReportPeriod,
): Promise<ReportModel> {
  switch (report) {
    case 'trial-balance':
      return trialBalanceOf(db, fund, period);
    case 'balance-sheet':
      return balanceSheetOf(db, fund, period.asOf);
    case 'activity':
      return activityOf(db, fund, period);
    case 'cash-journal':
      return journalOf(db, fund, 'cash', period);
    case 'bank-journal':
      return journalOf(db, fund, 'bank', period);
    case 'loan-register':
      return loanRegisterOf(db, fund, period.asOf);
    case 'member-statement':
      if (period.memberId === null)
        throw new AppError('report_param_missing', { param: 'memberId' });
      return memberStatementOf(db, fund, period.memberId, period);
    case 'public-notice':
      return publicNoticeOf(db, fund, period.asOf);
  }
}

/**
 * Builds one report of a fund in the actor's scope (404 outside it), read-only: any role that
 * sees the fund may read its reports. `now` is the clock (dates after today are refused).
 */
export async function buildReport(
  db: Kysely<Database>,
  actor: Actor,
  fundId: number,
  report: ReportName,
  query: Omit<ReportQuery, 'format'>,
  now: Date,
): Promise<BuiltReport> {
  const fund = await fundInScope(db, actor, fundId);
  const period = resolveReportPeriod(report, query, chinaToday(now));
  const model = await compute(db, fund, report, period);
  if (model.rows.length > MAX_REPORT_ROWS) {
    throw new AppError('report_too_large', { rows: model.rows.length, maxRows: MAX_REPORT_ROWS });
  }
  const dates =
    REPORT_PARAMETERS[report].dates === 'asOf' ? period.asOf : `${period.from}_${period.through}`;
  return { fund, model, period, filename: `${fund.name}_${model.title}_${dates}.xlsx` };
}
