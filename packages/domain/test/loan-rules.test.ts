import { describe, expect, it } from 'vitest';
import { isoDate } from '../src/calendar/iso-date.js';
import { DEFAULT_BYLAWS } from '../src/fund/bylaws.js';
import {
  agingBucket,
  agingSummary,
  applicationQueueOrder,
  checkLoanApplication,
  checkLoanDisbursement,
  daysPastDue,
  transition,
  type LoanApplicationContext,
  type LoanStatus,
} from '../src/loans/index.js';
import { fen } from '../src/money/fen.js';

const d = isoDate;

describe('aging', () => {
  it('is not overdue on the due date itself, one day past due the day after', () => {
    const loan = { dueOn: d('2025-09-01'), principalUnpaidFen: fen(100) };
    expect(daysPastDue(loan, d('2025-09-01'))).toBe(0);
    expect(daysPastDue(loan, d('2025-09-02'))).toBe(1);
    expect(daysPastDue(loan, d('2025-08-01'))).toBe(0);
    expect(daysPastDue({ ...loan, principalUnpaidFen: fen(0) }, d('2026-09-02'))).toBe(0);
  });

  it.each([
    [0, 'current'],
    [1, 'dpd_1_30'],
    [30, 'dpd_1_30'],
    [31, 'dpd_31_90'],
    [90, 'dpd_31_90'],
    [91, 'dpd_91_180'],
    [180, 'dpd_91_180'],
    [181, 'dpd_181_365'],
    [365, 'dpd_181_365'],
    [366, 'dpd_over_365'],
  ] as const)('DPD %i is %s', (dpd, bucket) => {
    expect(agingBucket(dpd)).toBe(bucket);
  });

  it('summarises unpaid principal by bucket', () => {
    const summary = agingSummary(
      [
        { dueOn: d('2025-12-31'), principalUnpaidFen: fen(500_000) },
        { dueOn: d('2025-12-01'), principalUnpaidFen: fen(300_000) },
        { dueOn: d('2025-11-01'), principalUnpaidFen: fen(200_000) },
        { dueOn: d('2025-11-01'), principalUnpaidFen: fen(0) },
      ],
      d('2025-12-31'),
    );
    expect(summary.map((r) => [r.bucket, r.loanCount, r.principalUnpaidFen])).toEqual([
      ['current', 1, 500_000],
      ['dpd_1_30', 1, 300_000],
      ['dpd_31_90', 1, 200_000],
      ['dpd_91_180', 0, 0],
      ['dpd_181_365', 0, 0],
      ['dpd_over_365', 0, 0],
    ]);
  });
});

const goodApplication: LoanApplicationContext = {
  bylaws: DEFAULT_BYLAWS,
  borrower: {
    isActiveMember: true,
    outstandingLoanCount: 0,
    overdueLoanCount: 0,
    guaranteesOutstandingLoan: false,
    hasHadLoan: false,
  },
  groupCurrentBorrowerCount: 1,
  loan: { purpose: '养殖', amountFen: fen(500_000), termMonths: 12 },
};

describe('loan application checks', () => {
  it('passes a first loan of 5000元 for 12 months to raise pigs', () => {
    expect(checkLoanApplication(goodApplication)).toEqual([]);
  });

  it('lists every failure at once', () => {
    const codes = checkLoanApplication({
      ...goodApplication,
      borrower: {
        isActiveMember: false,
        outstandingLoanCount: 1,
        overdueLoanCount: 1,
        guaranteesOutstandingLoan: true,
        hasHadLoan: false,
      },
      groupCurrentBorrowerCount: 2,
      loan: { purpose: '建房', amountFen: fen(500_001), termMonths: 13 },
    }).map((f) => f.code);
    expect(codes).toEqual([
      'borrower_not_active_member',
      'purpose_not_productive',
      'loan_amount_exceeds_limit',
      'loan_term_exceeds_limit',
      'borrower_has_outstanding_loan',
      'borrower_is_guarantor',
      'group_concurrent_borrowers_exceeded',
      'borrower_has_overdue_loan',
    ]);
  });

  it('allows 10000元 for a later loan but not 10000.01元', () => {
    const later = { ...goodApplication.borrower, hasHadLoan: true };
    const at = (amount: number) =>
      checkLoanApplication({
        ...goodApplication,
        borrower: later,
        loan: { ...goodApplication.loan, amountFen: fen(amount) },
      }).map((f) => f.code);
    expect(at(1_000_000)).toEqual([]);
    expect(at(1_000_001)).toEqual(['loan_amount_exceeds_limit']);
  });
});

describe('disbursement checks', () => {
  const ready = {
    ...goodApplication,
    status: 'contracted' as LoanStatus,
    publicNoticeStartedOn: d('2025-11-03'),
    today: d('2025-11-06'),
    availableFundsFen: fen(500_000),
  };

  it('allows disbursement the day after a 3-day notice ends, within cash + bank', () => {
    expect(checkLoanDisbursement(ready)).toEqual([]);
  });

  it('refuses during the notice, before approval, and beyond available funds', () => {
    const codes = checkLoanDisbursement({
      ...ready,
      status: 'board_approved',
      today: d('2025-11-05'),
      availableFundsFen: fen(499_999),
    }).map((f) => f.code);
    expect(codes).toEqual(['loan_not_approved', 'public_notice_not_ended', 'insufficient_funds']);
    expect(
      checkLoanDisbursement({ ...ready, publicNoticeStartedOn: null }).map((f) => f.code),
    ).toEqual(['public_notice_not_ended']);
  });
});

describe('loan lifecycle', () => {
  it('walks the happy path from application to settlement', () => {
    let status: LoanStatus = 'applied';
    for (const kind of [
      'group_review',
      'board_approve',
      'supervisor_review',
      'publicize',
      'sign_contract',
      'disburse',
      'settle',
    ] as const) {
      const next = transition(status, { kind });
      if (!next.ok) throw new Error(next.code);
      status = next.value;
    }
    expect(status).toBe('settled');
  });

  it('refuses skipping a step', () => {
    expect(transition('applied', { kind: 'board_approve' })).toMatchObject({
      code: 'loan_invalid_transition',
    });
    expect(transition('publicized', { kind: 'disburse' })).toMatchObject({
      code: 'loan_invalid_transition',
    });
  });

  it('rejects only with a reason and only before disbursement', () => {
    expect(transition('board_approved', { kind: 'reject', reason: '用途不明' })).toEqual({
      ok: true,
      value: 'rejected',
    });
    expect(transition('board_approved', { kind: 'reject', reason: ' ' })).toMatchObject({
      code: 'rejection_needs_reason',
    });
    expect(transition('disbursed', { kind: 'reject', reason: 'x' })).toMatchObject({
      code: 'loan_invalid_transition',
    });
  });

  it('extends once, only on or before the due date', () => {
    const extend = { kind: 'extend', dueOn: d('2025-09-01'), maxExtensions: 1 } as const;
    expect(
      transition('disbursed', { ...extend, approvedOn: d('2025-09-01'), extensionCount: 0 }),
    ).toEqual({ ok: true, value: 'extended' });
    expect(
      transition('disbursed', { ...extend, approvedOn: d('2025-09-02'), extensionCount: 0 }),
    ).toMatchObject({ code: 'extension_after_due_date' });
    expect(
      transition('extended', { ...extend, approvedOn: d('2025-08-02'), extensionCount: 1 }),
    ).toMatchObject({ code: 'loan_already_extended' });
  });

  it('writes off only with an assembly resolution', () => {
    expect(
      transition('extended', { kind: 'write_off', resolutionRef: '2025年会员大会第3号决议' }),
    ).toEqual({
      ok: true,
      value: 'written_off',
    });
    expect(transition('disbursed', { kind: 'write_off', resolutionRef: '' })).toMatchObject({
      code: 'write_off_needs_resolution',
    });
  });
});

describe('application queue', () => {
  it('puts poor households first, then earlier applications', () => {
    const ordered = applicationQueueOrder([
      { applicationId: 'a1', category: 'ordinary', appliedOn: d('2025-03-01') },
      { applicationId: 'a2', category: 'poor', appliedOn: d('2025-03-05') },
      { applicationId: 'a3', category: 'poor', appliedOn: d('2025-03-02') },
      { applicationId: 'a4', category: 'ordinary', appliedOn: d('2025-02-27') },
    ]);
    expect(ordered.map((a) => a.applicationId)).toEqual(['a3', 'a2', 'a4', 'a1']);
  });
});
