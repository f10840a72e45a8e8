import { fail, invariant, ok, type Result } from '../result.js';

declare const isoDateBrand: unique symbol;

/** A calendar date 'YYYY-MM-DD' (China time, no clock attached); compares correctly as a string. */
export type IsoDate = string & { readonly [isoDateBrand]: 'IsoDate' };

/** The parts of a calendar date; month 1–12. */
export interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether a year is a Gregorian leap year. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in a month (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Whether the parts name a real date with a four-digit year. */
export function isRealDate(parts: DateParts): boolean {
  const { year, month, day } = parts;
  return (
    Number.isInteger(year) &&
    year >= 1000 &&
    year <= 9999 &&
    Number.isInteger(month) &&
    month >= 1 &&
    month <= 12 &&
    Number.isInteger(day) &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** Parses 'YYYY-MM-DD', rejecting impossible dates such as 2025-02-30 (`date_invalid`). */
export function parseIsoDate(input: string): Result<IsoDate, 'date_invalid'> {
  const match = DATE_PATTERN.exec(input);
  if (match === null) return fail('date_invalid', { input });
  const parts = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  if (!isRealDate(parts)) return fail('date_invalid', { input });
  return ok(input as IsoDate);
}

/** A date literal known to be valid (constants, tests); an invalid one is a bug. */
export function isoDate(input: string): IsoDate {
  const parsed = parseIsoDate(input);
  invariant(parsed.ok, `not a valid date: ${input}`);
  return parsed.value;
}

/** Builds a date from its parts; impossible parts are a bug. */
export function dateFromParts(parts: DateParts): IsoDate {
  invariant(isRealDate(parts), `not a real date: ${JSON.stringify(parts)}`);
  const year = String(parts.year);
  const month = String(parts.month).padStart(2, '0');
  const day = String(parts.day).padStart(2, '0');
  return `${year}-${month}-${day}` as IsoDate;
}

/** The year, month and day of a date. */
export function dateParts(date: IsoDate): DateParts {
  return {
    year: Number(date.slice(0, 4)),
    month: Number(date.slice(5, 7)),
    day: Number(date.slice(8, 10)),
  };
}

/** Days since 1970-01-01 (proleptic Gregorian, H. Hinnant's days_from_civil). */
export function dayNumber(date: IsoDate): number {
  const { year: calendarYear, month, day } = dateParts(date);
  const year = calendarYear - (month <= 2 ? 1 : 0);
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The date a day number names (inverse of `dayNumber`). */
export function dateFromDayNumber(days: number): IsoDate {
  invariant(Number.isSafeInteger(days), 'day number must be an integer');
  const shifted = days + 719468;
  const era = Math.floor(shifted / 146097);
  const dayOfEra = shifted - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return dateFromParts({ year, month, day });
}

/** Calendar days from a to b (b − a): 2025-03-01 → 2026-03-01 is 365. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** The date `days` days after (or before, if negative) a date. */
export function addDays(date: IsoDate, days: number): IsoDate {
  return dateFromDayNumber(dayNumber(date) + days);
}

/** The same day `months` months later, clamped to month end: 2025-01-31 + 1 → 2025-02-28. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  invariant(Number.isInteger(months), 'months must be an integer');
  const { year, month, day } = dateParts(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const newYear = Math.floor(monthIndex / 12);
  const newMonth = (monthIndex % 12) + 1;
  return dateFromParts({
    year: newYear,
    month: newMonth,
    day: Math.min(day, daysInMonth(newYear, newMonth)),
  });
}

/** −1, 0 or 1 as a is before, equal to or after b. */
export function compareDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

/** The earlier of two dates. */
export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

/** The later of two dates. */
export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}
