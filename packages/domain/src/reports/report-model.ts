import { dateParts, type IsoDate } from '../calendar/iso-date.js';

/** How a column's cells are rendered: money cells hold fen, ratio cells a `Ratio`. */
export type ColumnKind = 'text' | 'money' | 'date' | 'ratio' | 'int';

/** One column of a report. */
export interface ReportColumn {
  readonly key: string;
  readonly title: string;
  readonly kind: ColumnKind;
}

/** A ratio kept as numerator and denominator; a zero denominator renders as —. */
export interface Ratio {
  readonly numerator: number;
  readonly denominator: number;
}

/** A cell: text or an IsoDate (text/date), fen or a count (money/int), a Ratio, or empty. */
export type ReportCell = string | number | Ratio | null;

/** One row, keyed by column key. */
export type ReportRow = Readonly<Record<string, ReportCell>>;

/**
 * A report as data, rendered alike by the screen, the xlsx and the docx so they cannot disagree.
 * `subtitle` carries the fund name, period and unit; `notes` the parameters the figures rest on.
 */
export interface ReportModel {
  readonly title: string;
  readonly subtitle: string;
  readonly columns: readonly ReportColumn[];
  readonly rows: readonly ReportRow[];
  readonly totals?: ReportRow;
  readonly notes: readonly string[];
}

/** Who and what a report is for. */
export interface ReportHeader {
  readonly fundName: string;
}

/** A ratio cell. */
export function ratio(numerator: number, denominator: number): Ratio {
  return { numerator, denominator };
}

/** The value of a ratio, or null ("not applicable", shown as —) when the denominator is 0. */
export function ratioValue(value: Ratio): number | null {
  return value.denominator === 0 ? null : value.numerator / value.denominator;
}

/** A date written the Chinese way: 2025-11-30 → 2025年11月30日. */
export function chineseDate(date: IsoDate): string {
  const { year, month, day } = dateParts(date);
  return `${year}年${month}月${day}日`;
}

/** A date range written the Chinese way: 2025年11月1日至2025年11月30日. */
export function chineseDateRange(from: IsoDate, through: IsoDate): string {
  return `${chineseDate(from)}至${chineseDate(through)}`;
}

/** Shorthand for a column. */
export function column(key: string, title: string, kind: ColumnKind): ReportColumn {
  return { key, title, kind };
}
