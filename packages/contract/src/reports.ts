import { z } from 'zod';
import { IsoDateString } from './common.js';

/** The reports a fund's books produce; each answers one `ReportModel` (screen JSON or .xlsx). */
export const REPORT_NAMES = [
  'trial-balance',
  'balance-sheet',
  'activity',
  'cash-journal',
  'bank-journal',
  'loan-register',
  'member-statement',
  'public-notice',
] as const;
export const ReportName = z.enum(REPORT_NAMES);
export type ReportName = z.infer<typeof ReportName>;

/** Chinese titles of the reports (file names, menus). */
export const REPORT_TITLES: Readonly<Record<ReportName, string>> = {
  'trial-balance': '科目余额表',
  'balance-sheet': '资产负债表',
  activity: '业务活动表',
  'cash-journal': '现金日记账',
  'bank-journal': '银行日记账',
  'loan-register': '借款台账',
  'member-statement': '会员对账单',
  'public-notice': '借款公示',
};

/** Which query parameters each report reads: a period (from/through), a date (asOf), a member. */
export const REPORT_PARAMETERS: Readonly<
  Record<ReportName, { readonly dates: 'range' | 'asOf'; readonly member: boolean }>
> = {
  'trial-balance': { dates: 'range', member: false },
  'balance-sheet': { dates: 'asOf', member: false },
  activity: { dates: 'range', member: false },
  'cash-journal': { dates: 'range', member: false },
  'bank-journal': { dates: 'range', member: false },
  'loan-register': { dates: 'asOf', member: false },
  'member-statement': { dates: 'range', member: true },
  'public-notice': { dates: 'asOf', member: false },
};

/** The most rows one report may hold (screen or file); more is refused with `report_too_large`. */
export const MAX_REPORT_ROWS = 100_000;

function isRealDate(value: string): boolean {
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  if (year < 1000 || month < 1 || month > 12 || day < 1) return false;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= last;
}

/** A real calendar date 'YYYY-MM-DD' (2025-02-30 is refused). */
export const RealIsoDate = IsoDateString.refine(isRealDate, { error: '日期不存在' });

export const ReportParams = z.strictObject({
  id: z.coerce.number().int().min(1).max(2_147_483_647),
  report: ReportName,
});

export const ReportFormat = z.enum(['json', 'xlsx']);

/**
 * Query of `GET /funds/:id/reports/:report`. Range reports read `from`/`through` (default: the
 * month of `through`, through today); date reports read `asOf` (default today); the member
 * statement needs `memberId`. Cross-field rules answer named codes: `report_range_invalid`
 * (from after through), `report_date_in_future` (the period has not ended), `report_param_missing`.
 */
export const ReportQuery = z.strictObject({
  asOf: RealIsoDate.optional(),
  from: RealIsoDate.optional(),
  through: RealIsoDate.optional(),
  memberId: z.coerce.number().int().min(1).max(2_147_483_647).optional(),
  format: ReportFormat.default('json'),
});
export type ReportQuery = z.infer<typeof ReportQuery>;

export const PublicNoticeQuery = z.strictObject({ asOf: RealIsoDate.optional() });

export const VoucherPrintParams = z.strictObject({
  id: z.coerce.number().int().min(1).max(2_147_483_647),
  voucherId: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
});

export const ReportColumnKind = z.enum(['text', 'money', 'date', 'ratio', 'int']);

/** A cell: text or a date (text/date columns), fen or a count (money/int), a ratio, or empty. */
export const ReportCell = z.union([
  z.string(),
  z.number(),
  z.object({ numerator: z.number(), denominator: z.number() }),
  z.null(),
]);

/** The report model (domain `ReportModel`): money cells are integer fen. */
const ReportRowBody = z.record(z.string(), ReportCell).readonly();

export const ReportModelBody = z.object({
  title: z.string(),
  subtitle: z.string(),
  columns: z
    .array(z.object({ key: z.string(), title: z.string(), kind: ReportColumnKind }).readonly())
    .readonly(),
  rows: z.array(ReportRowBody).readonly(),
  totals: ReportRowBody.optional(),
  notes: z.array(z.string()).readonly(),
});
export type ReportModelBody = z.infer<typeof ReportModelBody>;

export const XLSX_CONTENT_TYPE =
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
