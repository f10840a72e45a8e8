import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  compareDates,
  dateFromDayNumber,
  dayNumber,
  daysBetween,
  isoDate,
  maxDate,
  minDate,
  monthOf,
  nextPeriod,
  parseIsoDate,
  parsePeriod,
  periodContains,
  periodEnd,
  periodStart,
  previousPeriod,
  quarterOf,
  twelveMonthsWindow,
  windowContains,
  yearOf,
  type Period,
} from '../src/calendar/index.js';

const d = isoDate;
const p = (s: string): Period => {
  const parsed = parsePeriod(s);
  if (!parsed.ok) throw new Error(s);
  return parsed.value;
};

describe('parseIsoDate', () => {
  it('accepts real dates, including 29 February of leap years', () => {
    expect(parseIsoDate('2024-02-29').ok).toBe(true);
    expect(parseIsoDate('2000-02-29').ok).toBe(true);
  });

  it.each(['2025-02-30', '2023-02-29', '1900-02-29', '2025-13-01', '2025-00-10', '2025-1-1', 'x'])(
    'rejects %s',
    (input) => {
      expect(parseIsoDate(input)).toMatchObject({ ok: false, code: 'date_invalid' });
    },
  );
});

describe('date arithmetic', () => {
  it('counts calendar days', () => {
    expect(daysBetween(d('2025-03-01'), d('2026-03-01'))).toBe(365);
    expect(daysBetween(d('2024-03-01'), d('2025-03-01'))).toBe(365);
    expect(daysBetween(d('2024-02-01'), d('2024-03-01'))).toBe(29);
    expect(daysBetween(d('2026-03-01'), d('2025-03-01'))).toBe(-365);
    expect(dayNumber(d('1970-01-01'))).toBe(0);
  });

  it('agrees with the UTC calendar over four centuries', () => {
    fc.assert(
      fc.property(fc.integer({ min: -300_000, max: 2_900_000 }), (days) => {
        const expected = new Date(days * 86_400_000).toISOString().slice(0, 10);
        expect(dateFromDayNumber(days)).toBe(expected);
        expect(dayNumber(d(expected))).toBe(days);
      }),
    );
  });

  it('adds days across month and year ends', () => {
    expect(addDays(d('2024-02-28'), 1)).toBe('2024-02-29');
    expect(addDays(d('2025-12-31'), 1)).toBe('2026-01-01');
    expect(addDays(d('2025-01-01'), -1)).toBe('2024-12-31');
  });

  it('adds months clamping to the month end', () => {
    expect(addMonths(d('2025-01-31'), 1)).toBe('2025-02-28');
    expect(addMonths(d('2024-01-31'), 1)).toBe('2024-02-29');
    expect(addMonths(d('2024-02-29'), 12)).toBe('2025-02-28');
    expect(addMonths(d('2025-03-31'), -1)).toBe('2025-02-28');
    expect(addMonths(d('2025-11-15'), 3)).toBe('2026-02-15');
  });

  it('compares and picks dates', () => {
    expect(compareDates(d('2025-01-02'), d('2025-01-10'))).toBe(-1);
    expect(compareDates(d('2025-01-02'), d('2025-01-02'))).toBe(0);
    expect(minDate(d('2025-01-02'), d('2024-12-31'))).toBe('2024-12-31');
    expect(maxDate(d('2025-01-02'), d('2024-12-31'))).toBe('2025-01-02');
  });
});

describe('periods', () => {
  it('parses months, quarters and years', () => {
    expect(parsePeriod('2025-11').ok).toBe(true);
    expect(parsePeriod('2025Q4').ok).toBe(true);
    expect(parsePeriod('2025').ok).toBe(true);
    for (const bad of ['2025-13', '2025Q5', '25', '2025-1', '2025q4']) {
      expect(parsePeriod(bad)).toMatchObject({ ok: false, code: 'period_invalid' });
    }
  });

  it('knows where periods start and end', () => {
    expect(periodStart(p('2025Q4'))).toBe('2025-10-01');
    expect(periodEnd(p('2025Q4'))).toBe('2025-12-31');
    expect(periodEnd(p('2024-02'))).toBe('2024-02-29');
    expect(periodStart(p('2025'))).toBe('2025-01-01');
    expect(periodEnd(p('2025'))).toBe('2025-12-31');
    expect(periodContains(p('2025Q1'), d('2025-03-31'))).toBe(true);
    expect(periodContains(p('2025Q1'), d('2025-04-01'))).toBe(false);
  });

  it('steps to the previous and next period of the same kind', () => {
    expect(previousPeriod(p('2025Q1'))).toBe('2024Q4');
    expect(previousPeriod(p('2025-01'))).toBe('2024-12');
    expect(previousPeriod(p('2025'))).toBe('2024');
    expect(nextPeriod(p('2024Q4'))).toBe('2025Q1');
  });

  it('finds the period of a date', () => {
    expect(quarterOf(d('2025-11-05'))).toBe('2025Q4');
    expect(quarterOf(d('2025-04-01'))).toBe('2025Q2');
    expect(monthOf(d('2025-11-05'))).toBe('2025-11');
    expect(yearOf(d('2025-11-05'))).toBe('2025');
  });

  it('takes the 12 months to end as (same day a year before, end]', () => {
    const window = twelveMonthsWindow(d('2025-12-31'));
    expect(window).toEqual({ after: '2024-12-31', through: '2025-12-31' });
    expect(windowContains(window, d('2024-12-31'))).toBe(false);
    expect(windowContains(window, d('2025-01-01'))).toBe(true);
    expect(windowContains(window, d('2025-12-31'))).toBe(true);
    expect(twelveMonthsWindow(d('2024-02-29')).after).toBe('2023-02-28');
  });
});
