import { sql, type Kysely, type Transaction } from 'kysely';
import {
  applyRepayment,
  checkLoanApplication,
  checkLoanDisbursement,
  dueDateAfterMonths,
  equalPrincipalSchedule,
  extendLoan as extendState,
  fail,
  feeTermsFromBylaws,
  fen,
  loanDisbursement,
  loanRepayment,
  loanWriteOff,
  lumpSumSchedule,
  openLoan,
  publicNoticeLastDay,
  transition,
  type Failure,
  type IsoDate,
  type LoanAction,
  type LoanStatus,
} from '@huzhu/domain';
import type { Database } from '../../db/schema.js';
import { toSafeInt } from '../../db/connect.js';
import { lockFund, netDebitBalances } from '../../db/repositories/ledger.js';
import { requirePermission, type Actor, type Permission } from '../actor.js';
import { AppError, notFound } from '../errors.js';
import { bylawsOn } from './bylaws-store.js';
import {
  auditFund,
  businessDate,
  calendarDate,
  fundInScope,
  unwrap,
  voucherNo,
  type FundRef,
} from './context.js';
import { refuseIfAny } from './loan-checks.js';
import { amountOwedForMember, groupBorrowerCount, loanStateOf } from './loan-queries.js';
import { post } from './posting.js';
import { fundCommand } from './fund-command.js';

type Trx = Transaction<Database>;

async function memberGroup(trx: Trx, memberId: number): Promise<number | null> {
  const row = await trx
    .selectFrom('joint_group_member')
    .select('group_id')
    .where('member_id', '=', memberId)
    .where('left_on', 'is', null)
    .executeTakeFirst();
  return row?.group_id ?? null;
}

/** The §6 context of a borrower as of a date, prefetched for the pure checks. */
async function borrowerContext(trx: Trx, fund: FundRef, memberId: number, on: IsoDate) {
  const member = await trx
    .selectFrom('member')
    .selectAll()
    .where('id', '=', memberId)
    .where('fund_id', '=', fund.id)
    .executeTakeFirst();
  if (member === undefined) throw notFound('member');
  const owed = await amountOwedForMember(trx, fund.id, memberId, on);
  const groupId = await memberGroup(trx, memberId);
  return {
    member,
    groupId,
    borrower: {
      isActiveMember:
        member.joined_on <= on && (member.exited_on === null || member.exited_on > on),
      outstandingLoanCount: owed.outstandingLoanCount,
      overdueLoanCount: owed.overdueLoanCount,
      guaranteesOutstandingLoan: owed.guaranteedOutstandingLoanCount > 0,
      hasHadLoan: owed.hasHadLoan,
    },
    groupCurrentBorrowerCount: await groupBorrowerCount(trx, groupId, memberId),
  };
}

export interface ApplyInput {
  requestId: string;
  memberId: number;
  amountFen: number;
  termMonths: number;
  instalments: number;
  purpose: string;
  purposeDetail?: string | undefined;
  appliedOn: string;
}

/** 借款申请: every check of §6 at application; all broken rules are listed. */
export async function applyForLoan(
  db: Kysely<Database>,
  actor: Actor,
  fundId: number,
  input: ApplyInput,
  now: Date,
): Promise<number> {
  return fundCommand(
    db,
    actor,
    fundId,
    {
      permission: 'books.write',
      requestId: input.requestId,
      command: 'loan.apply',
      payload: { fundId, ...input },
    },
    async (trx, fund) => {
      const on = businessDate(input.appliedOn, now, 'appliedOn');
      const bylaws = await bylawsOn(trx, fund.id, on);
      const context = await borrowerContext(trx, fund, input.memberId, on);
      const failures: Failure[] = [
        ...checkLoanApplication({
          bylaws,
          borrower: context.borrower,
          groupCurrentBorrowerCount: context.groupCurrentBorrowerCount,
          loan: {
            purpose: input.purpose,
            amountFen: fen(input.amountFen),
            termMonths: input.termMonths,
          },
        }),
      ];
      if (context.groupId === null) failures.push(fail('borrower_no_group'));
      if (input.termMonths % input.instalments !== 0)
        failures.push(
          fail('schedule_instalments_invalid', {
            termMonths: input.termMonths,
            instalments: input.instalments,
          }),
        );
      refuseIfAny(failures);
      const next = await trx
        .selectFrom('loan')
        .select(sql<number>`coalesce(max(loan_no), 0)::int + 1`.as('n'))
        .where('fund_id', '=', fund.id)
        .executeTakeFirstOrThrow();
      const { id } = await trx
        .insertInto('loan')
        .values({
          fund_id: fund.id,
          loan_no: next.n,
          member_id: input.memberId,
          group_id: context.groupId,
          purpose: input.purpose,
          purpose_detail: input.purposeDetail ?? null,
          amount_fen: input.amountFen,
          term_months: input.termMonths,
          instalments: input.instalments,
          applied_on: on,
          borrower_poor: context.member.category === 'poor',
          first_loan: !context.borrower.hasHadLoan,
          status: 'applied',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordStep(trx, actor, id, 'apply', 'done', on, null);
      await auditFund(trx, actor, fund, {
        command: 'loan.apply',
        entities: [
          { type: 'loan', id: String(id) },
          { type: 'member', id: String(input.memberId) },
        ],
        details: { amountFen: input.amountFen },
      });
      return id;
    },
  );
}

async function recordStep(
  trx: Trx,
  actor: Actor,
  loanId: number,
  step: string,
  decision: 'approved' | 'rejected' | 'done',
  on: IsoDate,
  reason: string | null,
  details: Record<string, unknown> = {},
) {
  const user =
    actor.userId > 0
      ? await trx
          .selectFrom('app_user')
          .select('display_name')
          .where('id', '=', actor.userId)
          .executeTakeFirst()
      : undefined;
  await trx
    .insertInto('loan_step')
    .values({
      loan_id: loanId,
      step,
      decision,
      on_date: on,
      actor_id: actor.userId > 0 ? actor.userId : null,
      actor_name: user?.display_name ?? actor.username,
      reason,
      details: JSON.stringify(details),
    })
    .execute();
}

async function lockedLoan(trx: Trx, fund: FundRef, loanId: number) {
  const loan = await trx
    .selectFrom('loan')
    .selectAll()
    .where('id', '=', loanId)
    .where('fund_id', '=', fund.id)
    .forUpdate()
    .executeTakeFirst();
  if (loan === undefined) throw notFound('loan');
  return loan;
}

async function lastStepDate(trx: Trx, loanId: number): Promise<string> {
  const row = await trx
    .selectFrom('loan_step')
    .select((eb) => eb.fn.max('on_date').as('d'))
    .where('loan_id', '=', loanId)
    .executeTakeFirst();
  return row?.d ?? '0000-00-00';
}

export type StepInput =
  | {
      action: 'group_review';
      on: string;
      guarantor1MemberId: number;
      guarantor2MemberId: number;
      reason?: string | undefined;
    }
  | { action: 'board_approve'; on: string; reason?: string | undefined }
  | { action: 'supervisor_review'; on: string; reason?: string | undefined }
  | { action: 'publicize'; on: string }
  | { action: 'contract'; on: string; contractNo: string }
  | { action: 'reject'; on: string; reason: string };

const STEP_PERMISSION: Record<StepInput['action'], readonly Permission[]> = {
  group_review: ['books.write'],
  board_approve: ['loans.approve'],
  supervisor_review: ['loans.review'],
  publicize: ['books.write'],
  contract: ['books.write'],
  reject: ['loans.approve', 'loans.review'],
};

/**
 * One approval step: 联保小组意见 (names the two substitute payers) → 理事会审批 → 监事会审查 →
 * 公示 → 签合同, or 驳回 with a reason. Each is recorded with who, when, decision and reason.
 */
export async function recordLoanStep(
  db: Kysely<Database>,
  actor: Actor,
  fundId: number,
  loanId: number,
  input: StepInput,
  now: Date,
) {
  await db.transaction().execute(async (trx) => {
    const fund = await fundInScope(trx, actor, fundId);
    const allowed = STEP_PERMISSION[input.action];
    if (!allowed.some((p) => requirePermissionSafe(actor, p)))
      requirePermission(actor, allowed[0] ?? 'books.write');
    await lockFund(trx, fund.id);
    const loan = await lockedLoan(trx, fund, loanId);
    const on = businessDate(input.on, now);
    if (on < (await lastStepDate(trx, loanId)))
      throw new AppError('step_date_out_of_order', { on });
    const action: LoanAction =
      input.action === 'contract'
        ? { kind: 'sign_contract' }
        : input.action === 'reject'
          ? { kind: 'reject', reason: input.reason }
          : { kind: input.action };
    const status = unwrap(transition(loan.status as LoanStatus, action));
    const changes: Partial<Record<string, unknown>> = { status };
    if (input.action === 'group_review') {
      const g1 = input.guarantor1MemberId;
      const g2 = input.guarantor2MemberId;
      const group = await trx
        .selectFrom('joint_group_member')
        .select('member_id')
        .where('group_id', '=', loan.group_id ?? -1)
        .where('left_on', 'is', null)
        .execute();
      const inGroup = new Set(group.map((g) => g.member_id));
      if (
        g1 === g2 ||
        g1 === loan.member_id ||
        g2 === loan.member_id ||
        !inGroup.has(g1) ||
        !inGroup.has(g2)
      ) {
        throw new AppError('guarantor_invalid', { guarantor1MemberId: g1, guarantor2MemberId: g2 });
      }
      changes.guarantor1_member_id = g1;
      changes.guarantor2_member_id = g2;
    }
    if (input.action === 'publicize') {
      const bylaws = await bylawsOn(trx, fund.id, on);
      changes.notice_from = on;
      changes.notice_until = publicNoticeLastDay(on, bylaws.publicNoticeDays);
    }
    if (input.action === 'contract') {
      changes.contract_no = input.contractNo;
      changes.contracted_on = on;
    }
    await trx.updateTable('loan').set(changes).where('id', '=', loanId).execute();
    const reason = 'reason' in input ? (input.reason ?? null) : null;
    await recordStep(
      trx,
      actor,
      loanId,
      input.action,
      input.action === 'reject' ? 'rejected' : 'approved',
      on,
      reason,
      input.action === 'contract' ? { contractNo: input.contractNo } : {},
    );
    await auditFund(trx, actor, fund, {
      command: `loan.${input.action}`,
      entities: [{ type: 'loan', id: String(loanId) }],
      details: { on, status },
    });
  });
}

function requirePermissionSafe(actor: Actor, permission: Permission): boolean {
  try {
    requirePermission(actor, permission);
    return true;
  } catch {
    return false;
  }
}

/** 放款: the §6 checks again, then Dr 1121 (loan), Cr cash/bank; the fee terms are fixed now. */
export async function disburseLoan(
  db: Kysely<Database>,
  actor: Actor,
  fundId: number,
  loanId: number,
  input: { requestId: string; on: string; method: 'cash' | 'bank' },
  now: Date,
) {
  return fundCommand(
    db,
    actor,
    fundId,
    {
      permission: 'books.write',
      requestId: input.requestId,
      command: 'loan.disburse',
      payload: { fundId, loanId, ...input },
    },
    async (trx, fund) => {
      const loan = await lockedLoan(trx, fund, loanId);
      const on = businessDate(input.on, now);
      const bylaws = await bylawsOn(trx, fund.id, on);
      const context = await borrowerContext(trx, fund, loan.member_id, on);
      const balances = await netDebitBalances(trx, fund.id, ['1001', '1002']);
      const amountFen = fen(toSafeInt(loan.amount_fen));
      refuseIfAny(
        checkLoanDisbursement({
          bylaws,
          borrower: context.borrower,
          groupCurrentBorrowerCount: context.groupCurrentBorrowerCount,
          loan: { purpose: loan.purpose, amountFen, termMonths: loan.term_months },
          status: loan.status as LoanStatus,
          publicNoticeStartedOn: loan.notice_from as IsoDate | null,
          today: on,
          availableFundsFen: fen((balances.get('1001') ?? 0) + (balances.get('1002') ?? 0)),
        }),
      );
      if (loan.contracted_on !== null && on < loan.contracted_on)
        throw new AppError('step_date_out_of_order', { on });
      const schedule =
        loan.instalments <= 1
          ? lumpSumSchedule(amountFen, dueDateAfterMonths(on, loan.term_months))
          : unwrap(equalPrincipalSchedule(amountFen, on, loan.term_months, loan.instalments));
      const state = openLoan({
        principalFen: amountFen,
        disbursedOn: on,
        schedule,
        terms: feeTermsFromBylaws(bylaws),
      });
      const status = unwrap(transition(loan.status as LoanStatus, { kind: 'disburse' }));
      const posted = await post(
        trx,
        fund,
        loanDisbursement({
          on,
          amountFen,
          via: input.method,
          loanId: String(loanId),
          memo: `发放借款 第${loan.loan_no}号`,
        }),
        actor,
      );
      await trx
        .updateTable('loan')
        .set({
          status,
          disbursed_on: on,
          disbursement_method: input.method,
          due_on: state.dueOn,
          original_due_on: state.dueOn,
          principal_outstanding_fen: amountFen,
          state: JSON.stringify(state),
        })
        .where('id', '=', loanId)
        .execute();
      await recordStep(trx, actor, loanId, 'disburse', 'done', on, null, {
        voucherId: posted.id,
      });
      await auditFund(trx, actor, fund, {
        command: 'loan.disburse',
        entities: [
          { type: 'loan', id: String(loanId) },
          { type: 'voucher', id: String(posted.id) },
        ],
        details: { amountFen, on },
      });
      return { voucherId: posted.id, voucherNo: voucherNo(posted.period, posted.number) };
    },
  );
}

/** 还款: fee and overdue fee accrued to the date, then overdue fee, fee, principal in that order. */
export async function repayLoan(
  db: Kysely<Database>,
  actor: Actor,
  fundId: number,
  loanId: number,
  input: { requestId: string; on: string; amountFen: number; method: 'cash' | 'bank' },
  now: Date,
) {
  return fundCommand(
    db,
    actor,
    fundId,
    {
      permission: 'books.write',
      requestId: input.requestId,
      command: 'loan.repay',
      payload: { fundId, loanId, ...input },
    },
    async (trx, fund) => {
      const loan = await lockedLoan(trx, fund, loanId);
      const state = loanStateOf(loan.state);
      if (state === null) throw new AppError('loan_not_disbursed', { status: loan.status });
      if (loan.status === 'settled') throw new AppError('loan_already_settled');
      if (loan.status === 'written_off')
        throw new AppError('loan_invalid_transition', { status: loan.status });
      const on = businessDate(input.on, now);
      const outcome = unwrap(applyRepayment(state, { on, amountFen: fen(input.amountFen) }));
      const posted = await post(
        trx,
        fund,
        loanRepayment({
          on,
          loanId: String(loanId),
          via: input.method,
          allocation: outcome.allocation,
          memo: `收回借款 第${loan.loan_no}号`,
        }),
        actor,
      );
      const settled = outcome.state.status === 'settled';
      await trx
        .insertInto('repayment')
        .values({
          loan_id: loanId,
          fund_id: fund.id,
          on_date: on,
          amount_fen: input.amountFen,
          principal_fen: outcome.allocation.principalFen,
          normal_fee_fen: outcome.allocation.normalFeeFen,
          overdue_fee_fen: outcome.allocation.overdueFeeFen,
          method: input.method,
          voucher_id: posted.id,
        })
        .execute();
      await trx
        .updateTable('loan')
        .set({
          state: JSON.stringify(outcome.state),
          principal_outstanding_fen: outcome.state.principalFen,
          ...(settled
            ? {
                status: unwrap(transition(loan.status as LoanStatus, { kind: 'settle' })),
                settled_on: on,
              }
            : {}),
        })
        .where('id', '=', loanId)
        .execute();
      await auditFund(trx, actor, fund, {
        command: 'loan.repay',
        entities: [
          { type: 'loan', id: String(loanId) },
          { type: 'voucher', id: String(posted.id) },
        ],
        details: { amountFen: input.amountFen, on },
      });
      return {
        voucherId: posted.id,
        voucherNo: voucherNo(posted.period, posted.number),
        principalFen: outcome.allocation.principalFen,
        normalFeeFen: outcome.allocation.normalFeeFen,
        overdueFeeFen: outcome.allocation.overdueFeeFen,
        principalOutstandingFen: outcome.state.principalFen,
        settled,
      };
    },
  );
}

/** 展期: once, approved by the board before the due date; fee runs at the normal rate to the new date. */
export async function extendLoan(
  db: Kysely<Database>,
  actor: Actor,
  fundId: number,
  loanId: number,
  input: { approvedOn: string; newDueOn: string; reason: string },
  now: Date,
) {
  await db.transaction().execute(async (trx) => {
    const fund = await fundInScope(trx, actor, fundId);
    requirePermission(actor, 'loans.approve');
    await lockFund(trx, fund.id);
    const loan = await lockedLoan(trx, fund, loanId);
    const state = loanStateOf(loan.state);
    if (state === null) throw new AppError('loan_not_disbursed', { status: loan.status });
    const approvedOn = businessDate(input.approvedOn, now, 'approvedOn');
    const newDueOn = calendarDate(input.newDueOn, 'newDueOn');
    const bylaws = await bylawsOn(trx, fund.id, approvedOn);
    const status = unwrap(
      transition(loan.status as LoanStatus, {
        kind: 'extend',
        approvedOn,
        dueOn: state.dueOn,
        extensionCount: state.extensionCount,
        maxExtensions: bylaws.maxExtensions,
      }),
    );
    const extended = unwrap(
      extendState(state, { approvedOn, newDueOn, maxExtensions: bylaws.maxExtensions }),
    );
    await trx
      .updateTable('loan')
      .set({ status, due_on: extended.dueOn, state: JSON.stringify(extended) })
      .where('id', '=', loanId)
      .execute();
    await recordStep(trx, actor, loanId, 'extend', 'approved', approvedOn, input.reason, {
      newDueOn,
      previousDueOn: state.dueOn,
    });
    await auditFund(trx, actor, fund, {
      command: 'loan.extend',
      entities: [{ type: 'loan', id: String(loanId) }],
      details: { newDueOn },
    });
  });
}

/** 核销: with a 会员大会 resolution; Dr 310103 up to its balance, Dr 5401 the rest, Cr 1121 (loan). */
export async function writeOffLoan(
  db: Kysely<Database>,
  actor: Actor,
  fundId: number,
  loanId: number,
  input: { requestId: string; on: string; resolutionNo: string; resolutionDate: string },
  now: Date,
) {
  return fundCommand(
    db,
    actor,
    fundId,
    {
      permission: 'books.write',
      requestId: input.requestId,
      command: 'loan.write_off',
      payload: { fundId, loanId, ...input },
    },
    async (trx, fund) => {
      const loan = await lockedLoan(trx, fund, loanId);
      const on = businessDate(input.on, now);
      const resolutionDate = businessDate(input.resolutionDate, now, 'resolutionDate');
      const resolution = `${input.resolutionNo}（${resolutionDate}）`;
      const status = unwrap(
        transition(loan.status as LoanStatus, {
          kind: 'write_off',
          resolutionRef: input.resolutionNo,
        }),
      );
      const principalFen = fen(toSafeInt(loan.principal_outstanding_fen));
      const reserve = await netDebitBalances(trx, fund.id, ['310103']);
      const posted = await post(
        trx,
        fund,
        loanWriteOff({
          on,
          loanId: String(loanId),
          principalFen,
          riskReserveBalanceFen: fen(-(reserve.get('310103') ?? 0)),
          memo: `核销借款 第${loan.loan_no}号 依据${resolution}`,
        }),
        actor,
      );
      await trx
        .updateTable('loan')
        .set({
          status,
          written_off_on: on,
          write_off_resolution: resolution,
          principal_outstanding_fen: 0,
        })
        .where('id', '=', loanId)
        .execute();
      await recordStep(trx, actor, loanId, 'write_off', 'approved', on, resolution, {
        voucherId: posted.id,
        principalFen,
      });
      await auditFund(trx, actor, fund, {
        command: 'loan.write_off',
        entities: [
          { type: 'loan', id: String(loanId) },
          { type: 'voucher', id: String(posted.id) },
        ],
        details: { principalFen, resolution },
      });
      return { voucherId: posted.id, voucherNo: voucherNo(posted.period, posted.number) };
    },
  );
}
