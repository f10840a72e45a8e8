import { describe, expect, it } from 'vitest';
import { isoDate } from '../src/calendar/iso-date.js';
import { DEFAULT_BYLAWS } from '../src/fund/bylaws.js';
import {
  balancesAsOf,
  DEFAULT_CHART,
  distributeSurplus,
  fundComposition,
  isPostable,
  loanDisbursement,
  loanRepayment,
  loanWriteOff,
  memberContribution,
  fiscalFundsReceived,
  expense,
  bankInterest,
  postedLines,
  reverseVoucher,
  subledgerBalances,
  surplusDistribution,
  trialBalance,
  validateVoucher,
  yearEndClose,
  type Voucher,
} from '../src/ledger/index.js';
import { fen } from '../src/money/fen.js';

const d = isoDate;

describe('chart of accounts', () => {
  it('holds the DOMAIN §7 codes with their normal sides', () => {
    const codes = DEFAULT_CHART.map((a) => a.code);
    expect(codes).toEqual([
      '1001',
      '1002',
      '1121',
      '1122',
      '2209',
      '220901',
      '3101',
      '310101',
      '310102',
      '310103',
      '310104',
      '3102',
      '310201',
      '310202',
      '4101',
      '4301',
      '430101',
      '430102',
      '4401',
      '4901',
      '5201',
      '5401',
    ]);
    const sides = Object.fromEntries(DEFAULT_CHART.map((a) => [a.code, a.normalSide]));
    expect(sides['1121']).toBe('debit');
    expect(sides['220901']).toBe('credit');
    expect(sides['5401']).toBe('debit');
    expect(sides['430102']).toBe('credit');
  });

  it('posts only to leaf accounts', () => {
    expect(isPostable(DEFAULT_CHART, '220901')).toBe(true);
    expect(isPostable(DEFAULT_CHART, '2209')).toBe(false);
    expect(isPostable(DEFAULT_CHART, '3101')).toBe(false);
    expect(isPostable(DEFAULT_CHART, '9999')).toBe(false);
  });
});

describe('validateVoucher', () => {
  const good: Voucher = {
    date: d('2025-11-05'),
    kind: 'manual',
    memo: '购买账本',
    lines: [
      { accountCode: '5201', side: 'debit', amountFen: fen(3_500) },
      { accountCode: '1001', side: 'credit', amountFen: fen(3_500) },
    ],
  };

  it('accepts a balanced voucher on leaf accounts', () => {
    expect(validateVoucher(good, DEFAULT_CHART).ok).toBe(true);
  });

  it.each([
    ['voucher_empty', { ...good, lines: [] }],
    [
      'voucher_unbalanced',
      {
        ...good,
        lines: [good.lines[0], { accountCode: '1001', side: 'credit', amountFen: fen(3_400) }],
      },
    ],
    [
      'voucher_line_amount_invalid',
      { ...good, lines: [{ accountCode: '5201', side: 'debit', amountFen: fen(0) }] },
    ],
    [
      'account_unknown',
      { ...good, lines: [{ accountCode: '6001', side: 'debit', amountFen: fen(1) }] },
    ],
    [
      'account_not_postable',
      { ...good, lines: [{ accountCode: '3101', side: 'debit', amountFen: fen(1) }] },
    ],
    [
      'voucher_subledger_missing',
      { ...good, lines: [{ accountCode: '1121', side: 'debit', amountFen: fen(1) }] },
    ],
  ] as const)('reports %s', (code, voucher) => {
    expect(validateVoucher(voucher as Voucher, DEFAULT_CHART)).toMatchObject({ ok: false, code });
  });

  it('refuses a date in a closed period', () => {
    expect(validateVoucher(good, DEFAULT_CHART, { closedThrough: d('2025-11-30') })).toMatchObject({
      ok: false,
      code: 'period_closed',
    });
  });

  it('reverses a voucher by swapping sides, linked to the original', () => {
    const reversal = reverseVoucher(good, { originalVoucherId: 'v-7', on: d('2025-12-02') });
    expect(reversal).toMatchObject({
      date: '2025-12-02',
      kind: 'reversal',
      memo: '冲销：购买账本',
      reversesVoucherId: 'v-7',
      lines: [
        { accountCode: '5201', side: 'credit', amountFen: 3_500 },
        { accountCode: '1001', side: 'debit', amountFen: 3_500 },
      ],
    });
    const lines = postedLines([
      { id: 'v-7', voucher: good },
      { id: 'v-8', voucher: reversal },
    ]);
    const balances = balancesAsOf(DEFAULT_CHART, lines, d('2025-12-31'));
    expect(balances.get('5201')).toBe(0);
    expect(balances.get('1001')).toBe(0);
  });
});

describe('posting rules', () => {
  it('splits a repayment into principal, fee and overdue fee, omitting zero lines', () => {
    const voucher = loanRepayment({
      on: d('2026-03-31'),
      loanId: 'L1',
      via: 'cash',
      allocation: {
        principalFen: fen(1_000_000),
        normalFeeFen: fen(85_167),
        overdueFeeFen: fen(10_500),
      },
    });
    expect(voucher.lines).toEqual([
      { accountCode: '1001', side: 'debit', amountFen: 1_095_667 },
      {
        accountCode: '1121',
        side: 'credit',
        amountFen: 1_000_000,
        subledger: { kind: 'loan', id: 'L1' },
      },
      { accountCode: '430101', side: 'credit', amountFen: 85_167 },
      { accountCode: '430102', side: 'credit', amountFen: 10_500 },
    ]);
    const feeOnly = loanRepayment({
      on: d('2025-06-01'),
      loanId: 'L1',
      via: 'bank',
      allocation: { principalFen: fen(0), normalFeeFen: fen(10_000), overdueFeeFen: fen(0) },
    });
    expect(feeOnly.lines.map((l) => l.accountCode)).toEqual(['1002', '430101']);
  });

  it('writes off against the risk reserve first and the rest to 5401', () => {
    const voucher = loanWriteOff({
      on: d('2025-12-20'),
      loanId: 'L9',
      principalFen: fen(500_000),
      riskReserveBalanceFen: fen(120_000),
    });
    expect(voucher.lines).toEqual([
      { accountCode: '310103', side: 'debit', amountFen: 120_000 },
      { accountCode: '5401', side: 'debit', amountFen: 380_000 },
      {
        accountCode: '1121',
        side: 'credit',
        amountFen: 500_000,
        subledger: { kind: 'loan', id: 'L9' },
      },
    ]);
  });
});

describe('year-end distribution', () => {
  it('rounds 公益金 and 风险准备金 half up and gives the remainder to 公积金', () => {
    expect(distributeSurplus(fen(1_234_567), DEFAULT_BYLAWS.distribution)).toMatchObject({
      commonReserveFen: 617_284,
      welfareFundFen: 246_913,
      riskReserveFen: 370_370,
    });
    // 15 fen: 公益金 3, 风险准备金 4.5 → 5, 公积金 7
    expect(distributeSurplus(fen(15), DEFAULT_BYLAWS.distribution)).toMatchObject({
      commonReserveFen: 7,
      welfareFundFen: 3,
      riskReserveFen: 5,
    });
  });

  it('carries a deficit in 310104 undistributed', () => {
    expect(distributeSurplus(fen(-5_000), DEFAULT_BYLAWS.distribution)).toMatchObject({
      commonReserveFen: 0,
      carriedFen: -5_000,
    });
  });
});

describe('a year of books', () => {
  const vouchers: Voucher[] = [
    fiscalFundsReceived({ on: d('2025-01-10'), amountFen: fen(15_000_000) }),
    memberContribution({
      on: d('2025-01-15'),
      amountFen: fen(50_000),
      via: 'cash',
      memberId: 'M1',
    }),
    memberContribution({
      on: d('2025-01-15'),
      amountFen: fen(20_000),
      via: 'cash',
      memberId: 'M2',
    }),
    loanDisbursement({ on: d('2025-03-01'), amountFen: fen(1_000_000), via: 'bank', loanId: 'L1' }),
    loanRepayment({
      on: d('2025-09-01'),
      loanId: 'L1',
      via: 'bank',
      allocation: {
        principalFen: fen(1_000_000),
        normalFeeFen: fen(42_933),
        overdueFeeFen: fen(0),
      },
    }),
    bankInterest({ on: d('2025-06-21'), amountFen: fen(12_345) }),
    expense({ on: d('2025-07-01'), amountFen: fen(30_000), via: 'cash', memo: '误工补助' }),
  ];
  const lines = postedLines(vouchers.map((voucher, i) => ({ id: `v${i}`, voucher })));
  const yearEnd = d('2025-12-31');

  it('gives the fund total and its parts from both sides of the books', () => {
    const composition = fundComposition(DEFAULT_CHART, balancesAsOf(DEFAULT_CHART, lines, yearEnd));
    expect(composition).toMatchObject({
      fundFiscalFen: 15_000_000,
      fundMemberFen: 70_000,
      fundDonationFen: 0,
      fundReservesFen: 42_933 + 12_345 - 30_000,
      fundTotalFen: 15_000_000 + 70_000 + 25_278,
      cashFen: 40_000,
      bankFen: 15_000_000 + 42_933 + 12_345,
      loansOutstandingFen: 0,
    });
    expect(composition.assetSideTotalFen).toBe(composition.fundTotalFen);
    expect(subledgerBalances(DEFAULT_CHART, lines, '220901', yearEnd)).toEqual(
      new Map([
        ['M1', 50_000],
        ['M2', 20_000],
      ]),
    );
  });

  it('closes the year, distributes the surplus and keeps the fund total', () => {
    const before = balancesAsOf(DEFAULT_CHART, lines, yearEnd);
    const close = yearEndClose({ on: yearEnd, netDebitByAccount: before });
    expect(close.netSurplusFen).toBe(25_278);
    expect(close.voucher).not.toBeNull();
    const distribution = surplusDistribution({
      on: yearEnd,
      surplusFen: close.netSurplusFen,
      ratios: DEFAULT_BYLAWS.distribution,
    });
    expect(distribution.distribution).toMatchObject({
      welfareFundFen: 5_056,
      riskReserveFen: 7_583,
      commonReserveFen: 12_639,
    });
    const all = [
      ...vouchers,
      ...(close.voucher ? [close.voucher] : []),
      ...(distribution.voucher ? [distribution.voucher] : []),
    ];
    const closedLines = postedLines(all.map((voucher, i) => ({ id: `v${i}`, voucher })));
    const after = balancesAsOf(DEFAULT_CHART, closedLines, yearEnd);
    expect(after.get('4401')).toBe(0);
    expect(after.get('4301')).toBe(0);
    expect(after.get('310201')).toBe(-15_000_000);
    expect(after.get('310104')).toBe(0);
    expect(after.get('310103')).toBe(-7_583);
    const composition = fundComposition(DEFAULT_CHART, after);
    expect(composition.fundTotalFen).toBe(15_095_278);
    expect(composition.fundReservesFen).toBe(25_278);
    const tb = trialBalance(DEFAULT_CHART, closedLines, {
      from: d('2025-01-01'),
      through: yearEnd,
    });
    expect(tb.balanced).toBe(true);
    const row3101 = tb.rows.find((r) => r.code === '3101');
    expect(row3101).toMatchObject({ level: 0, openingFen: 0, closingFen: -25_278 });
  });
});
