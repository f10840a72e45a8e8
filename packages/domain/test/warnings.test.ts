import { describe, expect, it } from 'vitest';
import { isoDate } from '../src/calendar/iso-date.js';
import { parsePeriod } from '../src/calendar/period.js';
import { DEFAULT_BYLAWS } from '../src/fund/bylaws.js';
import {
  computeFundIndicators,
  type FundIndicatorInput,
  type IndicatorLoan,
  type IndicatorMember,
} from '../src/indicators/index.js';
import {
  DEFAULT_CHART,
  expense,
  fiscalFundsReceived,
  loanRepayment,
  memberContribution,
  postedLines,
  type PostedLine,
  type Voucher,
} from '../src/ledger/index.js';
import type { MemberCategory } from '../src/members/member.js';
import { fen } from '../src/money/fen.js';
import type { Ratio } from '../src/reports/report-model.js';
import {
  DEFAULT_WARNING_THRESHOLDS,
  evaluateWarnings,
  formatPercent,
  validateWarningThresholds,
  WARNING_CODES,
  WARNING_DEFINITIONS,
  type Warning,
  type WarningCode,
  type WarningFlags,
  type WarningThresholds,
} from '../src/warnings/index.js';

const d = isoDate;
const q4 = (() => {
  const parsed = parsePeriod('2025Q4');
  if (!parsed.ok) throw new Error('period');
  return parsed.value;
})();

function lines(vouchers: readonly Voucher[]): PostedLine[] {
  return [...postedLines(vouchers.map((voucher, i) => ({ id: `v${i}`, voucher })))];
}

/** 1,000,000 fen of fiscal money: fund_total 1,000,000 whatever is lent (lending moves assets). */
const fiscalMillion = fiscalFundsReceived({ on: d('2025-01-05'), amountFen: fen(1_000_000) });

function member(
  id: string,
  category: MemberCategory = 'ordinary',
  options: { isOfficer?: boolean; becamePoorOn?: string } = {},
): IndicatorMember {
  const history = [{ from: d('2024-01-01'), category }];
  if (options.becamePoorOn !== undefined) {
    history.push({ from: d(options.becamePoorOn), category: 'poor' });
  }
  return {
    id,
    joinedOn: d('2024-01-01'),
    exitedOn: null,
    categoryHistory: history,
    isOfficer: options.isOfficer ?? false,
  };
}

/** A lump-sum loan; `repaid` principal paid on `repaidOn`. */
function loan(
  id: string,
  memberId: string,
  principal: number,
  options: {
    disbursedOn?: string;
    dueOn?: string;
    repaid?: number;
    repaidOn?: string;
    writtenOffOn?: string;
    purpose?: string;
    guarantorIds?: readonly string[];
  } = {},
): IndicatorLoan {
  const repaid = options.repaid ?? 0;
  return {
    id,
    memberId,
    disbursedOn: d(options.disbursedOn ?? '2025-10-15'),
    principalFen: fen(principal),
    schedule: [{ dueOn: d(options.dueOn ?? '2026-04-15'), principalFen: fen(principal) }],
    repayments:
      repaid === 0
        ? []
        : [
            {
              on: d(options.repaidOn ?? '2025-11-01'),
              principalFen: fen(repaid),
              normalFeeFen: fen(0),
              overdueFeeFen: fen(0),
            },
          ],
    writtenOffOn: options.writtenOffOn === undefined ? null : d(options.writtenOffOn),
    writtenOffPrincipalFen: fen(options.writtenOffOn === undefined ? 0 : principal - repaid),
    purpose: options.purpose ?? '种植',
    ...(options.guarantorIds === undefined ? {} : { guarantorIds: options.guarantorIds }),
  };
}

const QUIET_FLAGS: WarningFlags = {
  sameIdCardInOtherFund: [],
  lastAssemblyOn: d('2025-06-01'),
  reportLate: false,
  disbursedBeforeApproval: [],
};

function evaluate(
  fund: Partial<FundIndicatorInput>,
  options: {
    previousQuarterUtilization?: Ratio;
    flags?: Partial<WarningFlags>;
    thresholds?: WarningThresholds;
  } = {},
): readonly Warning[] {
  const input: FundIndicatorInput = {
    period: q4,
    members: [],
    householdCounts: [],
    loans: [],
    chart: DEFAULT_CHART,
    lines: lines([fiscalMillion]),
    ...fund,
  };
  return evaluateWarnings(
    {
      fund: input,
      indicators: computeFundIndicators(input),
      params: DEFAULT_BYLAWS,
      previousQuarterUtilization: options.previousQuarterUtilization ?? null,
      flags: { ...QUIET_FLAGS, ...options.flags },
    },
    options.thresholds,
  );
}

function find(warnings: readonly Warning[], code: WarningCode): Warning | undefined {
  return warnings.find((w) => w.code === code);
}

function fires(warnings: readonly Warning[], code: WarningCode): boolean {
  return find(warnings, code) !== undefined;
}

describe('evaluateWarnings', () => {
  it('is quiet for a sound fund', () => {
    expect(evaluate({})).toEqual([]);
  });

  describe('overdue_rate_high (> 5%)', () => {
    const book = (overdue: number) => [
      // Due 2025-12-30: DPD 1 on 2025-12-31.
      loan('O1', 'M1', overdue, { dueOn: '2025-12-30', disbursedOn: '2025-06-01' }),
      loan('C1', 'M2', 100_000 - overdue),
    ];
    it('does not fire at exactly 5%', () => {
      expect(fires(evaluate({ loans: book(5_000) }), 'overdue_rate_high')).toBe(false);
    });
    it('fires above 5%, with the figures', () => {
      expect(fires(evaluate({ loans: book(5_001) }), 'overdue_rate_high')).toBe(true);
      expect(find(evaluate({ loans: book(6_000) }), 'overdue_rate_high')).toEqual({
        code: 'overdue_rate_high',
        severity: 'high',
        message: '逾期率6.00%，超过预警线5%（逾期余额60.00元，借款余额1,000.00元）',
        evidence: {
          loans: ['O1'],
          members: ['M1'],
          amounts: { overdueBalanceFen: 6_000, outstandingFen: 100_000 },
        },
      });
    });
    it('follows a configured threshold', () => {
      const thresholds = { ...DEFAULT_WARNING_THRESHOLDS, overdueRatePercent: 10 };
      expect(fires(evaluate({ loans: book(6_000) }, { thresholds }), 'overdue_rate_high')).toBe(
        false,
      );
    });
  });

  describe('dpd_over_limit (> 90 days)', () => {
    it('does not fire at 90 days past due', () => {
      // 2025-10-02 → 2025-12-31 is 90 days.
      const loans = [loan('L1', 'M1', 1_000, { disbursedOn: '2025-04-02', dueOn: '2025-10-02' })];
      expect(fires(evaluate({ loans }), 'dpd_over_limit')).toBe(false);
    });
    it('fires at 91 days', () => {
      const loans = [loan('L1', 'M1', 1_000, { disbursedOn: '2025-04-01', dueOn: '2025-10-01' })];
      const w = find(evaluate({ loans }), 'dpd_over_limit');
      expect(w?.message).toBe('1笔借款逾期超过90天，最长逾期91天，未还本金10.00元');
      expect(w?.evidence.loans).toEqual(['L1']);
    });
    it('ignores written-off loans', () => {
      const loans = [
        loan('L1', 'M1', 1_000, {
          disbursedOn: '2024-04-01',
          dueOn: '2024-10-01',
          writtenOffOn: '2025-10-01',
        }),
      ];
      expect(fires(evaluate({ loans }), 'dpd_over_limit')).toBe(false);
    });
  });

  describe('idle_funds (< 50% two quarters running)', () => {
    const lent = (amount: number) => [loan('L1', 'M1', amount)];
    const previous = { numerator: 49, denominator: 100 };
    it('does not fire at exactly 50% this quarter', () => {
      const w = evaluate({ loans: lent(500_000) }, { previousQuarterUtilization: previous });
      expect(fires(w, 'idle_funds')).toBe(false);
    });
    it('fires below 50% in both quarters', () => {
      const w = evaluate({ loans: lent(499_999) }, { previousQuarterUtilization: previous });
      expect(find(w, 'idle_funds')?.message).toBe(
        '资金使用率连续两个季度低于50%（上季度49.00%，本期49.99%），资金闲置',
      );
    });
    it('does not fire when last quarter was at 50% or is unknown', () => {
      const at50 = { numerator: 1, denominator: 2 };
      expect(
        fires(evaluate({ loans: lent(1) }, { previousQuarterUtilization: at50 }), 'idle_funds'),
      ).toBe(false);
      expect(fires(evaluate({ loans: lent(1) }), 'idle_funds')).toBe(false);
    });
  });

  describe('no_liquidity (> 95%)', () => {
    it('does not fire at 95%', () => {
      const w = evaluate({ loans: [loan('L1', 'M1', 950_000)] });
      expect(fires(w, 'no_liquidity')).toBe(false);
    });
    it('fires above 95%', () => {
      const w = evaluate({ loans: [loan('L1', 'M1', 950_001)] });
      expect(fires(w, 'no_liquidity')).toBe(true);
    });
  });

  describe('cash_over_limit (> 2,000元)', () => {
    const withCash = (amount: number) =>
      lines([
        fiscalMillion,
        memberContribution({
          on: d('2025-11-01'),
          amountFen: fen(amount),
          via: 'cash',
          memberId: 'M1',
        }),
      ]);
    it('does not fire at the limit', () => {
      expect(fires(evaluate({ lines: withCash(200_000) }), 'cash_over_limit')).toBe(false);
    });
    it('fires above the limit', () => {
      const w = find(evaluate({ lines: withCash(200_001) }), 'cash_over_limit');
      expect(w?.message).toBe('期末库存现金2,000.01元，超过限额2,000.00元');
      expect(w?.evidence.amounts).toEqual({ cashFen: 200_001, cashLimitFen: 200_000 });
    });
  });

  describe('loan_over_limit (first loan 5,000元, later 10,000元)', () => {
    const earlier = loan('E1', 'M2', 100, {
      disbursedOn: '2025-01-01',
      dueOn: '2025-06-01',
      repaid: 100,
      repaidOn: '2025-06-01',
    });
    it('does not fire at the limits', () => {
      const loans = [loan('F1', 'M1', 500_000), earlier, loan('S1', 'M2', 1_000_000)];
      expect(fires(evaluate({ loans }), 'loan_over_limit')).toBe(false);
    });
    it('fires one fen above a first-loan and a later-loan limit', () => {
      const loans = [loan('F1', 'M1', 500_001), earlier, loan('S1', 'M2', 1_000_001)];
      const w = find(evaluate({ loans }), 'loan_over_limit');
      expect(w?.evidence.loans).toEqual(['F1', 'S1']);
      expect(w?.evidence.amounts).toMatchObject({ maxPrincipalFen: 1_000_001 });
    });
    it('looks only at loans disbursed in the period', () => {
      const loans = [loan('F1', 'M1', 900_000, { disbursedOn: '2025-09-30' })];
      expect(fires(evaluate({ loans }), 'loan_over_limit')).toBe(false);
    });
  });

  describe('non_productive_purpose', () => {
    it('fires for a purpose off the bylaws list disbursed in the period', () => {
      const loans = [loan('L1', 'M1', 1_000, { purpose: '建房' }), loan('L2', 'M2', 1_000)];
      const w = find(evaluate({ loans }), 'non_productive_purpose');
      expect(w?.message).toBe('本期1笔借款用途不属于生产性用途：建房');
      expect(w?.evidence.loans).toEqual(['L1']);
    });
    it('does not fire for listed purposes or earlier loans', () => {
      const loans = [
        loan('L1', 'M1', 1_000, { purpose: '建房', disbursedOn: '2025-09-30' }),
        loan('L2', 'M2', 1_000, { purpose: '养殖' }),
      ];
      expect(fires(evaluate({ loans }), 'non_productive_purpose')).toBe(false);
    });
  });

  describe('borrower_guarantees_other', () => {
    it('fires when a borrower guarantees another outstanding loan', () => {
      const loans = [loan('LG1', 'G1', 1_000), loan('LG2', 'G2', 1_000, { guarantorIds: ['G1'] })];
      const w = find(evaluate({ loans }), 'borrower_guarantees_other');
      expect(w?.evidence).toMatchObject({ members: ['G1'], loans: ['LG1', 'LG2'] });
    });
    it('does not fire once either loan is repaid', () => {
      const repaid = { repaid: 1_000, repaidOn: '2025-12-01' };
      const ownRepaid = [
        loan('LG1', 'G1', 1_000, repaid),
        loan('LG2', 'G2', 1_000, { guarantorIds: ['G1'] }),
      ];
      const guaranteedRepaid = [
        loan('LG1', 'G1', 1_000),
        loan('LG2', 'G2', 1_000, { guarantorIds: ['G1'], ...repaid }),
      ];
      expect(fires(evaluate({ loans: ownRepaid }), 'borrower_guarantees_other')).toBe(false);
      expect(fires(evaluate({ loans: guaranteedRepaid }), 'borrower_guarantees_other')).toBe(false);
    });
  });

  describe('targeting_drift (poor share of borrowers < poor share of members)', () => {
    const members = [member('P1', 'poor'), member('P2', 'poor'), member('O1'), member('O2')];
    it('does not fire when the shares are equal', () => {
      const loans = [loan('L1', 'P1', 1_000), loan('L2', 'O1', 1_000)];
      expect(fires(evaluate({ members, loans }), 'targeting_drift')).toBe(false);
    });
    it('fires when poor members borrow less than their share', () => {
      const loans = [loan('L1', 'O1', 1_000), loan('L2', 'O2', 1_000)];
      const w = find(evaluate({ members, loans }), 'targeting_drift');
      expect(w?.message).toBe(
        '近12个月借款户中贫困户占比0.00%（0/2户），低于会员中贫困户占比50.00%（2/4户）',
      );
    });
    it('takes the category on the disbursement date', () => {
      // P3 is poor at the end but was ordinary when it borrowed.
      const drifted = [
        member('P3', 'ordinary', { becamePoorOn: '2025-11-01' }),
        member('P2', 'poor'),
        member('O1'),
        member('O2'),
      ];
      const loans = [loan('L1', 'P3', 1_000, { disbursedOn: '2025-10-15' }), loan('L2', 'O1', 1)];
      expect(fires(evaluate({ members: drifted, loans }), 'targeting_drift')).toBe(true);
    });
  });

  describe('elite_capture (officers > 20% of outstanding)', () => {
    const members = [member('X', 'ordinary', { isOfficer: true }), member('Y')];
    it('does not fire at 20%', () => {
      const loans = [loan('L1', 'X', 20_000), loan('L2', 'Y', 80_000)];
      expect(fires(evaluate({ members, loans }), 'elite_capture')).toBe(false);
    });
    it('fires above 20%', () => {
      const loans = [loan('L1', 'X', 20_001), loan('L2', 'Y', 79_999)];
      const w = find(evaluate({ members, loans }), 'elite_capture');
      expect(w?.message).toBe('理事会、监事会成员户借款余额200.01元，占借款余额20.01%，超过20%');
      expect(w?.evidence).toMatchObject({ loans: ['L1'], members: ['X'] });
    });
  });

  describe('concentration (top 10% of borrowers > 40% of outstanding)', () => {
    const others = (count: number) =>
      Array.from({ length: count }, (_, i) => loan(`S${i}`, `B${i + 1}`, 6_000));
    it('does not fire at 40%', () => {
      // 36,000 of 36,000 + 9 × 6,000 = 90,000.
      const loans = [loan('T', 'B0', 36_000), ...others(9)];
      expect(fires(evaluate({ loans }), 'concentration')).toBe(false);
    });
    it('fires above 40%', () => {
      const loans = [loan('T', 'B0', 36_001), ...others(9)];
      const w = find(evaluate({ loans }), 'concentration');
      expect(w?.evidence).toMatchObject({ members: ['B0'], loans: ['T'] });
      expect(w?.evidence.amounts).toMatchObject({ topBorrowers: 1, borrowers: 10 });
    });
    it('takes 10% rounded up: 2 of 11 borrowers', () => {
      const loans = [loan('T', 'B0', 30_000), loan('U', 'B10', 30_000), ...others(9)];
      const w = find(evaluate({ loans }), 'concentration');
      expect(w?.evidence.amounts).toMatchObject({ topBorrowers: 2, borrowers: 11 });
    });
    it('is not judged with fewer than 10 borrowers', () => {
      const loans = [loan('T', 'B0', 900_000), ...others(8)];
      expect(fires(evaluate({ loans }), 'concentration')).toBe(false);
    });
  });

  describe('cost_coverage_low (< 1)', () => {
    const books = (fee: number, expenses: number) =>
      lines([
        fiscalMillion,
        loanRepayment({
          on: d('2025-03-01'),
          loanId: 'L0',
          via: 'bank',
          allocation: { principalFen: fen(0), normalFeeFen: fen(fee), overdueFeeFen: fen(0) },
        }),
        expense({ on: d('2025-04-01'), amountFen: fen(expenses), via: 'bank', memo: '办公' }),
      ]);
    it('does not fire when fees cover expenses exactly', () => {
      expect(fires(evaluate({ lines: books(10_000, 10_000) }), 'cost_coverage_low')).toBe(false);
    });
    it('fires when fees fall short', () => {
      const w = find(evaluate({ lines: books(9_999, 10_000) }), 'cost_coverage_low');
      expect(w?.message).toBe(
        '自负盈亏率99.99%，低于100.00%（近12个月占用费收入99.99元，管理费用100.00元）',
      );
    });
    it('follows a configured minimum', () => {
      const thresholds = {
        ...DEFAULT_WARNING_THRESHOLDS,
        costCoverageMin: { numerator: 1, denominator: 2 },
      };
      const w = evaluate({ lines: books(9_999, 10_000) }, { thresholds });
      expect(fires(w, 'cost_coverage_low')).toBe(false);
    });
  });

  describe('flags the server computes', () => {
    it('duplicate_id_card fires for listed members only', () => {
      const w = find(
        evaluate({}, { flags: { sameIdCardInOtherFund: ['M1'] } }),
        'duplicate_id_card',
      );
      expect(w?.evidence.members).toEqual(['M1']);
      expect(evaluate({}, { flags: { sameIdCardInOtherFund: [] } })).toEqual([]);
    });
    it('disbursed_before_approval names the loans and their borrowers', () => {
      const loans = [loan('L1', 'M1', 1_000)];
      const w = find(
        evaluate({ loans }, { flags: { disbursedBeforeApproval: ['L1'] } }),
        'disbursed_before_approval',
      );
      expect(w?.evidence).toMatchObject({ loans: ['L1'], members: ['M1'] });
    });
    it('report_late fires on the flag', () => {
      expect(fires(evaluate({}, { flags: { reportLate: true } }), 'report_late')).toBe(true);
    });
  });

  describe('no_assembly_12_months', () => {
    it('does not fire for an assembly in the 12 months to end', () => {
      const w = evaluate({}, { flags: { lastAssemblyOn: d('2025-01-01') } });
      expect(fires(w, 'no_assembly_12_months')).toBe(false);
    });
    it('fires for an assembly on the same day one year before the end, or none', () => {
      const w = evaluate({}, { flags: { lastAssemblyOn: d('2024-12-31') } });
      expect(find(w, 'no_assembly_12_months')?.message).toBe(
        '截至2025年12月31日，近12个月未召开会员大会（上次：2024年12月31日）',
      );
      expect(
        fires(evaluate({}, { flags: { lastAssemblyOn: null } }), 'no_assembly_12_months'),
      ).toBe(true);
    });
  });

  it('trial_balance_unbalanced fires on books whose debits ≠ credits', () => {
    const [first] = lines([fiscalMillion]);
    if (first === undefined) throw new Error('no line');
    const broken = [...lines([fiscalMillion]), { ...first, voucherId: 'x', amountFen: fen(1) }];
    const w = find(evaluate({ lines: broken }), 'trial_balance_unbalanced');
    expect(w?.severity).toBe('high');
    expect(w?.evidence.amounts).toEqual({ debitFen: 1_000_001, creditFen: 1_000_000 });
  });

  it('lists the most severe first', () => {
    const w = evaluate(
      {
        lines: lines([
          fiscalMillion,
          memberContribution({
            on: d('2025-11-01'),
            amountFen: fen(300_000),
            via: 'cash',
            memberId: 'M1',
          }),
        ]),
      },
      { flags: { reportLate: true, sameIdCardInOtherFund: ['M1'] } },
    );
    expect(w.map((x) => [x.code, x.severity])).toEqual([
      ['duplicate_id_card', 'high'],
      ['cash_over_limit', 'medium'],
      ['report_late', 'low'],
    ]);
  });

  it('defines a name and severity for every code', () => {
    for (const code of WARNING_CODES) expect(WARNING_DEFINITIONS[code].name).not.toBe('');
  });
});

describe('formatPercent', () => {
  it.each([
    [{ numerator: 5_001, denominator: 100_000 }, 'nearest', '5.00%'],
    [{ numerator: 5_001, denominator: 100_000 }, 'up', '5.01%'],
    [{ numerator: 499_999, denominator: 1_000_000 }, 'down', '49.99%'],
    [{ numerator: 499_999, denominator: 1_000_000 }, 'nearest', '50.00%'],
    [{ numerator: 1, denominator: 8 }, 'nearest', '12.50%'],
    [{ numerator: -1, denominator: 3 }, 'nearest', '-33.33%'],
    [{ numerator: 7, denominator: -2 }, 'down', '-350.00%'],
    [{ numerator: 1, denominator: 0 }, 'nearest', '—'],
  ] as const)('%o rounded %s is %s', (value, rounding, text) => {
    expect(formatPercent(value, rounding)).toBe(text);
  });
});

describe('validateWarningThresholds', () => {
  it('accepts the defaults', () => {
    expect(validateWarningThresholds(DEFAULT_WARNING_THRESHOLDS).ok).toBe(true);
  });

  it.each([
    ['overdueRatePercent', 101],
    ['overdueRatePercent', -1],
    ['overdueRatePercent', 5.5],
    ['maxDpdDays', Number.NaN],
    ['topBorrowersPercent', 0],
    ['assemblyIntervalMonths', 0],
  ] as const)('rejects %s = %s, naming the field', (field, value) => {
    const result = validateWarningThresholds({ ...DEFAULT_WARNING_THRESHOLDS, [field]: value });
    expect(result).toMatchObject({
      ok: false,
      code: 'warning_threshold_out_of_range',
      details: { field },
    });
  });

  it('rejects a cost coverage minimum with a zero denominator', () => {
    const result = validateWarningThresholds({
      ...DEFAULT_WARNING_THRESHOLDS,
      costCoverageMin: { numerator: 1, denominator: 0 },
    });
    expect(result).toMatchObject({ ok: false, details: { field: 'costCoverageMin' } });
  });

  it('rejects an idle line above the no-liquidity line', () => {
    const result = validateWarningThresholds({
      ...DEFAULT_WARNING_THRESHOLDS,
      idleUtilizationPercent: 96,
    });
    expect(result).toMatchObject({ ok: false, details: { field: 'idleUtilizationPercent' } });
  });
});
