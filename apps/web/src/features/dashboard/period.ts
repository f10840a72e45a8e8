import {
  isoDate,
  parsePeriod,
  periodEnd,
  periodKind,
  periodOf,
  periodParts,
  previousPeriod,
  quarterOf,
  type Period,
  type PeriodKind,
} from '@huzhu/domain';
import dayjs, { type Dayjs } from 'dayjs';

export type { Period, PeriodKind };

/** Today in the browser's calendar (China time on the offices' PCs). */
export function todayIso() {
  return isoDate(dayjs().format('YYYY-MM-DD'));
}

/** A period string from the API or a picker: '2026Q3', '2026-09' or '2026'. */
export function toPeriod(input: string): Period {
  const parsed = parsePeriod(input);
  if (!parsed.ok) throw new Error(`not a period: ${input}`);
  return parsed.value;
}

/** The last quarter that has ended: on 2026-11-27 → 2026Q3 (reports and the dashboard default). */
export function lastEndedQuarter(): Period {
  return previousPeriod(quarterOf(todayIso()));
}

/** Whether a period's last day is before today (only ended quarters can be reported). */
export function hasEnded(period: Period): boolean {
  return periodEnd(period) < todayIso();
}

/** The period of a kind containing a day picked in an antd DatePicker. */
export function periodFromDay(kind: PeriodKind, day: Dayjs): Period {
  return periodOf(kind, isoDate(day.format('YYYY-MM-DD')));
}

/** The first day of a period as a Dayjs, for the picker's value. */
export function dayOfPeriod(period: Period): Dayjs {
  const parts = periodParts(period);
  const month =
    parts.kind === 'month' ? parts.month : parts.kind === 'quarter' ? parts.quarter * 3 - 2 : 1;
  return dayjs(`${String(parts.year)}-${String(month).padStart(2, '0')}-01`);
}

/** The period and the ones before it, oldest first: 2026Q3, 4 → 2025Q4 … 2026Q3. */
export function periodsEndingAt(period: Period, count: number): Period[] {
  const list: Period[] = [period];
  while (list.length < count) {
    const first = list[0];
    if (first === undefined) break;
    list.unshift(previousPeriod(first));
  }
  return list;
}

/** A period in words: 2026年第3季度, 2026年9月, 2026年. */
export function periodLabel(period: Period): string {
  const parts = periodParts(period);
  switch (parts.kind) {
    case 'quarter':
      return `${String(parts.year)}年第${String(parts.quarter)}季度`;
    case 'month':
      return `${String(parts.year)}年${String(parts.month)}月`;
    case 'year':
      return `${String(parts.year)}年`;
  }
}

export const PERIOD_KIND_NAMES: Readonly<Record<PeriodKind, string>> = {
  month: '月度',
  quarter: '季度',
  year: '年度',
};

export function kindOf(period: Period): PeriodKind {
  return periodKind(period);
}
