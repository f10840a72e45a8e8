import { sql, type Kysely, type Transaction } from 'kysely';
import {
  amountOwedOn,
  daysPastDue,
  fen,
  oldestUnpaidDueOn,
  type IsoDate,
  type LoanState,
} from '@huzhu/domain';
import type { Database } from '../../db/schema.js';
import { toSafeInt } from '../../db/connect.js';
import type { Actor } from '../actor.js';
import { notFound } from '../errors.js';
import { fundInScope, unwrap } from './context.js';
import { pageTotal } from '../paging.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Statuses of a disbursed loan with principal still owed. */
export const REPAYING_STATUSES = ['disbursed', 'extended'] as const;

export function loanStateOf(state: unknown): LoanState | null {
  return state === null || state === undefined ? null : (state as LoanState);
}

/** Days past due of a loan state as of a date (oldest unpaid instalment; 0 when none unpaid). */
export function dpdOf(state: LoanState, asOf: IsoDate): number {
  return daysPastDue(
    { dueOn: oldestUnpaidDueOn(state), principalUnpaidFen: state.principalFen },
    asOf,
  );
}

/** What a member owes or guarantees on a date: for exit and for the §6 borrowing checks. */
export async function amountOwedForMember(trx: Db, fundId: number, memberId: number, on: IsoDate) {
  const own = await trx
    .selectFrom('loan')
    .select(['id', 'state'])
    .where('fund_id', '=', fundId)
    .where('member_id', '=', memberId)
    .where('status', 'in', REPAYING_STATUSES)
    .execute();
  let unpaidFeeFen = 0;
  let overdueLoanCount = 0;
  for (const loan of own) {
    const state = loanStateOf(loan.state);
    if (state === null) continue;
    const owed = amountOwedOn(state, on < state.lastSettledOn ? state.lastSettledOn : on);
    if (owed.ok) unpaidFeeFen += owed.value.normalFeeFen + owed.value.overdueFeeFen;
    if (dpdOf(state, on) > 0) overdueLoanCount += 1;
  }
  const guaranteed = await trx
    .selectFrom('loan')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('fund_id', '=', fundId)
    .where('status', 'in', REPAYING_STATUSES)
    .where((eb) =>
      eb.or([eb('guarantor1_member_id', '=', memberId), eb('guarantor2_member_id', '=', memberId)]),
    )
    .executeTakeFirstOrThrow();
  const everBorrowed = await trx
    .selectFrom('loan')
    .select('id')
    .where('member_id', '=', memberId)
    .where('disbursed_on', 'is not', null)
    .limit(1)
    .executeTakeFirst();
  return {
    outstandingLoanCount: own.length,
    overdueLoanCount,
    unpaidFeeFen,
    guaranteedOutstandingLoanCount: guaranteed.n,
    hasHadLoan: everBorrowed !== undefined,
  };
}

/** Members of the borrower's joint-liability group, other than the borrower, now repaying a loan. */
export async function groupBorrowerCount(
  trx: Db,
  groupId: number | null,
  exceptMemberId: number,
): Promise<number> {
  if (groupId === null) return 0;
  const row = await trx
    .selectFrom('joint_group_member as gm')
    .innerJoin('loan as l', 'l.member_id', 'gm.member_id')
    .select(sql<number>`count(DISTINCT gm.member_id)::int`.as('n'))
    .where('gm.group_id', '=', groupId)
    .where('gm.left_on', 'is', null)
    .where('gm.member_id', '<>', exceptMemberId)
    .where('l.status', 'in', REPAYING_STATUSES)
    .executeTakeFirstOrThrow();
  return row.n;
}

function loanSelect(db: Db, fundId: number) {
  return db
    .selectFrom('loan as l')
    .innerJoin('member as m', 'm.id', 'l.member_id')
    .leftJoin('joint_group as g', 'g.id', 'l.group_id')
    .select([
      'l.id',
      'l.loan_no',
      'l.member_id',
      'm.head_name',
      'l.borrower_poor',
      'l.amount_fen',
      'l.term_months',
      'l.instalments',
      'l.purpose',
      'l.purpose_detail',
      'l.applied_on',
      'l.status',
      'l.disbursed_on',
      'l.due_on',
      'l.original_due_on',
      'l.principal_outstanding_fen',
      'l.settled_on',
      'l.notice_from',
      'l.notice_until',
      'l.contract_no',
      'l.disbursement_method',
      'l.written_off_on',
      'l.write_off_resolution',
      'l.guarantor1_member_id',
      'l.guarantor2_member_id',
      'l.state',
      'g.name as group_name',
    ])
    .where('l.fund_id', '=', fundId);
}

type LoanRow = Awaited<ReturnType<ReturnType<typeof loanSelect>['executeTakeFirstOrThrow']>>;

function toSummary(row: LoanRow) {
  return {
    id: row.id,
    loanNo: row.loan_no,
    memberId: row.member_id,
    borrowerName: row.head_name,
    borrowerPoor: row.borrower_poor,
    amountFen: toSafeInt(row.amount_fen),
    termMonths: row.term_months,
    purpose: row.purpose,
    appliedOn: row.applied_on,
    status: row.status as 'applied',
    disbursedOn: row.disbursed_on,
    dueOn: row.due_on,
    principalOutstandingFen: toSafeInt(row.principal_outstanding_fen),
    settledOn: row.settled_on,
  };
}

export async function listLoans(
  db: Kysely<Database>,
  actor: Actor,
  fundId: number,
  query: {
    status?: string | undefined;
    memberId?: number | undefined;
    outstanding?: 'true' | 'false' | undefined;
    page: number;
    pageSize: number;
  },
) {
  const fund = await fundInScope(db, actor, fundId);
  let base = loanSelect(db, fund.id);
  if (query.status !== undefined) base = base.where('l.status', '=', query.status);
  if (query.memberId !== undefined) base = base.where('l.member_id', '=', query.memberId);
  if (query.outstanding === 'true') base = base.where('l.status', 'in', REPAYING_STATUSES);
  // Poor members' applications first (DOMAIN §6 queue order), then by date and number.
  const rows = await base
    .select(sql<number>`(count(*) OVER ())::int`.as('total'))
    .orderBy(
      sql`CASE WHEN l.status = 'applied' AND l.borrower_poor THEN 0 WHEN l.status = 'applied' THEN 1 ELSE 2 END`,
    )
    .orderBy('l.applied_on', 'desc')
    .orderBy('l.loan_no', 'desc')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return { items: rows.map(toSummary), total: await pageTotal(base, rows) };
}

export async function getLoan(db: Db, actor: Actor, fundId: number, loanId: number) {
  const fund = await fundInScope(db, actor, fundId);
  const row = await loanSelect(db, fund.id).where('l.id', '=', loanId).executeTakeFirst();
  if (row === undefined) throw notFound('loan');
  const state = loanStateOf(row.state);
  const guarantorIds = [row.guarantor1_member_id, row.guarantor2_member_id].filter(
    (id): id is number => id !== null,
  );
  const guarantors =
    guarantorIds.length === 0
      ? []
      : await db
          .selectFrom('member')
          .select(['id', 'head_name'])
          .where('id', 'in', guarantorIds)
          .execute();
  const steps = await db
    .selectFrom('loan_step')
    .selectAll()
    .where('loan_id', '=', loanId)
    .orderBy('id')
    .execute();
  const repayments = await db
    .selectFrom('repayment')
    .selectAll()
    .where('loan_id', '=', loanId)
    .orderBy('id')
    .execute();
  return {
    ...toSummary(row),
    purposeDetail: row.purpose_detail,
    instalments: row.instalments,
    groupName: row.group_name,
    guarantors: guarantorIds.map((id) => ({
      memberId: id,
      headName: guarantors.find((g) => g.id === id)?.head_name ?? '',
    })),
    noticeFrom: row.notice_from,
    noticeUntil: row.notice_until,
    contractNo: row.contract_no,
    disbursementMethod: row.disbursement_method,
    originalDueOn: row.original_due_on,
    writtenOffOn: row.written_off_on,
    writeOffResolution: row.write_off_resolution,
    feeRateBpPerYear: state?.terms.rateBpPerYear ?? null,
    owedNormalFeeFen: state?.owedNormalFeeFen ?? 0,
    owedOverdueFeeFen: state?.owedOverdueFeeFen ?? 0,
    schedule: (state?.schedule ?? []).map((i) => ({
      dueOn: i.dueOn,
      principalFen: i.principalFen,
    })),
    steps: steps.map((s) => ({
      step: s.step,
      decision: s.decision,
      onDate: s.on_date,
      actorName: s.actor_name,
      reason: s.reason,
      recordedAt: s.recorded_at.toISOString(),
    })),
    repayments: repayments.map((r) => ({
      id: r.id,
      onDate: r.on_date,
      amountFen: toSafeInt(r.amount_fen),
      principalFen: toSafeInt(r.principal_fen),
      normalFeeFen: toSafeInt(r.normal_fee_fen),
      overdueFeeFen: toSafeInt(r.overdue_fee_fen),
      method: r.method,
      voucherId: toSafeInt(r.voucher_id),
    })),
  };
}

/** 还款试算: what settles the loan on a date (fee for the days used, overdue fee after due). */
export async function quoteLoan(db: Db, actor: Actor, fundId: number, loanId: number, on: IsoDate) {
  const fund = await fundInScope(db, actor, fundId);
  const row = await db
    .selectFrom('loan')
    .select(['state'])
    .where('id', '=', loanId)
    .where('fund_id', '=', fund.id)
    .executeTakeFirst();
  if (row === undefined) throw notFound('loan');
  const state = loanStateOf(row.state);
  if (state === null)
    return { on, principalFen: 0, normalFeeFen: 0, overdueFeeFen: 0, totalFen: 0, daysPastDue: 0 };
  const owed = unwrap(amountOwedOn(state, on));
  return {
    on,
    principalFen: owed.principalFen,
    normalFeeFen: owed.normalFeeFen,
    overdueFeeFen: owed.overdueFeeFen,
    totalFen: fen(owed.totalFen),
    daysPastDue: dpdOf(state, on),
  };
}
