import { z } from 'zod';

/** The most rows one page of any list may hold. */
export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;

export const ErrorBody = z.object({
  code: z.string(),
  message: z.string(),
  details: z.record(z.string(), z.unknown()),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export const IdParam = z.strictObject({ id: z.coerce.number().int().min(1).max(2_147_483_647) });

/** The years a date or period may name (issue 17.5): beyond them is `date_out_of_range`. */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

/** Whether a value starting with a 4-digit year names a year in range (others: the regex says). */
function yearInRange(value: string): boolean {
  if (!/^\d{4}/.test(value)) return true;
  const year = Number(value.slice(0, 4));
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

/** A string schema whose leading year must lie in MIN_YEAR…MAX_YEAR (`date_out_of_range`). */
export function yearBounded(schema: z.ZodString) {
  return schema.refine(yearInRange, { error: 'date_out_of_range' });
}

export const IsoDateString = yearBounded(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD'));
/** A month 'YYYY-MM' (voucher periods, closing). */
export const MonthString = yearBounded(z.string().regex(/^\d{4}-\d{2}$/, 'YYYY-MM'));
export const Timestamp = z.string();

/** A short single-line text a person typed (names, titles). */
export const ShortText = z.string().trim().min(1).max(100);
export const LongText = z.string().max(2000);
