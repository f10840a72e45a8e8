import { fail, invariant, ok, type Result } from '../result.js';
import {
  addDays,
  addMonths,
  dateFromParts,
  dateParts,
  daysInMonth,
  type IsoDate,
} from './iso-date.js';

declare const periodBrand: unique symbol;

/** A reporting period: a month '2025-11', a quarter '2025Q4' or a year '2025'. */
export type Period = string & { readonly [periodBrand]: 'Period' };

/** The kind of a period. */
export type PeriodKind = 'month' | 'quarter' | 'year';

/** A period taken apart. */
export type PeriodParts =
  | { readonly kind: 'month'; readonly year: number; readonly month: number }
  | { readonly kind: 'quarter'; readonly year: number; readonly quarter: number }
  | { readonly kind: 'year'; readonly year: number };

const MONTH = /^(\d{4})-(\d{2})$/;
const QUARTER = /^(\d{4})Q([1-4])$/;
const YEAR = /^(\d{4})$/;

function partsOf(input: string): PeriodParts | null {
  const month = MONTH.exec(input);
  if (month !== null) {
    const value = Number(month[2]);
    return value >= 1 && value <= 12
      ? { kind: 'month', year: Number(month[1]), month: value }
      : null;
  }
  const quarter = QUARTER.exec(input);
  if (quarter !== null) {
    return { kind: 'quarter', year: Number(quarter[1]), quarter: Number(quarter[2]) };
  }
  const year = YEAR.exec(input);
  return year === null ? null : { kind: 'year', year: Number(year[1]) };
}

/** Parses '2025-11', '2025Q4' or '2025' (`period_invalid` otherwise). */
export function parsePeriod(input: string): Result<Period, 'period_invalid'> {
  const parts = partsOf(input);
  if (parts === null || parts.year < 1000) return fail('period_invalid', { input });
  return ok(input as Period);
}

/** The parts of a period. */
export function periodParts(period: Period): PeriodParts {
  const parts = partsOf(period);
  invariant(parts !== null, `not a period: ${period}`);
  return parts;
}

/** Builds the period string for its parts. */
export function periodFromParts(parts: PeriodParts): Period {
  const year = String(parts.year);
  switch (parts.kind) {
    case 'month':
      return `${year}-${String(parts.month).padStart(2, '0')}` as Period;
    case 'quarter':
      return `${year}Q${parts.quarter}` as Period;
    case 'year':
      return year as Period;
  }
}

/** The kind of a period. */
export function periodKind(period: Period): PeriodKind {
  return periodParts(period).kind;
}

function firstMonth(parts: PeriodParts): number {
  switch (parts.kind) {
    case 'month':
      return parts.month;
    case 'quarter':
      return parts.quarter * 3 - 2;
    case 'year':
      return 1;
  }
}

function monthCount(kind: PeriodKind): number {
  switch (kind) {
    case 'month':
      return 1;
    case 'quarter':
      return 3;
    case 'year':
      return 12;
  }
}

/** First day of a period: 2025Q4 → 2025-10-01. */
export function periodStart(period: Period): IsoDate {
  const parts = periodParts(period);
  return dateFromParts({ year: parts.year, month: firstMonth(parts), day: 1 });
}

/** Last day of a period: 2025Q4 → 2025-12-31. */
export function periodEnd(period: Period): IsoDate {
  const parts = periodParts(period);
  const month = firstMonth(parts) + monthCount(parts.kind) - 1;
  return dateFromParts({ year: parts.year, month, day: daysInMonth(parts.year, month) });
}

/** Whether a date lies in a period (start and end included). */
export function periodContains(period: Period, date: IsoDate): boolean {
  return date >= periodStart(period) && date <= periodEnd(period);
}

/** The period of the same kind that contains a date. */
export function periodOf(kind: PeriodKind, date: IsoDate): Period {
  const { year, month } = dateParts(date);
  switch (kind) {
    case 'month':
      return periodFromParts({ kind, year, month });
    case 'quarter':
      return periodFromParts({ kind, year, quarter: Math.ceil(month / 3) });
    case 'year':
      return periodFromParts({ kind, year });
  }
}

/** The month containing a date: 2025-11-05 → '2025-11'. */
export function monthOf(date: IsoDate): Period {
  return periodOf('month', date);
}

/** The quarter containing a date: 2025-11-05 → '2025Q4'. */
export function quarterOf(date: IsoDate): Period {
  return periodOf('quarter', date);
}

/** The year containing a date: 2025-11-05 → '2025'. */
export function yearOf(date: IsoDate): Period {
  return periodOf('year', date);
}

/** The period of the same kind just before: 2025Q1 → 2024Q4. */
export function previousPeriod(period: Period): Period {
  return periodOf(periodKind(period), addDays(periodStart(period), -1));
}

/** The period of the same kind just after: 2024Q4 → 2025Q1. */
export function nextPeriod(period: Period): Period {
  return periodOf(periodKind(period), addDays(periodEnd(period), 1));
}

/** A half-open date range (after, through]: dates d with after < d ≤ through. */
export interface DateWindow {
  readonly after: IsoDate;
  readonly through: IsoDate;
}

/**
 * "The 12 months to end" (DOMAIN §8): dates after the same day one year before `end`, up to
 * `end`. 2025-12-31 → (2024-12-31, 2025-12-31]; 2024-02-29 → (2023-02-28, 2024-02-29].
 */
export function twelveMonthsWindow(end: IsoDate): DateWindow {
  return { after: addMonths(end, -12), through: end };
}

/** Whether a date lies in a half-open window (after, through]. */
export function windowContains(window: DateWindow, date: IsoDate): boolean {
  return date > window.after && date <= window.through;
}
