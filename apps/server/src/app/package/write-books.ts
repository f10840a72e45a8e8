import { sql, type Transaction } from 'kysely';
import type { PackageContent } from '@huzhu/contract';
import type { Database } from '../../db/schema.js';
import { sealVouchers } from '../../db/repositories/seals.js';
import { toSafeInt } from '../../db/connect.js';
import { loanPackageId, memberPackageId, voucherPackageId } from './export-fund.js';
import { officerKeys, type BooksPlan } from './fast-forward.js';

type Trx = Transaction<Database>;
type Loan = PackageContent['loans'][number];
type Member = PackageContent['members'][number];
type Voucher = PackageContent['vouchers'][number];

/** Rows per INSERT statement when writing a package. */
const INSERT_CHUNK = 1000;

async function insertChunked<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<void>) {
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
    await insert(rows.slice(start, start + INSERT_CHUNK));
  }
}

function required<T>(map: ReadonlyMap<string, T>, key: string): T {
  const value = map.get(key);
  if (value === undefined) throw new Error(`Invariant violated: package id ${key} not mapped`);
  return value;
}

/**
 * Vouchers in waves: a reversed voucher is written in a wave before its reversal's (or is
 * already in the books).
 */
function reversalWaves(vouchers: readonly Voucher[], known: ReadonlySet<string>): Voucher[][] {
  const done = new Set<string>(known);
  const waves: Voucher[][] = [];
  let pending = [...vouchers];
  while (pending.length > 0) {
    const ready = pending.filter(
      (v) => v.reversesVoucherId === null || done.has(v.reversesVoucherId),
    );
    if (ready.length === 0) throw new Error('Invariant violated: voucher reversal cycle');
    waves.push(ready);
    for (const v of ready) done.add(v.id);
    pending = pending.filter((v) => !done.has(v.id));
  }
  return waves;
}

/** Database ids of the records already in a fund's books, by normalised package id. */
interface IdMaps {
  members: Map<string, number>;
  loans: Map<string, number>;
  vouchers: Map<string, number>;
  groups: Map<string, number>;
  officers: Map<string, number>;
}

async function existingIds(trx: Trx, fundId: number): Promise<IdMaps> {
  const members = await trx
    .selectFrom('member')
    .select(['id', 'member_no'])
    .where('fund_id', '=', fundId)
    .execute();
  const loans = await trx
    .selectFrom('loan')
    .select(['id', 'loan_no'])
    .where('fund_id', '=', fundId)
    .execute();
  const vouchers = await trx
    .selectFrom('voucher')
    .select(['id', 'period', 'number'])
    .where('fund_id', '=', fundId)
    .execute();
  const groups = await trx
    .selectFrom('joint_group')
    .select(['id', 'name'])
    .where('fund_id', '=', fundId)
    .execute();
  const officers = await trx
    .selectFrom('fund_officer as o')
    .innerJoin('member as m', 'm.id', 'o.member_id')
    .select(['o.id', 'm.member_no', 'o.body', 'o.title', 'o.from_on', 'o.to_on'])
    .where('o.fund_id', '=', fundId)
    .orderBy('o.from_on')
    .orderBy('o.id')
    .execute();
  const keys = officerKeys(
    officers.map((o) => ({
      memberId: memberPackageId(o.member_no),
      body: o.body,
      title: o.title,
      fromOn: o.from_on,
      toOn: o.to_on,
    })),
  );
  return {
    members: new Map(members.map((m) => [memberPackageId(m.member_no), m.id])),
    loans: new Map(loans.map((l) => [loanPackageId(l.loan_no), l.id])),
    vouchers: new Map(vouchers.map((v) => [voucherPackageId(v.period, v.number), toSafeInt(v.id)])),
    groups: new Map(groups.map((g) => [`G:${g.name}`, g.id])),
    officers: new Map(officers.map((o, i) => [keys[i] ?? '', o.id])),
  };
}

function memberValues(m: Member) {
  return {
    head_name: m.headName,
    phone: m.phone,
    villager_group: m.villagerGroup,
    household_size: m.householdSize,
    category: m.category,
    dibao: m.dibao,
    wubao: m.wubao,
    exited_on: m.exitedOn,
  };
}

function loanValues(l: Loan, memberId: (id: string) => number, groupId: (id: string) => number) {
  return {
    group_id: l.groupId === null ? null : groupId(l.groupId),
    purpose: l.purpose,
    purpose_detail: l.purposeDetail,
    term_months: l.termMonths,
    instalments: l.instalments,
    borrower_poor: l.borrowerPoor,
    first_loan: l.firstLoan,
    status: l.status,
    guarantor1_member_id: l.guarantor1MemberId === null ? null : memberId(l.guarantor1MemberId),
    guarantor2_member_id: l.guarantor2MemberId === null ? null : memberId(l.guarantor2MemberId),
    notice_from: l.noticeFrom,
    notice_until: l.noticeUntil,
    contract_no: l.contractNo,
    contracted_on: l.contractedOn,
    disbursed_on: l.disbursedOn,
    disbursement_method: l.disbursementMethod,
    due_on: l.dueOn,
    original_due_on: l.originalDueOn,
    settled_on: l.settledOn,
    written_off_on: l.writtenOffOn,
    write_off_resolution: l.writeOffResolution,
    principal_outstanding_fen: l.principalOutstandingFen,
    state: l.state === null ? null : JSON.stringify(l.state),
  };
}

/**
 * Writes a plan from `compareBooks` into a fund's books, inside the caller's transaction (which
 * holds the fund lock): profile and mutable fields updated, new records inserted in dependency
 * order, ids mapped from the normalised package ids to database ids. Voucher numbers,
 * recorded-at times and close times are kept; users are not part of a package (`created_by`,
 * `closed_by`, step actor ids stay empty). Updates that free a unique slot (a member's exit, a
 * group membership ended) come before the inserts that may take it.
 */
export async function applyBooksPlan(
  trx: Trx,
  fundId: number,
  content: PackageContent,
  plan: BooksPlan,
): Promise<void> {
  const ids = await existingIds(trx, fundId);
  const memberId = (id: string): number => required(ids.members, id);
  const groupId = (id: string): number => required(ids.groups, id);
  const loanId = (id: string): number => required(ids.loans, id);
  const voucherId = (id: string): number => required(ids.vouchers, id);

  if (plan.fundProfile) {
    const { fund } = content;
    await trx
      .updateTable('fund')
      .set({
        name: fund.name,
        founded_on: fund.foundedOn,
        registration_no: fund.registration?.no ?? null,
        registered_on: fund.registration?.registeredOn ?? null,
        bank_name: fund.bank?.name ?? null,
        bank_account_no: fund.bank?.accountNo ?? null,
      })
      .where('id', '=', fundId)
      .execute();
  }
  // Parents before sub-accounts: the package lists them by code length.
  for (const account of plan.chartInsert) {
    await trx
      .insertInto('account')
      .values({
        fund_id: fundId,
        code: account.code,
        name: account.name,
        kind: account.kind,
        parent_code: account.parentCode,
      })
      .execute();
  }
  for (const account of plan.chartRename) {
    await trx
      .updateTable('account')
      .set({ name: account.name })
      .where('fund_id', '=', fundId)
      .where('code', '=', account.code)
      .execute();
  }
  if (plan.replaceBylaws)
    await trx.deleteFrom('fund_bylaws').where('fund_id', '=', fundId).execute();
  for (const { effectiveOn, ...params } of plan.bylawsUpsert) {
    await trx
      .insertInto('fund_bylaws')
      .values({ fund_id: fundId, effective_on: effectiveOn, params: JSON.stringify(params) })
      .onConflict((oc) =>
        oc.columns(['fund_id', 'effective_on']).doUpdateSet({ params: JSON.stringify(params) }),
      )
      .execute();
  }
  if (plan.householdUpsert.length > 0) {
    await trx
      .insertInto('fund_household_count')
      .values(
        plan.householdUpsert.map((c) => ({
          fund_id: fundId,
          as_of: c.asOf,
          total_households: c.totalHouseholds,
          poor_households: c.poorHouseholds,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['fund_id', 'as_of']).doUpdateSet({
          total_households: sql.ref('excluded.total_households'),
          poor_households: sql.ref('excluded.poor_households'),
        }),
      )
      .execute();
  }

  // Members: exits first (a household may join again under a new number).
  for (const m of plan.memberUpdate) {
    await trx.updateTable('member').set(memberValues(m)).where('id', '=', memberId(m.id)).execute();
  }
  await insertChunked(plan.memberInsert, async (chunk) => {
    const rows = await trx
      .insertInto('member')
      .values(
        chunk.map((m) => ({
          fund_id: fundId,
          member_no: m.memberNo,
          id_card_no: m.idCardNo,
          joined_on: m.joinedOn,
          ...memberValues(m),
        })),
      )
      .returning(['id', 'member_no'])
      .execute();
    for (const row of rows) ids.members.set(memberPackageId(row.member_no), row.id);
  });
  await insertChunked(plan.categoryUpsert, async (chunk) => {
    await trx
      .insertInto('member_category')
      .values(
        chunk.map(({ memberId: id, record }) => ({
          member_id: memberId(id),
          effective_on: record.effectiveOn,
          category: record.category,
          dibao: record.dibao,
          wubao: record.wubao,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['member_id', 'effective_on']).doUpdateSet({
          category: sql.ref('excluded.category'),
          dibao: sql.ref('excluded.dibao'),
          wubao: sql.ref('excluded.wubao'),
        }),
      )
      .execute();
  });
  for (const { key, toOn } of plan.officerUpdate) {
    await trx
      .updateTable('fund_officer')
      .set({ to_on: toOn })
      .where('id', '=', required(ids.officers, key))
      .execute();
  }
  if (plan.officerInsert.length > 0) {
    await trx
      .insertInto('fund_officer')
      .values(
        plan.officerInsert.map((o) => ({
          fund_id: fundId,
          member_id: memberId(o.memberId),
          body: o.body,
          title: o.title,
          from_on: o.fromOn,
          to_on: o.toOn,
        })),
      )
      .execute();
  }

  // Groups: memberships that ended first (a member is in one group at a time).
  for (const group of plan.groupInsert) {
    const { id } = await trx
      .insertInto('joint_group')
      .values({ fund_id: fundId, name: group.name, formed_on: group.formedOn })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.groups.set(group.id, id);
  }
  for (const { groupId: group, member } of plan.groupMemberUpdate) {
    await trx
      .updateTable('joint_group_member')
      .set({ left_on: member.leftOn })
      .where('group_id', '=', groupId(group))
      .where('member_id', '=', memberId(member.memberId))
      .execute();
  }
  await insertChunked(plan.groupMemberInsert, async (chunk) => {
    await trx
      .insertInto('joint_group_member')
      .values(
        chunk.map(({ groupId: group, member }) => ({
          group_id: groupId(group),
          member_id: memberId(member.memberId),
          joined_on: member.joinedOn,
          left_on: member.leftOn,
        })),
      )
      .execute();
  });

  for (const l of plan.loanUpdate) {
    await trx
      .updateTable('loan')
      .set(loanValues(l, memberId, groupId))
      .where('id', '=', loanId(l.id))
      .execute();
  }
  await insertChunked(plan.loanInsert, async (chunk) => {
    const rows = await trx
      .insertInto('loan')
      .values(
        chunk.map((l) => ({
          fund_id: fundId,
          loan_no: l.loanNo,
          member_id: memberId(l.memberId),
          amount_fen: l.amountFen,
          applied_on: l.appliedOn,
          ...loanValues(l, memberId, groupId),
        })),
      )
      .returning(['id', 'loan_no'])
      .execute();
    for (const row of rows) ids.loans.set(loanPackageId(row.loan_no), row.id);
  });

  for (const wave of reversalWaves(plan.voucherInsert, new Set(ids.vouchers.keys()))) {
    await insertChunked(wave, async (chunk) => {
      const rows = await trx
        .insertInto('voucher')
        .values(
          chunk.map((voucher) => ({
            fund_id: fundId,
            period: voucher.period,
            number: voucher.number,
            date: voucher.date,
            kind: voucher.kind,
            memo: voucher.memo,
            reverses_voucher_id:
              voucher.reversesVoucherId === null ? null : voucherId(voucher.reversesVoucherId),
            created_by: null,
            recorded_at: voucher.recordedAt,
          })),
        )
        .returning(['id', 'period', 'number'])
        .execute();
      for (const row of rows)
        ids.vouchers.set(voucherPackageId(row.period, row.number), toSafeInt(row.id));
    });
  }
  const lines = plan.voucherInsert.flatMap((voucher) =>
    voucher.lines.map((line, index) => ({
      voucher_id: voucherId(voucher.id),
      line_no: index + 1,
      fund_id: fundId,
      account_code: line.accountCode,
      side: line.side,
      amount_fen: line.amountFen,
      subledger_kind: line.subledger?.kind ?? null,
      subledger_id:
        line.subledger === null
          ? null
          : line.subledger.kind === 'loan'
            ? loanId(line.subledger.id)
            : memberId(line.subledger.id),
      memo: line.memo,
    })),
  );
  await insertChunked(lines, async (chunk) => {
    await trx.insertInto('voucher_line').values(chunk).execute();
  });
  // Imported vouchers join the fund's tamper-evident chain in the books' own order.
  await sealVouchers(
    trx,
    fundId,
    [...plan.voucherInsert]
      .sort(
        (a, b) =>
          a.recordedAt.localeCompare(b.recordedAt) ||
          a.period.localeCompare(b.period) ||
          a.number - b.number,
      )
      .map((v) => voucherId(v.id)),
  );
  const lastNumbers = new Map<string, number>();
  for (const v of plan.voucherInsert)
    lastNumbers.set(v.period, Math.max(lastNumbers.get(v.period) ?? 0, v.number));
  if (lastNumbers.size > 0) {
    await trx
      .insertInto('voucher_counter')
      .values(
        [...lastNumbers].map(([period, last]) => ({ fund_id: fundId, period, last_number: last })),
      )
      .onConflict((oc) =>
        oc.columns(['fund_id', 'period']).doUpdateSet({
          last_number: sql<number>`greatest(voucher_counter.last_number, excluded.last_number)`,
        }),
      )
      .execute();
  }

  await insertChunked(plan.shareInsert, async (chunk) => {
    await trx
      .insertInto('member_share')
      .values(
        chunk.map(({ memberId: id, share: s }) => ({
          fund_id: fundId,
          member_id: memberId(id),
          kind: s.kind,
          on_date: s.on,
          shares: s.shares,
          amount_fen: s.amountFen,
          method: s.method,
          voucher_id: s.voucherId === null ? null : voucherId(s.voucherId),
        })),
      )
      .execute();
  });
  await insertChunked(plan.stepInsert, async (chunk) => {
    await trx
      .insertInto('loan_step')
      .values(
        chunk.map(({ loanId: id, step: s }) => {
          const ref = s.details.voucherId;
          const details =
            typeof ref === 'string' ? { ...s.details, voucherId: voucherId(ref) } : s.details;
          return {
            loan_id: loanId(id),
            step: s.step,
            decision: s.decision,
            on_date: s.on,
            actor_id: null,
            actor_name: s.actorName,
            reason: s.reason,
            details: JSON.stringify(details),
            recorded_at: s.recordedAt,
          };
        }),
      )
      .execute();
  });
  await insertChunked(plan.repaymentInsert, async (chunk) => {
    await trx
      .insertInto('repayment')
      .values(
        chunk.map(({ loanId: id, repayment: r }) => ({
          loan_id: loanId(id),
          fund_id: fundId,
          on_date: r.on,
          amount_fen: r.amountFen,
          principal_fen: r.principalFen,
          normal_fee_fen: r.normalFeeFen,
          overdue_fee_fen: r.overdueFeeFen,
          method: r.method,
          voucher_id: voucherId(r.voucherId),
        })),
      )
      .execute();
  });
  // Closed after the vouchers: a closed period takes no new vouchers.
  if (plan.closeInsert.length > 0) {
    await trx
      .insertInto('period_close')
      .values(
        plan.closeInsert.map((c) => ({
          fund_id: fundId,
          period: c.period,
          closed_at: c.closedAt,
          closed_by: null,
        })),
      )
      .execute();
  }
}
