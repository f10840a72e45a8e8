import { describe, expect, it } from 'vitest';
import { isoDate } from '../src/calendar/iso-date.js';
import { parsePeriod, type Period } from '../src/calendar/period.js';
import {
  computeFundIndicators,
  INDICATOR_CODES,
  INDICATOR_DEFINITIONS,
  indicatorValue,
  rollUpIndicators,
  type FundIndicatorInput,
  type IndicatorLoan,
  type IndicatorMember,
} from '../src/indicators/index.js';
import {
  activityMovements,
  bankInterest,
  DEFAULT_CHART,
  expense,
  fiscalFundsReceived,
  loanDisbursement,
  loanRepayment,
  loanWriteOff,
  memberContribution,
  postedLines,
  yearEndClose,
  type PostedLine,
  type Voucher,
} from '../src/ledger/index.js';
import type { MemberCategory } from '../src/members/member.js';
import { fen } from '../src/money/fen.js';
import { ratioValue } from '../src/reports/report-model.js';

const d = isoDate;

function period(input: string): Period {
  const parsed = parsePeriod(input);
  if (!parsed.ok) throw new Error(input);
  return parsed.value;
}

function member(
  id: string,
  joinedOn: string,
  history: readonly (readonly [string, MemberCategory])[],
  options: { exitedOn?: string; isOfficer?: boolean } = {},
): IndicatorMember {
  return {
    id,
    joinedOn: d(joinedOn),
    exitedOn: options.exitedOn === undefined ? null : d(options.exitedOn),
    categoryHistory: history.map(([from, category]) => ({ from: d(from), category })),
    isOfficer: options.isOfficer ?? false,
  };
}

/** A loan: schedule [dueOn, principal], repayments [on, principal, fee, overdue fee]. */
function loan(
  id: string,
  memberId: string,
  disbursedOn: string,
  schedule: readonly (readonly [string, number])[],
  repayments: readonly (readonly [string, number, number?, number?])[] = [],
  writeOff: { on: string; principal: number } | null = null,
): IndicatorLoan {
  return {
    id,
    memberId,
    disbursedOn: d(disbursedOn),
    principalFen: fen(schedule.reduce((sum, [, amount]) => sum + amount, 0)),
    schedule: schedule.map(([dueOn, amount]) => ({ dueOn: d(dueOn), principalFen: fen(amount) })),
    repayments: repayments.map(([on, principal, fee = 0, overdueFee = 0]) => ({
      on: d(on),
      principalFen: fen(principal),
      normalFeeFen: fen(fee),
      overdueFeeFen: fen(overdueFee),
    })),
    writtenOffOn: writeOff === null ? null : d(writeOff.on),
    writtenOffPrincipalFen: fen(writeOff?.principal ?? 0),
    purpose: '养殖',
  };
}

function lines(vouchers: readonly Voucher[]): PostedLine[] {
  return [...postedLines(vouchers.map((voucher, i) => ({ id: `v${i}`, voucher })))];
}

/** Appends the year-end close of `year` computed from the lines so far. */
function withYearEndClose(so: PostedLine[], year: string): PostedLine[] {
  const close = yearEndClose({
    on: d(`${year}-12-31`),
    netDebitByAccount: activityMovements(DEFAULT_CHART, so, {
      from: d(`${year}-01-01`),
      through: d(`${year}-12-31`),
    }),
  });
  if (close.voucher === null) return so;
  return [...so, ...postedLines([{ id: `close-${year}`, voucher: close.voucher }])];
}

const repay = (
  on: string,
  loanId: string,
  principal: number,
  fee: number,
  overdueFee = 0,
  via: 'cash' | 'bank' = 'bank',
): Voucher =>
  loanRepayment({
    on: d(on),
    loanId,
    via,
    allocation: {
      principalFen: fen(principal),
      normalFeeFen: fen(fee),
      overdueFeeFen: fen(overdueFee),
    },
  });
const disburse = (on: string, loanId: string, amount: number): Voucher =>
  loanDisbursement({ on: d(on), loanId, amountFen: fen(amount), via: 'bank' });
const spend = (on: string, amount: number): Voucher =>
  expense({ on: d(on), amountFen: fen(amount), via: 'cash', memo: '误工补助' });

/*
 * Fund A (龙井村), all amounts in fen. 2025Q4 = 2025-10-01 … 2025-12-31; the 12 months to end
 * are (2024-12-31, 2025-12-31].
 *
 * Members (8 counted at end):
 *   M1 poor, joined 2024 — its only loan L1 was disbursed 2024-12-31 (outside the 12 months)
 *   M2 poor from 2024, ordinary from 2025-11-15 — borrowed L2 on 2025-10-10 while poor
 *   M3 ordinary, officer — L3 (instalments) and L10
 *   M4 exited 2025-12-31 (exit ≤ end: not counted) — L5 written off
 *   M5 joined 2026-01-01 (after end: not counted)
 *   M6 joined 2025-12-31 (join ≤ end: counted), no loan
 *   M7 ordinary — L6; M8 poor — L7; M9 ordinary — L4; M10 ordinary — L8
 */
const membersA: IndicatorMember[] = [
  member('M1', '2024-01-01', [['2024-01-01', 'poor']]),
  member('M2', '2024-01-01', [
    ['2024-01-01', 'poor'],
    ['2025-11-15', 'ordinary'],
  ]),
  member('M3', '2024-06-01', [['2024-06-01', 'ordinary']], { isOfficer: true }),
  member('M4', '2024-01-01', [['2024-01-01', 'poor']], { exitedOn: '2025-12-31' }),
  member('M5', '2026-01-01', [['2026-01-01', 'poor']]),
  member('M6', '2025-12-31', [['2025-12-31', 'ordinary']]),
  member('M7', '2024-01-01', [['2024-01-01', 'ordinary']]),
  member('M8', '2024-01-01', [['2024-01-01', 'poor']]),
  member('M9', '2024-01-01', [['2024-01-01', 'ordinary']]),
  member('M10', '2024-01-01', [['2024-01-01', 'ordinary']]),
];

/*
 * Loans as of 2025-12-31:
 *   L1  M1  2024-12-31  300,000 due 2025-06-30, repaid in full on the due date     settled
 *   L2  M2  2025-10-10  500,000 due 2026-04-10                                      DPD 0
 *   L3  M3  2025-01-01  400,000 in 3 instalments: 100,000 @07-01, 200,000 @11-01 (in Q4),
 *           100,000 @2026-01-01 (after end) — straddles the period. Repaid 100,000 on 07-01,
 *           100,000 on 11-01 (partial, on time), 50,000 on 11-20 (late). Unpaid 150,000; the
 *           oldest unpaid instalment is due 11-01                                   DPD 60
 *   L4  M9  2025-05-01  200,000 due 2025-11-30, repaid in full 2025-12-05 (late)    settled
 *   L5  M4  2024-03-01  100,000 due 2024-09-01, 20,000 repaid 2024-09-01, 80,000 written off
 *           2025-10-20                                                              written off
 *   L6  M7  2025-06-01  100,000 due 2025-12-01, unpaid                              DPD 30
 *   L7  M8  2025-05-31  100,000 due 2025-11-30, unpaid                              DPD 31
 *   L8  M10 2025-07-01   60,000 due 2025-12-31 (the end itself), unpaid             DPD 0
 *   L9  M1  2026-01-05  disbursed after end: ignored
 *   L10 M3  2025-12-31   50,000 due 2026-06-30 (disbursed on the last day of the period)
 */
const loansA: IndicatorLoan[] = [
  loan('L1', 'M1', '2024-12-31', [['2025-06-30', 300_000]], [['2025-06-30', 300_000, 10_000]]),
  loan('L2', 'M2', '2025-10-10', [['2026-04-10', 500_000]]),
  loan(
    'L3',
    'M3',
    '2025-01-01',
    [
      ['2025-07-01', 100_000],
      ['2025-11-01', 200_000],
      ['2026-01-01', 100_000],
    ],
    [
      ['2025-07-01', 100_000, 8_000],
      ['2025-11-01', 100_000, 6_000],
      ['2025-11-20', 50_000, 1_000, 500],
    ],
  ),
  loan('L4', 'M9', '2025-05-01', [['2025-11-30', 200_000]], [['2025-12-05', 200_000, 9_000, 300]]),
  loan('L5', 'M4', '2024-03-01', [['2024-09-01', 100_000]], [['2024-09-01', 20_000, 5_000]], {
    on: '2025-10-20',
    principal: 80_000,
  }),
  loan('L6', 'M7', '2025-06-01', [['2025-12-01', 100_000]]),
  loan('L7', 'M8', '2025-05-31', [['2025-11-30', 100_000]]),
  loan('L8', 'M10', '2025-07-01', [['2025-12-31', 60_000]]),
  loan('L9', 'M1', '2026-01-05', [['2026-07-05', 70_000]]),
  loan('L10', 'M3', '2025-12-31', [['2026-06-30', 50_000]]),
];

/*
 * Books of fund A. 2024: fiscal 15,000,000 (bank); M1 contributes 50,000 (cash); L5 out
 * 100,000 and back 20,000 + fee 5,000 (cash); L1 out 300,000; expenses 10,000 and 1,000
 * (2024-12-31, one day outside the 12 months); close 2024: 4401 → 310201, fee 5,000 −
 * expenses 11,000 → 310104 debit 6,000.
 * 2025: bank interest 2,000 on 01-01; loans out (L3, L4, L7, L6, L8, L2, L10); repayments
 * with fee 10,000 + 8,000 + 6,000 + (1,000 + 500) + (9,000 + 300) = 34,800 (Q4: 16,800);
 * expenses 6,000 (03-01) + 4,000 (12-10) = 10,000; L5 write-off 80,000 to 5401 (no reserve);
 * close 2025 on 12-31: income 36,800 − expenses 90,000 → 310104 debit 53,200.
 */
const booksA = ((): PostedLine[] => {
  const year2024 = lines([
    fiscalFundsReceived({ on: d('2024-01-10'), amountFen: fen(15_000_000) }),
    memberContribution({
      on: d('2024-01-15'),
      amountFen: fen(50_000),
      via: 'cash',
      memberId: 'M1',
    }),
    disburse('2024-03-01', 'L5', 100_000),
    spend('2024-06-01', 10_000),
    repay('2024-09-01', 'L5', 20_000, 5_000, 0, 'cash'),
    disburse('2024-12-31', 'L1', 300_000),
    spend('2024-12-31', 1_000),
  ]);
  const year2025 = lines([
    bankInterest({ on: d('2025-01-01'), amountFen: fen(2_000) }),
    disburse('2025-01-01', 'L3', 400_000),
    spend('2025-03-01', 6_000),
    disburse('2025-05-01', 'L4', 200_000),
    disburse('2025-05-31', 'L7', 100_000),
    disburse('2025-06-01', 'L6', 100_000),
    repay('2025-06-30', 'L1', 300_000, 10_000),
    disburse('2025-07-01', 'L8', 60_000),
    repay('2025-07-01', 'L3', 100_000, 8_000),
    disburse('2025-10-10', 'L2', 500_000),
    loanWriteOff({
      on: d('2025-10-20'),
      loanId: 'L5',
      principalFen: fen(80_000),
      riskReserveBalanceFen: fen(0),
    }),
    repay('2025-11-01', 'L3', 100_000, 6_000),
    repay('2025-11-20', 'L3', 50_000, 1_000, 500),
    repay('2025-12-05', 'L4', 200_000, 9_000, 300),
    spend('2025-12-10', 4_000),
    disburse('2025-12-31', 'L10', 50_000),
  ]).map((l) => ({ ...l, voucherId: `2025-${l.voucherId}` }));
  const closed2024 = withYearEndClose(year2024, '2024');
  return withYearEndClose([...closed2024, ...year2025], '2025');
})();

function fundA(periodText: string): FundIndicatorInput {
  return {
    period: period(periodText),
    members: membersA,
    householdCounts: [
      { asOf: d('2024-01-01'), totalHouseholds: 100, poorHouseholds: 20 },
      { asOf: d('2025-12-01'), totalHouseholds: 80, poorHouseholds: 10 },
      { asOf: d('2026-01-05'), totalHouseholds: 200, poorHouseholds: 50 },
    ],
    loans: loansA,
    chart: DEFAULT_CHART,
    lines: booksA,
  };
}

const r = (numerator: number, denominator: number) => ({ numerator, denominator });

describe('computeFundIndicators', () => {
  it('pins every indicator of fund A for 2025Q4', () => {
    const indicators = computeFundIndicators(fundA('2025Q4'));
    expect(indicators.period).toBe('2025Q4');
    expect(indicators.asOf).toBe('2025-12-31');
    expect(indicators.values).toEqual({
      // M1 M2 M3 M6 M7 M8 M9 M10; not M4 (exited on the end date) nor M5 (joined after).
      members: 8,
      // M1 and M8; M2 became ordinary on 2025-11-15.
      members_poor: 2,
      // The household figures of 2025-12-01 (the latest on or before the end).
      membership_rate: r(8, 80),
      poor_membership_rate: r(2, 10),
      // fiscal 15,000,000 + member 50,000 + reserves (−6,000 − 53,200) = 14,990,800
      //   = cash 54,000 + bank 13,976,800 + loans 960,000.
      fund_total: 14_990_800,
      fund_fiscal: 15_000_000,
      fund_member: 50_000,
      fund_donation: 0,
      fund_reserves: -59_200,
      // L2 500,000 + L3 150,000 + L6 100,000 + L7 100,000 + L8 60,000 + L10 50,000
      // (L5 written off, L1 and L4 settled, L9 not yet disbursed).
      outstanding: 960_000,
      utilization_rate: r(960_000, 14_990_800),
      // L2 (500,000, M2 poor on 2025-10-10) and L10 (50,000, M3 ordinary).
      disbursed_count: 2,
      disbursed_amount: 550_000,
      disbursed_poor_share: r(500_000, 550_000),
      // M2 M3 M7 M8 M9 M10 borrowed in (2024-12-31, 2025-12-31]; M1's L1 on 2024-12-31 is out.
      borrower_coverage: r(6, 8),
      // L3 400,000 + L4 200,000 + L7 + L6 100,000 each + L8 60,000 + L2 500,000 + L10 50,000.
      turnover: r(1_410_000, 14_990_800),
      // L3's 200,000 (11-01) + L4 200,000 (11-30) + L7 100,000 (11-30) + L6 100,000 (12-01)
      // + L8 60,000 (12-31); L3's 2026-01-01 instalment is not due in the period.
      due_principal: 660_000,
      // Only L3's second instalment was partly repaid by its due date: 200,000 repaid by 11-01
      // covers the first instalment (100,000) and 100,000 of the second. L4 was repaid late.
      on_time_rate: r(100_000, 660_000),
      // Due by end: L1 300,000 + L5 100,000 + L3 300,000 + L4 200,000 + L6 + L7 100,000 each
      // + L8 60,000 = 1,160,000. Repaid of it: L1 300,000 + L5 20,000 + L3 250,000 + L4 200,000.
      recovery_rate: r(770_000, 1_160_000),
      // DPD ≥ 1: L3 150,000 (60 days), L6 100,000 (30), L7 100,000 (31). L8 is due today: 0.
      overdue_balance: 350_000,
      overdue_rate: r(350_000, 960_000),
      // DPD > 30: L3 and L7; L6 at exactly 30 days is not.
      par30: r(250_000, 960_000),
      written_off: 80_000,
      // Cumulative disbursed to end: 1,810,000 (everything but L9).
      loss_rate: r(80_000, 1_810_000),
      // Q4 fee: 6,000 + 1,000 + 500 + 9,000 + 300; the 2025 close is left out.
      fee_income: 16_800,
      // 12 months: fees 34,800 ÷ expenses 6,000 + 4,000 (the 2024-12-31 expense is out).
      cost_coverage: r(34_800, 10_000),
      avg_loan: r(550_000, 2),
      cash: 54_000,
      bank: 13_976_800,
    });
  });

  it('gives a month with nothing due a zero denominator (—), not 0 or 100%', () => {
    const indicators = computeFundIndicators(fundA('2025-10'));
    expect(indicators.values.due_principal).toBe(0);
    expect(indicators.values.on_time_rate).toEqual(r(0, 0));
    expect(indicatorValue(indicators, 'on_time_rate')).toBeNull();
    // October: only L2 disbursed; fee income nil (L5's write-off is no fee).
    expect(indicators.values.disbursed_count).toBe(1);
    expect(indicators.values.fee_income).toBe(0);
    // As of 2025-10-31: L6/L7/L4 not yet due, L3's second instalment not yet due.
    expect(indicators.values.overdue_balance).toBe(0);
    // On 2025-10-31 M2 was still poor and M4 not yet exited: M1 M2 M4 M8.
    expect(indicators.values.members).toBe(8);
    expect(indicators.values.members_poor).toBe(4);
  });

  it('counts a member by category on the date of the event', () => {
    // 2025-11: M2 turned ordinary on 11-15, so at month end the poor are M1 M4 M8...
    const november = computeFundIndicators(fundA('2025-11'));
    expect(november.values.members_poor).toBe(3);
    // ...but in 2025Q4 the loan disbursed to M2 on 2025-10-10 counts as a poor member's loan.
    expect(computeFundIndicators(fundA('2025Q4')).values.disbursed_poor_share).toEqual(
      r(500_000, 550_000),
    );
    // November dues: L3 200,000 (11-01), L4 and L7 (11-30): 500,000; on time 100,000.
    expect(november.values.due_principal).toBe(500_000);
    expect(november.values.on_time_rate).toEqual(r(100_000, 500_000));
    // As of 11-30: L3 DPD 29 (150,000), L4 and L7 due that day (DPD 0). Outstanding: L2
    // 500,000 + L3 150,000 + L4 200,000 + L6 100,000 + L7 100,000 + L8 60,000.
    expect(november.values.overdue_balance).toBe(150_000);
    expect(november.values.par30).toEqual(r(0, 1_110_000));
  });

  it('shows — for every ratio of an empty fund (no members, loans or household figures)', () => {
    const indicators = computeFundIndicators({
      period: period('2025'),
      members: [],
      householdCounts: [],
      loans: [],
      chart: DEFAULT_CHART,
      lines: lines([fiscalFundsReceived({ on: d('2025-01-10'), amountFen: fen(15_000_000) })]),
    });
    const notApplicable = INDICATOR_CODES.filter((code) => {
      const kind = INDICATOR_DEFINITIONS[code].kind;
      return kind === 'ratio' && indicatorValue(indicators, code) === null;
    });
    expect(notApplicable).toEqual([
      'membership_rate',
      'poor_membership_rate',
      'disbursed_poor_share',
      'borrower_coverage',
      'on_time_rate',
      'recovery_rate',
      'overdue_rate',
      'par30',
      'loss_rate',
      'cost_coverage',
      'avg_loan',
    ]);
    // Money on hand and nothing lent: utilization and turnover are a real 0.
    expect(indicatorValue(indicators, 'utilization_rate')).toBe(0);
    expect(indicatorValue(indicators, 'turnover')).toBe(0);
    expect(indicators.values.fund_total).toBe(15_000_000);
    expect(indicators.values.fund_fiscal).toBe(15_000_000);
  });

  it('ignores lines, loans, repayments and members dated after the end', () => {
    // The 2025Q3 view: L2, L10 not yet disbursed; L3 second instalment not yet due.
    const q3 = computeFundIndicators(fundA('2025Q3'));
    expect(q3.asOf).toBe('2025-09-30');
    // L3 300,000 + L4 200,000 + L5 80,000 (not yet written off) + L6 + L7 100,000 + L8 60,000.
    expect(q3.values.outstanding).toBe(840_000);
    // L5 is overdue since 2024-09-01 (DPD 394): the only overdue loan.
    expect(q3.values.overdue_balance).toBe(80_000);
    expect(q3.values.par30).toEqual(r(80_000, 840_000));
    expect(q3.values.written_off).toBe(0);
    // Q3 dues: L3's first instalment (07-01), repaid on the day: 100,000 of 100,000.
    expect(q3.values.on_time_rate).toEqual(r(100_000, 100_000));
    // Q3 fee: L3's 8,000 on 07-01.
    expect(q3.values.fee_income).toBe(8_000);
    // The 2024-01-01 household figures are not yet superseded.
    expect(q3.values.membership_rate.denominator).toBe(100);
  });
});

describe('rollUpIndicators', () => {
  /* Fund T: one poor member, one 10,000 loan due 2025-12-01 and repaid that day. */
  const fundT: FundIndicatorInput = {
    period: period('2025Q4'),
    members: [member('N1', '2025-01-01', [['2025-01-01', 'poor']])],
    householdCounts: [{ asOf: d('2025-01-01'), totalHouseholds: 10, poorHouseholds: 2 }],
    loans: [
      loan('K1', 'N1', '2025-10-01', [['2025-12-01', 10_000]], [['2025-12-01', 10_000, 100]]),
    ],
    chart: DEFAULT_CHART,
    lines: lines([
      fiscalFundsReceived({ on: d('2025-01-05'), amountFen: fen(1_000_000) }),
      disburse('2025-10-01', 'K1', 10_000),
      repay('2025-12-01', 'K1', 10_000, 100),
    ]),
  };

  it('sums numerators and denominators and never averages ratios', () => {
    const tiny = computeFundIndicators(fundT);
    const large = computeFundIndicators(fundA('2025Q4'));
    expect(tiny.values.on_time_rate).toEqual(r(10_000, 10_000));
    const county = rollUpIndicators([tiny, large]);
    expect(county.period).toBe('2025Q4');
    expect(county.asOf).toBe('2025-12-31');
    expect(county.values.members).toBe(9);
    expect(county.values.fund_total).toBe(1_000_100 + 14_990_800);
    expect(county.values.on_time_rate).toEqual(r(110_000, 670_000));
    const average =
      ((ratioValue(tiny.values.on_time_rate) ?? 0) + (ratioValue(large.values.on_time_rate) ?? 0)) /
      2;
    expect(indicatorValue(county, 'on_time_rate')).toBeCloseTo(110_000 / 670_000, 12);
    expect(indicatorValue(county, 'on_time_rate')).not.toBeCloseTo(average, 2);
    expect(county.values.membership_rate).toEqual(r(9, 90));
    expect(county.values.avg_loan).toEqual(r(560_000, 3));
    expect(county.values.cost_coverage).toEqual(r(34_900, 10_000));
    // A ratio not applicable in one fund still adds its (zero) parts.
    expect(tiny.values.overdue_rate).toEqual(r(0, 0));
    expect(county.values.overdue_rate).toEqual(r(350_000, 960_000));
  });

  it('rolls up nothing to zeros with — ratios, given the period', () => {
    const none = rollUpIndicators([], period('2025Q4'));
    expect(none.values.members).toBe(0);
    expect(indicatorValue(none, 'outstanding')).toBe(0);
    expect(indicatorValue(none, 'on_time_rate')).toBeNull();
    expect(() => rollUpIndicators([])).toThrow();
  });

  it('refuses to mix periods', () => {
    const q4 = computeFundIndicators(fundT);
    const nov = computeFundIndicators({ ...fundT, period: period('2025-11') });
    expect(() => rollUpIndicators([q4, nov])).toThrow();
  });
});

describe('INDICATOR_DEFINITIONS', () => {
  it('names every §8 code with its kind', () => {
    expect(INDICATOR_CODES).toHaveLength(29);
    expect(Object.keys(INDICATOR_DEFINITIONS).sort()).toEqual([...INDICATOR_CODES].sort());
    expect(INDICATOR_DEFINITIONS.par30).toMatchObject({
      name: '30天以上逾期借款率',
      kind: 'ratio',
    });
    expect(INDICATOR_DEFINITIONS.members.name).toBe('会员户数');
    expect(INDICATOR_DEFINITIONS.cost_coverage.name).toBe('自负盈亏率');
    expect(INDICATOR_DEFINITIONS.fund_total.kind).toBe('money');
  });
});
