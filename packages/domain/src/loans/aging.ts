import { daysBetween, type IsoDate } from '../calendar/iso-date.js';
import { fen, type Fen } from '../money/fen.js';

/** Aging buckets of days past due (DOMAIN §6). */
export type AgingBucket =
  'current' | 'dpd_1_30' | 'dpd_31_90' | 'dpd_91_180' | 'dpd_181_365' | 'dpd_over_365';

/** The buckets in order with their Chinese labels and the DPD range they hold. */
export const AGING_BUCKETS: readonly {
  readonly code: AgingBucket;
  readonly label: string;
  readonly minDays: number;
  readonly maxDays: number | null;
}[] = [
  { code: 'current', label: '正常', minDays: 0, maxDays: 0 },
  { code: 'dpd_1_30', label: '逾期1–30天', minDays: 1, maxDays: 30 },
  { code: 'dpd_31_90', label: '逾期31–90天', minDays: 31, maxDays: 90 },
  { code: 'dpd_91_180', label: '逾期91–180天', minDays: 91, maxDays: 180 },
  { code: 'dpd_181_365', label: '逾期181–365天', minDays: 181, maxDays: 365 },
  { code: 'dpd_over_365', label: '逾期365天以上', minDays: 366, maxDays: null },
];

/**
 * Days past due as of a date: as-of − due date when principal is unpaid at the as-of date,
 * else 0. A loan is not overdue on its due date itself. For an instalment loan pass the due
 * date of the oldest unpaid instalment (`oldestUnpaidDueOn`).
 */
export function daysPastDue(
  loan: { readonly dueOn: IsoDate | null; readonly principalUnpaidFen: Fen },
  asOf: IsoDate,
): number {
  if (loan.dueOn === null || loan.principalUnpaidFen <= 0) return 0;
  return Math.max(0, daysBetween(loan.dueOn, asOf));
}

/** The bucket a DPD falls in: 0 → current, 1–30 → dpd_1_30, …, 366+ → dpd_over_365. */
export function agingBucket(dpd: number): AgingBucket {
  if (dpd <= 0) return 'current';
  if (dpd <= 30) return 'dpd_1_30';
  if (dpd <= 90) return 'dpd_31_90';
  if (dpd <= 180) return 'dpd_91_180';
  if (dpd <= 365) return 'dpd_181_365';
  return 'dpd_over_365';
}

/** The Chinese label of a bucket. */
export function agingBucketLabel(bucket: AgingBucket): string {
  return AGING_BUCKETS.find((b) => b.code === bucket)?.label ?? bucket;
}

/** One bucket of an aging summary. */
export interface AgingSummaryRow {
  readonly bucket: AgingBucket;
  readonly loanCount: number;
  readonly principalUnpaidFen: Fen;
}

/** Loans with unpaid principal counted and summed per bucket as of a date (all buckets listed). */
export function agingSummary(
  loans: readonly { readonly dueOn: IsoDate | null; readonly principalUnpaidFen: Fen }[],
  asOf: IsoDate,
): readonly AgingSummaryRow[] {
  const rows = new Map(AGING_BUCKETS.map((b) => [b.code, { count: 0, principal: 0 }]));
  for (const loan of loans) {
    if (loan.principalUnpaidFen <= 0) continue;
    const row = rows.get(agingBucket(daysPastDue(loan, asOf)));
    if (row === undefined) continue;
    row.count += 1;
    row.principal += loan.principalUnpaidFen;
  }
  return AGING_BUCKETS.map((b) => {
    const row = rows.get(b.code);
    return {
      bucket: b.code,
      loanCount: row?.count ?? 0,
      principalUnpaidFen: fen(row?.principal ?? 0),
    };
  });
}
