import { REPORT_PARAMETERS, type ReportName, type ReportQuery } from '@huzhu/contract';
import { dateFromParts, dateParts, type IsoDate } from '@huzhu/domain';
import { AppError } from '../errors.js';

/** The dates and member a report is computed for, after defaults and cross-field checks. */
export interface ReportPeriod {
  readonly from: IsoDate;
  readonly through: IsoDate;
  readonly asOf: IsoDate;
  readonly memberId: number | null;
}

function firstOfMonth(date: IsoDate): IsoDate {
  const { year, month } = dateParts(date);
  return dateFromParts({ year, month, day: 1 });
}

/**
 * Fills in the defaults (a range report covers the month of `through`, through today; a date
 * report is as of today) and refuses what cannot be answered: a date after today
 * (`report_date_in_future`: the period has not ended, its figures would silently change), `from`
 * after `through` (`report_range_invalid`) and a member statement without a member
 * (`report_param_missing`). Dates are already real dates (the contract checks them).
 */
export function resolveReportPeriod(
  report: ReportName,
  query: Omit<ReportQuery, 'format'>,
  today: IsoDate,
): ReportPeriod {
  const wants = REPORT_PARAMETERS[report];
  const memberId = query.memberId ?? null;
  if (wants.member && memberId === null) {
    throw new AppError('report_param_missing', { param: 'memberId', report });
  }
  if (wants.dates === 'asOf') {
    const asOf = (query.asOf ?? today) as IsoDate;
    if (asOf > today) throw new AppError('report_date_in_future', { field: 'asOf', asOf, today });
    return { from: firstOfMonth(asOf), through: asOf, asOf, memberId };
  }
  const through = (query.through ?? today) as IsoDate;
  const from = (query.from ?? firstOfMonth(through)) as IsoDate;
  if (through > today) {
    throw new AppError('report_date_in_future', { field: 'through', through, today });
  }
  if (from > through) throw new AppError('report_range_invalid', { from, through });
  return { from, through, asOf: through, memberId };
}
