/**
 * The fee arithmetic checked against an independent, deliberately naive re-implementation:
 * walks the loan day by day with JavaScript's UTC calendar, keeps fee as an exact rational
 * (numerator over 10000 × 100 × dayCount) and rounds by comparing twice the remainder.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, isoDate, type IsoDate } from '../src/calendar/iso-date.js';
import {
  amountOwedOn,
  applyRepayment,
  equalPrincipalSchedule,
  extendLoan,
  lumpSumSchedule,
  openLoan,
  type LoanState,
} from '../src/loans/index.js';
import { fen } from '../src/money/fen.js';
import { rateBp } from '../src/money/rate.js';

interface ReferenceLoan {
  readonly schedule: { dueOn: string; principal: bigint }[];
  readonly original: bigint;
  principal: bigint;
  lastSettledOn: string;
  owedNormal: bigint;
  owedOverdue: bigint;
  readonly rateBp: bigint;
  readonly multiplierPercent: bigint;
  readonly dayCount: bigint;
}

const DAY_MS = 86_400_000;

function utcDays(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

function utcDate(days: number): string {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

function roundRational(numerator: bigint, denominator: bigint): bigint {
  const quotient = numerator / denominator;
  const remainder = numerator - quotient * denominator;
  return 2n * remainder >= denominator ? quotient + 1n : quotient;
}

function referenceOwed(loan: ReferenceLoan, on: string): { normal: bigint; overdue: bigint } {
  let normal = 0n;
  let overdue = 0n;
  for (let day = utcDays(loan.lastSettledOn); day < utcDays(on); day += 1) {
    const today = utcDate(day);
    const dueSoFar = loan.schedule
      .filter((instalment) => instalment.dueOn <= today)
      .reduce((sum, instalment) => sum + instalment.principal, 0n);
    const repaid = loan.original - loan.principal;
    const overduePrincipal = dueSoFar > repaid ? dueSoFar - repaid : 0n;
    normal += (loan.principal - overduePrincipal) * loan.rateBp * 100n;
    overdue += overduePrincipal * loan.rateBp * loan.multiplierPercent;
  }
  const denominator = 10_000n * 100n * loan.dayCount;
  return {
    normal: loan.owedNormal + roundRational(normal, denominator),
    overdue: loan.owedOverdue + roundRational(overdue, denominator),
  };
}

function referenceRepay(
  loan: ReferenceLoan,
  on: string,
  amount: bigint,
): { overdueFeeFen: number; normalFeeFen: number; principalFen: number } {
  const owed = referenceOwed(loan, on);
  let left = amount;
  const toOverdue = left < owed.overdue ? left : owed.overdue;
  left -= toOverdue;
  const toNormal = left < owed.normal ? left : owed.normal;
  left -= toNormal;
  if (left > loan.principal) throw new Error('reference: overpayment');
  loan.principal -= left;
  loan.owedOverdue = owed.overdue - toOverdue;
  loan.owedNormal = owed.normal - toNormal;
  loan.lastSettledOn = on;
  return {
    overdueFeeFen: Number(toOverdue),
    normalFeeFen: Number(toNormal),
    principalFen: Number(left),
  };
}

const TERMS_AND_INSTALMENTS: readonly [number, number][] = [
  [1, 1],
  [3, 1],
  [3, 3],
  [6, 1],
  [6, 2],
  [6, 3],
  [6, 6],
  [12, 1],
  [12, 2],
  [12, 3],
  [12, 4],
  [12, 12],
];

const loanArbitrary = fc.record({
  principalFen: fc.integer({ min: 100, max: 2_000_000 }),
  disbursedDay: fc.integer({ min: utcDays('2023-01-01'), max: utcDays('2027-12-31') }),
  termAndInstalments: fc.constantFrom(...TERMS_AND_INSTALMENTS),
  rateBp: fc.integer({ min: 0, max: 3_000 }),
  multiplierPercent: fc.integer({ min: 100, max: 300 }),
  dayCount: fc.constantFrom(360, 365),
  extension: fc.option(
    fc.record({
      daysBeforeDue: fc.integer({ min: 0, max: 60 }),
      extraDays: fc.integer({ min: 1, max: 200 }),
    }),
  ),
  repayments: fc.array(
    fc.record({
      gapDays: fc.integer({ min: 0, max: 200 }),
      permille: fc.integer({ min: 1, max: 1000 }),
      payInFull: fc.boolean(),
    }),
    { minLength: 1, maxLength: 8 },
  ),
});

describe('fee arithmetic against an independent day-by-day reference', () => {
  it('agrees to the fen on every allocation of every repayment', () => {
    fc.assert(
      fc.property(loanArbitrary, (input) => {
        const [termMonths, instalments] = input.termAndInstalments;
        const disbursedOn = isoDate(utcDate(input.disbursedDay));
        const principalFen = fen(input.principalFen);
        const terms = {
          rateBpPerYear: rateBp(input.rateBp),
          overdueMultiplierPercent: input.multiplierPercent,
          dayCountDaysPerYear: input.dayCount,
        };
        const scheduled = equalPrincipalSchedule(
          principalFen,
          disbursedOn,
          termMonths,
          instalments,
        );
        if (!scheduled.ok) throw new Error(scheduled.code);
        let state: LoanState = openLoan({
          principalFen,
          disbursedOn,
          schedule: scheduled.value,
          terms,
        });
        if (input.extension !== null) {
          const approvedOn = addDays(state.dueOn, -input.extension.daysBeforeDue);
          const extended = extendLoan(state, {
            approvedOn: approvedOn < disbursedOn ? disbursedOn : approvedOn,
            newDueOn: addDays(state.dueOn, input.extension.extraDays),
            maxExtensions: 1,
          });
          if (!extended.ok) throw new Error(extended.code);
          state = extended.value;
        }
        const reference: ReferenceLoan = {
          schedule: state.schedule.map((i) => ({
            dueOn: i.dueOn,
            principal: BigInt(i.principalFen),
          })),
          original: BigInt(principalFen),
          principal: BigInt(principalFen),
          lastSettledOn: disbursedOn,
          owedNormal: 0n,
          owedOverdue: 0n,
          rateBp: BigInt(input.rateBp),
          multiplierPercent: BigInt(input.multiplierPercent),
          dayCount: BigInt(input.dayCount),
        };
        for (const repayment of input.repayments) {
          if (state.status === 'settled') break;
          const on: IsoDate = addDays(state.lastSettledOn, repayment.gapDays);
          const owed = amountOwedOn(state, on);
          if (!owed.ok) throw new Error(owed.code);
          const expectedOwed = referenceOwed(reference, on);
          expect(owed.value.normalFeeFen).toBe(Number(expectedOwed.normal));
          expect(owed.value.overdueFeeFen).toBe(Number(expectedOwed.overdue));
          const total = owed.value.totalFen;
          const amount = repayment.payInFull
            ? total
            : Math.max(1, Math.floor((total * repayment.permille) / 1000));
          const outcome = applyRepayment(state, { on, amountFen: fen(amount) });
          if (!outcome.ok) throw new Error(outcome.code);
          const { allocation } = outcome.value;
          expect(allocation).toEqual(referenceRepay(reference, on, BigInt(amount)));
          expect(allocation.overdueFeeFen + allocation.normalFeeFen + allocation.principalFen).toBe(
            amount,
          );
          state = outcome.value.state;
          expect(state.principalFen).toBe(Number(reference.principal));
          expect(state.status === 'settled').toBe(amount === total);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('paying a lump-sum loan in two parts on one day equals paying it at once', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 2_000_000 }),
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 1, max: 999 }),
        (principal, days, permille) => {
          const disbursedOn = isoDate('2025-03-01');
          const loan = openLoan({
            principalFen: fen(principal),
            disbursedOn,
            schedule: lumpSumSchedule(fen(principal), isoDate('2025-09-01')),
            terms: {
              rateBpPerYear: rateBp(840),
              overdueMultiplierPercent: 150,
              dayCountDaysPerYear: 360,
            },
          });
          const on = addDays(disbursedOn, days);
          const owed = amountOwedOn(loan, on);
          if (!owed.ok) throw new Error(owed.code);
          const part = Math.max(1, Math.floor((owed.value.totalFen * permille) / 1000));
          const first = applyRepayment(loan, { on, amountFen: fen(part) });
          if (!first.ok) throw new Error(first.code);
          if (first.value.state.status === 'settled') return;
          const rest = amountOwedOn(first.value.state, on);
          if (!rest.ok) throw new Error(rest.code);
          expect(part + rest.value.totalFen).toBe(owed.value.totalFen);
        },
      ),
    );
  });
});
