import { describe, expect, it } from 'vitest';
import { isoDate } from '../src/calendar/iso-date.js';
import {
  activityMovements,
  balancesAsOf,
  bankInterest,
  DEFAULT_CHART,
  expense,
  fiscalFundsReceived,
  loanDisbursement,
  loanRepayment,
  memberContribution,
  postedLines,
  trialBalance,
  type Voucher,
} from '../src/ledger/index.js';
import { fen } from '../src/money/fen.js';
import { formatRate, rateBp } from '../src/money/rate.js';
import {
  activityReport,
  balanceSheetReport,
  journalReport,
  loanRegisterReport,
  memberStatementReport,
  ratio,
  ratioValue,
  trialBalanceReport,
  type ReportModel,
} from '../src/reports/index.js';

const d = isoDate;
const header = { fundName: '龙井村扶贫互助社' };

const vouchers: Voucher[] = [
  fiscalFundsReceived({ on: d('2025-01-10'), amountFen: fen(15_000_000) }),
  memberContribution({ on: d('2025-01-15'), amountFen: fen(50_000), via: 'cash', memberId: 'M1' }),
  loanDisbursement({ on: d('2025-03-01'), amountFen: fen(1_000_000), via: 'bank', loanId: 'L1' }),
  bankInterest({ on: d('2025-03-21'), amountFen: fen(12_345) }),
  expense({ on: d('2025-03-25'), amountFen: fen(30_000), via: 'cash', memo: '误工补助' }),
  loanRepayment({
    on: d('2025-09-01'),
    loanId: 'L1',
    via: 'bank',
    allocation: { principalFen: fen(400_000), normalFeeFen: fen(42_933), overdueFeeFen: fen(0) },
  }),
];
const lines = postedLines(
  vouchers.map((voucher, i) => ({
    id: `v${i}`,
    no: `记-${String(i + 1).padStart(3, '0')}`,
    voucher,
  })),
);

function rowByKey(report: ReportModel, key: string, value: string): Record<string, unknown> {
  const row = report.rows.find((r) => r[key] === value);
  if (row === undefined) throw new Error(`no row ${value}`);
  return row;
}

describe('reports', () => {
  it('科目余额表 splits balances into 借/贷 columns and balances', () => {
    const tb = trialBalance(DEFAULT_CHART, lines, {
      from: d('2025-03-01'),
      through: d('2025-03-31'),
    });
    const report = trialBalanceReport(header, tb);
    expect(report.subtitle).toBe(
      '编制单位：龙井村扶贫互助社　2025年3月1日至2025年3月31日　单位：元',
    );
    expect(rowByKey(report, 'code', '1002')).toMatchObject({
      openingDebit: 15_000_000,
      debit: 12_345,
      credit: 1_000_000,
      closingDebit: 14_012_345,
    });
    expect(rowByKey(report, 'code', '220901')).toMatchObject({
      name: '　会员互助金',
      openingCredit: 50_000,
      closingCredit: 50_000,
    });
    expect(report.totals).toMatchObject({ openingDebit: 15_050_000, openingCredit: 15_050_000 });
    expect(report.notes[0]).toBe('借贷平衡。');
  });

  it('资产负债表 balances assets against liabilities and net assets', () => {
    const report = balanceSheetReport(header, {
      chart: DEFAULT_CHART,
      yearStart: balancesAsOf(DEFAULT_CHART, lines, d('2024-12-31')),
      asOf: d('2025-09-30'),
      closing: balancesAsOf(DEFAULT_CHART, lines, d('2025-09-30')),
    });
    const closing = (item: string): unknown => rowByKey(report, 'item', item)['closing'];
    expect(closing('货币资金')).toBe(15_000_000 + 50_000 - 600_000 + 12_345 - 30_000 + 42_933);
    expect(closing('借出互助金（应收借款）')).toBe(600_000);
    expect(closing('资产合计')).toBe(15_075_278);
    expect(closing('负债和净资产总计')).toBe(15_075_278);
    expect(closing('限定性净资产')).toBe(15_000_000);
    expect(closing('非限定性净资产')).toBe(25_278);
    expect(rowByKey(report, 'item', '资产合计')['yearStart']).toBe(0);
  });

  it('业务活动表 shows the period and the year to date', () => {
    const period = { from: d('2025-09-01'), through: d('2025-09-30') };
    const report = activityReport(header, {
      chart: DEFAULT_CHART,
      ...period,
      period: activityMovements(DEFAULT_CHART, lines, period),
      yearToDate: activityMovements(DEFAULT_CHART, lines, {
        from: d('2025-01-01'),
        through: d('2025-09-30'),
      }),
    });
    expect(rowByKey(report, 'item', '　　其中：占用费收入')).toMatchObject({
      period: 42_933,
      yearToDate: 42_933,
    });
    expect(rowByKey(report, 'item', '收入合计')).toMatchObject({
      period: 42_933,
      yearToDate: 15_055_278,
    });
    expect(rowByKey(report, 'item', '三、净资产变动额')).toMatchObject({
      period: 42_933,
      yearToDate: 15_025_278,
    });
  });

  it('现金日记账 runs a balance from the opening balance', () => {
    const report = journalReport(header, {
      chart: DEFAULT_CHART,
      lines,
      accountCode: '1001',
      from: d('2025-02-01'),
      through: d('2025-03-31'),
    });
    expect(report.title).toBe('现金日记账');
    expect(report.rows).toEqual([
      {
        date: '2025-02-01',
        voucherNo: null,
        memo: '期初余额',
        debit: null,
        credit: null,
        balance: 50_000,
      },
      {
        date: '2025-03-25',
        voucherNo: '记-005',
        memo: '误工补助',
        debit: null,
        credit: 30_000,
        balance: 20_000,
      },
    ]);
    expect(report.totals).toMatchObject({ debit: 0, credit: 30_000, balance: 20_000 });
  });

  it('借款台账 ages unpaid principal as of the report date', () => {
    const report = loanRegisterReport(
      { ...header, feeRateText: formatRate(rateBp(840), 'monthly_permille') },
      {
        asOf: d('2025-10-15'),
        loans: [
          {
            loanNo: 'JK-2025-001',
            borrowerName: '张三',
            category: 'poor',
            purpose: '养殖',
            disbursedOn: d('2025-03-01'),
            dueOn: d('2025-09-01'),
            oldestUnpaidDueOn: d('2025-09-01'),
            principalFen: fen(1_000_000),
            principalRepaidFen: fen(400_000),
            feePaidFen: fen(42_933),
            status: 'disbursed',
          },
        ],
      },
    );
    expect(report.rows[0]).toMatchObject({
      category: '建档立卡贫困户',
      principalUnpaid: 600_000,
      daysPastDue: 44,
      aging: '逾期31–90天',
      status: '已放款',
    });
    expect(report.totals).toMatchObject({ loanNo: '合计 1 笔', principalUnpaid: 600_000 });
    expect(report.notes[0]).toBe('占用费率：月息7‰。');
  });

  it('对账单 carries the balances from before the period', () => {
    const report = memberStatementReport(
      { ...header, memberName: '张三', memberNo: 'HY-007' },
      {
        from: d('2025-03-01'),
        through: d('2025-12-31'),
        entries: [
          { kind: 'contribution', on: d('2025-01-15'), amountFen: fen(50_000) },
          {
            kind: 'disbursement',
            on: d('2025-03-01'),
            loanNo: 'JK-2025-001',
            amountFen: fen(1_000_000),
          },
          {
            kind: 'repayment',
            on: d('2025-09-01'),
            loanNo: 'JK-2025-001',
            principalFen: fen(400_000),
            feeFen: fen(42_933),
          },
        ],
      },
    );
    expect(report.rows.map((r) => [r['memo'], r['contributionBalance'], r['loanBalance']])).toEqual(
      [
        ['期初余额', 50_000, 0],
        ['借款（JK-2025-001）', 50_000, 1_000_000],
        ['还款（JK-2025-001）', 50_000, 600_000],
      ],
    );
    expect(report.totals).toMatchObject({ feePaid: 42_933, loanBalance: 600_000 });
  });

  it('treats a ratio with a zero denominator as not applicable', () => {
    expect(ratioValue(ratio(3, 4))).toBe(0.75);
    expect(ratioValue(ratio(0, 0))).toBeNull();
  });
});
