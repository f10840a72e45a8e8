/**
 * Properties of the loan indicators over random loan books: ratios stay within their parts,
 * recovery matches a naive re-statement, and every loan figure is additive, so splitting a
 * fund's loans in two and rolling the halves up gives the whole fund's figures.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, isoDate } from '../src/calendar/iso-date.js';
import { parsePeriod } from '../src/calendar/period.js';
import {
  computeFundIndicators,
  rollUpIndicators,
  type FundIndicatorInput,
  type IndicatorCode,
  type IndicatorLoan,
  type IndicatorMember,
} from '../src/indicators/index.js';
import { DEFAULT_CHART } from '../src/ledger/index.js';
import { fen } from '../src/money/fen.js';

const base = isoDate('2024-06-01');
const end = isoDate('2025-12-31');
const q4 = (() => {
  const parsed = parsePeriod('2025Q4');
  if (!parsed.ok) throw new Error('period');
  return parsed.value;
})();

const members: IndicatorMember[] = ['M0', 'M1', 'M2', 'M3'].map((id, i) => ({
  id,
  joinedOn: base,
  exitedOn: null,
  categoryHistory: [
    { from: base, category: i % 2 === 0 ? 'poor' : 'ordinary' },
    { from: isoDate('2025-11-01'), category: 'ordinary' },
  ],
  isOfficer: i === 0,
}));

const loanArbitrary = fc
  .record({
    memberIndex: fc.integer({ min: 0, max: 3 }),
    disbursedOffset: fc.integer({ min: 0, max: 700 }),
    instalments: fc.array(
      fc.record({
        step: fc.integer({ min: 1, max: 200 }),
        amount: fc.integer({ min: 1, max: 1e5 }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    repayments: fc.array(
      fc.record({
        offset: fc.integer({ min: 0, max: 600 }),
        amount: fc.integer({ min: 1, max: 2e5 }),
      }),
      { maxLength: 3 },
    ),
    writeOffOffset: fc.option(fc.integer({ min: 0, max: 700 })),
  })
  .map((spec): Omit<IndicatorLoan, 'id'> => {
    const disbursedOn = addDays(base, spec.disbursedOffset);
    let due = disbursedOn;
    const schedule = spec.instalments.map(({ step, amount }) => {
      due = addDays(due, step);
      return { dueOn: due, principalFen: fen(amount) };
    });
    const principal = schedule.reduce((sum, i) => sum + i.principalFen, 0);
    let left = principal;
    const repayments = [...spec.repayments]
      .sort((a, b) => a.offset - b.offset)
      .map(({ offset, amount }) => {
        const paid = Math.min(left, amount);
        left -= paid;
        return {
          on: addDays(disbursedOn, offset),
          principalFen: fen(paid),
          normalFeeFen: fen(0),
          overdueFeeFen: fen(0),
        };
      })
      .filter((r) => r.principalFen > 0);
    const writtenOffOn =
      spec.writeOffOffset === null || left === 0 ? null : addDays(disbursedOn, spec.writeOffOffset);
    return {
      memberId: members[spec.memberIndex]?.id ?? 'M0',
      disbursedOn,
      principalFen: fen(principal),
      schedule,
      repayments,
      writtenOffOn,
      writtenOffPrincipalFen: fen(writtenOffOn === null ? 0 : left),
      purpose: '种植',
    };
  });

const bookArbitrary = fc.array(fc.tuple(loanArbitrary, fc.boolean()), { maxLength: 12 });

function fund(loans: readonly IndicatorLoan[]): FundIndicatorInput {
  return { period: q4, members, householdCounts: [], loans, chart: DEFAULT_CHART, lines: [] };
}

const LOAN_CODES: readonly IndicatorCode[] = [
  'outstanding',
  'disbursed_count',
  'disbursed_amount',
  'disbursed_poor_share',
  'due_principal',
  'on_time_rate',
  'recovery_rate',
  'overdue_balance',
  'overdue_rate',
  'par30',
  'written_off',
  'loss_rate',
  'avg_loan',
];

describe('loan indicators (property)', () => {
  it('keep every part within its whole and recovery equal to a naive statement', () => {
    fc.assert(
      fc.property(bookArbitrary, (book) => {
        const loans = book.map(([spec], i) => ({ ...spec, id: `L${i}` }));
        const v = computeFundIndicators(fund(loans)).values;
        expect(v.on_time_rate.numerator).toBeGreaterThanOrEqual(0);
        expect(v.on_time_rate.numerator).toBeLessThanOrEqual(v.on_time_rate.denominator);
        expect(v.par30.numerator).toBeLessThanOrEqual(v.overdue_balance);
        expect(v.overdue_balance).toBeLessThanOrEqual(v.outstanding);
        expect(v.disbursed_poor_share.numerator).toBeLessThanOrEqual(v.disbursed_amount);
        let recovered = 0;
        let dueByEnd = 0;
        let outstanding = 0;
        for (const loan of loans.filter((l) => l.disbursedOn <= end)) {
          const repaid = loan.repayments
            .filter((r) => r.on <= end)
            .reduce((sum, r) => sum + r.principalFen, 0);
          const due = loan.schedule
            .filter((i) => i.dueOn <= end)
            .reduce((sum, i) => sum + i.principalFen, 0);
          recovered += Math.min(repaid, due);
          dueByEnd += due;
          const writtenOff = loan.writtenOffOn !== null && loan.writtenOffOn <= end;
          if (!writtenOff) outstanding += loan.principalFen - repaid;
        }
        expect(v.recovery_rate).toEqual({ numerator: recovered, denominator: dueByEnd });
        expect(v.outstanding).toBe(outstanding);
      }),
    );
  });

  it('are additive: two halves rolled up give the whole', () => {
    fc.assert(
      fc.property(bookArbitrary, (book) => {
        const loans = book.map(([spec], i) => ({ ...spec, id: `L${i}` }));
        const left = loans.filter((_, i) => book[i]?.[1] === true);
        const right = loans.filter((_, i) => book[i]?.[1] !== true);
        const whole = computeFundIndicators(fund(loans));
        const rolled = rollUpIndicators([
          computeFundIndicators(fund(left)),
          computeFundIndicators(fund(right)),
        ]);
        for (const code of LOAN_CODES) {
          expect([code, rolled.values[code]]).toEqual([code, whole.values[code]]);
        }
      }),
    );
  });
});
