import { describe, expect, it } from 'vitest';
import { isoDate } from '../src/calendar/iso-date.js';
import { DEFAULT_BYLAWS } from '../src/fund/bylaws.js';
import {
  amountOwedOn,
  applyRepayment,
  dueDateAfterMonths,
  equalPrincipalSchedule,
  extendLoan,
  feeForDays,
  feeTermsFromBylaws,
  isRepaidOnTime,
  lumpSumSchedule,
  openLoan,
  type LoanState,
  type RepaymentOutcome,
} from '../src/loans/index.js';
import { fen } from '../src/money/fen.js';

const d = isoDate;
const terms = feeTermsFromBylaws(DEFAULT_BYLAWS);

function lumpSumLoan(principal: number, disbursedOn: string, dueOn: string): LoanState {
  return openLoan({
    principalFen: fen(principal),
    disbursedOn: d(disbursedOn),
    schedule: lumpSumSchedule(fen(principal), d(dueOn)),
    terms,
  });
}

function repay(state: LoanState, on: string, amount: number): RepaymentOutcome {
  const outcome = applyRepayment(state, { on: d(on), amountFen: fen(amount) });
  if (!outcome.ok) throw new Error(`${outcome.code} ${JSON.stringify(outcome.details)}`);
  return outcome.value;
}

function owedOn(state: LoanState, on: string): number {
  const owed = amountOwedOn(state, d(on));
  if (!owed.ok) throw new Error(owed.code);
  return owed.value.totalFen;
}

describe('fee for days', () => {
  it('10000元 at 月息7‰ for 365 days is 851.67元 (85166.67 fen rounded half up)', () => {
    expect(feeForDays(fen(1_000_000), 365, terms)).toBe(85_167);
  });

  it('rounds an exact half fen up: 150元 for one day is 3.5 fen → 4 fen', () => {
    expect(feeForDays(fen(15_000), 1, terms)).toBe(4);
  });
});

describe('lump-sum loan (到期一次还本付费)', () => {
  const loan = lumpSumLoan(1_000_000, '2025-03-01', '2026-03-01');

  it('repaid on the due date pays 365 days of normal fee and no overdue fee', () => {
    const owed = amountOwedOn(loan, d('2026-03-01'));
    expect(owed).toMatchObject({
      ok: true,
      value: {
        principalFen: 1_000_000,
        normalFeeFen: 85_167,
        overdueFeeFen: 0,
        totalFen: 1_085_167,
      },
    });
    const outcome = repay(loan, '2026-03-01', 1_085_167);
    expect(outcome.allocation).toEqual({
      overdueFeeFen: 0,
      normalFeeFen: 85_167,
      principalFen: 1_000_000,
    });
    expect(outcome.state.status).toBe('settled');
    expect(isRepaidOnTime(outcome.state)).toBe(true);
  });

  it('repaid early pays only the 184 days used', () => {
    const outcome = repay(loan, '2025-09-01', 1_042_933);
    expect(outcome.accrual).toMatchObject({
      normalFeeFen: 42_933,
      normalDays: 184,
      overdueDays: 0,
    });
    expect(outcome.state.status).toBe('settled');
  });

  it('repaid 30 days late adds 30 days of overdue fee at 1.5 × the rate (105元)', () => {
    const outcome = repay(loan, '2026-03-31', 1_095_667);
    expect(outcome.allocation).toEqual({
      overdueFeeFen: 10_500,
      normalFeeFen: 85_167,
      principalFen: 1_000_000,
    });
    expect(outcome.accrual).toMatchObject({ normalDays: 365, overdueDays: 30 });
    expect(isRepaidOnTime(outcome.state)).toBe(false);
  });

  it('a partial repayment settles fee first, then principal; fee then runs on the rest', () => {
    const first = repay(loan, '2025-06-01', 200_000);
    expect(first.allocation).toEqual({
      overdueFeeFen: 0,
      normalFeeFen: 21_467,
      principalFen: 178_533,
    });
    expect(first.state.principalFen).toBe(821_467);
    expect(first.state.lastSettledOn).toBe('2025-06-01');
    // 821467 fen × 840 bp × 273 days ÷ 3600000 = 52327.45 → 52327
    expect(owedOn(first.state, '2026-03-01')).toBe(821_467 + 52_327);
    const last = repay(first.state, '2026-03-01', 873_794);
    expect(last.state.status).toBe('settled');
  });

  it('unpaid fee stays owed as a fixed amount and is settled first next time', () => {
    const first = repay(loan, '2025-06-01', 10_000);
    expect(first.allocation).toEqual({ overdueFeeFen: 0, normalFeeFen: 10_000, principalFen: 0 });
    expect(first.owedAfter).toEqual({ normalFeeFen: 11_467, overdueFeeFen: 0 });
    // Same day: nothing more accrues; the owed fee bears no fee.
    expect(owedOn(first.state, '2025-06-01')).toBe(1_011_467);
    const second = repay(first.state, '2025-06-01', 11_467);
    expect(second.allocation).toEqual({ overdueFeeFen: 0, normalFeeFen: 11_467, principalFen: 0 });
    // 1000000 × 840 × 273 ÷ 3600000 = 63700 exactly: only fee on principal from 06-01.
    expect(owedOn(second.state, '2026-03-01')).toBe(1_063_700);
  });

  it('a partial payment when overdue pays overdue fee before normal fee', () => {
    const first = repay(loan, '2026-03-31', 50_000);
    expect(first.allocation).toEqual({
      overdueFeeFen: 10_500,
      normalFeeFen: 39_500,
      principalFen: 0,
    });
    expect(first.owedAfter).toEqual({ normalFeeFen: 45_667, overdueFeeFen: 0 });
    const second = repay(first.state, '2026-04-30', 1_056_167);
    expect(second.allocation).toEqual({
      overdueFeeFen: 10_500,
      normalFeeFen: 45_667,
      principalFen: 1_000_000,
    });
  });

  it('spanning 29 February counts the leap day: 5000元 for 2024-02-01 → 2024-03-01 is 29 days', () => {
    const leap = lumpSumLoan(500_000, '2024-02-01', '2024-03-01');
    const outcome = repay(leap, '2024-03-01', 503_383);
    expect(outcome.accrual).toMatchObject({ normalFeeFen: 3_383, normalDays: 29 });
  });

  it('a 12-month loan from 29 February 2024 is due 28 February 2025 (365 days)', () => {
    const due = dueDateAfterMonths(d('2024-02-29'), 12);
    expect(due).toBe('2025-02-28');
    const leap = lumpSumLoan(1_000_000, '2024-02-29', due);
    expect(owedOn(leap, due)).toBe(1_085_167);
  });

  it('refuses a zero payment, an overpayment, a backdated payment and paying a settled loan', () => {
    expect(applyRepayment(loan, { on: d('2025-06-01'), amountFen: fen(0) })).toMatchObject({
      code: 'amount_must_be_positive',
    });
    expect(applyRepayment(loan, { on: d('2026-03-01'), amountFen: fen(1_085_168) })).toMatchObject({
      code: 'repayment_exceeds_amount_owed',
      details: { owedFen: 1_085_167 },
    });
    const first = repay(loan, '2025-06-01', 10_000);
    expect(applyRepayment(first.state, { on: d('2025-05-31'), amountFen: fen(1) })).toMatchObject({
      code: 'repayment_before_last_settlement',
    });
    const settled = repay(loan, '2025-03-01', 1_000_000).state;
    expect(settled.status).toBe('settled');
    expect(applyRepayment(settled, { on: d('2025-03-02'), amountFen: fen(1) })).toMatchObject({
      code: 'loan_already_settled',
    });
  });
});

describe('extension (展期)', () => {
  const loan = lumpSumLoan(1_000_000, '2025-03-01', '2025-09-01');

  it('approved before the due date moves it; fee runs at the normal rate to the new date', () => {
    const extended = extendLoan(loan, {
      approvedOn: d('2025-08-20'),
      newDueOn: d('2025-12-01'),
      maxExtensions: 1,
    });
    if (!extended.ok) throw new Error(extended.code);
    const outcome = repay(extended.value, '2025-12-01', 1_064_167);
    expect(outcome.accrual).toMatchObject({
      normalFeeFen: 64_167,
      overdueFeeFen: 0,
      normalDays: 275,
    });
    expect(isRepaidOnTime(outcome.state)).toBe(true);
  });

  it('is refused after the due date, a second time, or to an earlier date', () => {
    const late = extendLoan(loan, {
      approvedOn: d('2025-09-02'),
      newDueOn: d('2025-12-01'),
      maxExtensions: 1,
    });
    expect(late).toMatchObject({ ok: false, code: 'extension_after_due_date' });
    const once = extendLoan(loan, {
      approvedOn: d('2025-09-01'),
      newDueOn: d('2025-10-01'),
      maxExtensions: 1,
    });
    if (!once.ok) throw new Error(once.code);
    const twice = extendLoan(once.value, {
      approvedOn: d('2025-09-15'),
      newDueOn: d('2025-12-01'),
      maxExtensions: 1,
    });
    expect(twice).toMatchObject({ ok: false, code: 'loan_already_extended' });
    const earlier = extendLoan(loan, {
      approvedOn: d('2025-08-01'),
      newDueOn: d('2025-09-01'),
      maxExtensions: 1,
    });
    expect(earlier).toMatchObject({ ok: false, code: 'extension_due_date_not_later' });
  });
});

describe('instalment loans (等额本金)', () => {
  it('splits the principal so that instalments sum exactly, the last taking the remainder', () => {
    const schedule = equalPrincipalSchedule(fen(1_000_000), d('2025-01-31'), 12, 3);
    expect(schedule).toEqual({
      ok: true,
      value: [
        { dueOn: '2025-05-31', principalFen: 333_333 },
        { dueOn: '2025-09-30', principalFen: 333_333 },
        { dueOn: '2026-01-31', principalFen: 333_334 },
      ],
    });
    expect(equalPrincipalSchedule(fen(1_000_000), d('2025-01-31'), 12, 5)).toMatchObject({
      code: 'schedule_instalments_invalid',
    });
  });

  it('charges overdue fee only on the instalment past due', () => {
    const scheduled = equalPrincipalSchedule(fen(1_200_000), d('2025-01-15'), 12, 4);
    if (!scheduled.ok) throw new Error(scheduled.code);
    const loan = openLoan({
      principalFen: fen(1_200_000),
      disbursedOn: d('2025-01-15'),
      schedule: scheduled.value,
      terms,
    });
    expect(loan.dueOn).toBe('2026-01-15');
    // 90 days on 12000元: 1200000 × 840 × 90 ÷ 3600000 = 25200
    const first = repay(loan, '2025-04-15', 325_200);
    expect(first.allocation).toEqual({
      overdueFeeFen: 0,
      normalFeeFen: 25_200,
      principalFen: 300_000,
    });
    // Second instalment (07-15) paid 10 days late:
    // normal (900000 × 91 + 600000 × 10) × 840 ÷ 3600000 = 20510; overdue 300000 × 10 × 1.5 → 1050
    const second = repay(first.state, '2025-07-25', 321_560);
    expect(second.allocation).toEqual({
      overdueFeeFen: 1_050,
      normalFeeFen: 20_510,
      principalFen: 300_000,
    });
    expect(second.state.principalFen).toBe(600_000);
  });
});

describe('payoff quote', () => {
  it('quotes nothing before the last settlement', () => {
    const loan = lumpSumLoan(1_000_000, '2025-03-01', '2026-03-01');
    expect(amountOwedOn(loan, d('2025-02-28'))).toMatchObject({
      ok: false,
      code: 'repayment_before_last_settlement',
    });
  });
});
