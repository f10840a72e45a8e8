import { sql, type Kysely, type Transaction } from 'kysely';
import {
  checkMemberExit,
  contributionRefund,
  entryContribution,
  fen,
  memberContribution,
  validateIdCardNumber,
  type IsoDate,
} from '@huzhu/domain';
import type { Database } from '../../db/schema.js';
import { toSafeInt } from '../../db/connect.js';
import { lockFund } from '../../db/repositories/ledger.js';
import { requirePermission, type Actor } from '../actor.js';
import { AppError, notFound } from '../errors.js';
import { onceForRequest } from '../idempotency.js';
import { bylawsOn } from './bylaws-store.js';
import {
  auditFund,
  businessDate,
  fundInScope,
  unwrap,
  voucherNo,
  type FundRef,
} from './context.js';
import { amountOwedForMember } from './loan-queries.js';
import { post } from './posting.js';
import { fundCommand } from './fund-command.js';
import { pageTotal } from '../paging.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface MemberView {
  id: number;
  memberNo: number;
  headName: string;
  idCardNo: string;
  phone: string | null;
  villagerGroup: string | null;
  householdSize: number;
  category: 'poor' | 'ordinary';
  dibao: boolean;
  wubao: boolean;
  joinedOn: string;
  exitedOn: string | null;
  ownContributionFen: number;
  allottedFen: number;
  groupName: string | null;
  duplicateIn: { fundId: number; fundName: string }[];
}

function memberSelect(db: Db, fundId: number) {
  return db
    .selectFrom('member as m')
    .select([
      'm.id',
      'm.member_no',
      'm.head_name',
      'm.id_card_no',
      'm.phone',
      'm.villager_group',
      'm.household_size',
      'm.category',
      'm.dibao',
      'm.wubao',
      'm.joined_on',
      'm.exited_on',
      sql<string>`coalesce((SELECT sum(CASE kind WHEN 'contribution' THEN amount_fen WHEN 'refund' THEN -amount_fen ELSE 0 END) FROM member_share s WHERE s.member_id = m.id), 0)`.as(
        'own_fen',
      ),
      sql<string>`coalesce((SELECT sum(CASE kind WHEN 'allotment' THEN amount_fen WHEN 'allotment_return' THEN -amount_fen ELSE 0 END) FROM member_share s WHERE s.member_id = m.id), 0)`.as(
        'allotted_fen',
      ),
      sql<
        string | null
      >`(SELECT g.name FROM joint_group_member gm JOIN joint_group g ON g.id = gm.group_id WHERE gm.member_id = m.id AND gm.left_on IS NULL LIMIT 1)`.as(
        'group_name',
      ),
      sql<
        { fundId: number; fundName: string }[]
      >`coalesce((SELECT json_agg(json_build_object('fundId', f.id, 'fundName', f.name)) FROM member o JOIN fund f ON f.id = o.fund_id WHERE o.id_card_no = m.id_card_no AND o.fund_id <> m.fund_id AND o.exited_on IS NULL), '[]'::json)`.as(
        'duplicate_in',
      ),
    ])
    .where('m.fund_id', '=', fundId);
}

type MemberRow = Awaited<ReturnType<ReturnType<typeof memberSelect>['executeTakeFirstOrThrow']>>;

function toMember(row: MemberRow, actor: Actor | null): MemberView {
  return {
    id: row.id,
    memberNo: row.member_no,
    headName: row.head_name,
    idCardNo: row.id_card_no,
    phone: row.phone,
    villagerGroup: row.villager_group,
    householdSize: row.household_size,
    category: row.category,
    dibao: row.dibao,
    wubao: row.wubao,
    joinedOn: row.joined_on,
    exitedOn: row.exited_on,
    ownContributionFen: toSafeInt(row.own_fen),
    allottedFen: toSafeInt(row.allotted_fen),
    groupName: row.group_name,
    // Funds outside the reader's scope are named only by id-less notice.
    duplicateIn:
      actor === null
        ? row.duplicate_in
        : row.duplicate_in.map((d) => ({ fundId: d.fundId, fundName: d.fundName })),
  };
}

export async function listMembers(
  db: Kysely<Database>,
  actor: Actor,
  fundId: number,
  query: {
    q?: string | undefined;
    status: 'active' | 'exited' | 'all';
    page: number;
    pageSize: number;
  },
): Promise<{ items: MemberView[]; total: number }> {
  const fund = await fundInScope(db, actor, fundId);
  let base = memberSelect(db, fund.id);
  if (query.status === 'active') base = base.where('m.exited_on', 'is', null);
  if (query.status === 'exited') base = base.where('m.exited_on', 'is not', null);
  if (query.q !== undefined && query.q !== '') {
    const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    base = base.where((eb) =>
      eb.or([eb('m.head_name', 'like', pattern), eb('m.id_card_no', 'like', pattern)]),
    );
  }
  const rows = await base
    .select(sql<number>`(count(*) OVER ())::int`.as('total'))
    .orderBy('m.member_no')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return { items: rows.map((r) => toMember(r, actor)), total: await pageTotal(base, rows) };
}

export async function getMember(
  db: Db,
  actor: Actor,
  fundId: number,
  memberId: number,
): Promise<MemberView> {
  const fund = await fundInScope(db, actor, fundId);
  const row = await memberSelect(db, fund.id).where('m.id', '=', memberId).executeTakeFirst();
  if (row === undefined) throw notFound('member');
  return toMember(row, actor);
}

export interface RegisterMemberInput {
  requestId: string;
  headName: string;
  idCardNo: string;
  phone?: string | undefined;
  villagerGroup?: string | undefined;
  householdSize: number;
  category: 'poor' | 'ordinary';
  dibao: boolean;
  wubao: boolean;
  joinedOn: string;
  shares: number;
  method: 'cash' | 'bank';
}

/**
 * 入社: registers a household (身份证号 checked, one membership per household in the fund), records
 * its paid-in shares (a voucher: Dr cash/bank, Cr 220901) and, for a poor household, the fiscal
 * 配股 (no money moves). The same 身份证号 active in another fund is reported, not refused: the
 * county resolves it (a warning of DOMAIN §10).
 */
export async function registerMember(
  db: Kysely<Database>,
  actor: Actor,
  fundId: number,
  input: RegisterMemberInput,
  now: Date,
): Promise<MemberView> {
  return db.transaction().execute(async (trx) => {
    const fund = await fundInScope(trx, actor, fundId);
    requirePermission(actor, 'books.write');
    const memberId = await onceForRequest(
      trx,
      actor,
      input.requestId,
      'member.register',
      { fundId, ...input },
      async () => {
        await lockFund(trx, fund.id);
        const joinedOn = businessDate(input.joinedOn, now, 'joinedOn');
        const idCardNo = unwrap(validateIdCardNumber(input.idCardNo));
        const existing = await trx
          .selectFrom('member')
          .select('id')
          .where('fund_id', '=', fund.id)
          .where('id_card_no', '=', idCardNo)
          .where('exited_on', 'is', null)
          .executeTakeFirst();
        if (existing !== undefined)
          throw new AppError('member_already_registered', { memberId: existing.id });
        const bylaws = await bylawsOn(trx, fund.id, joinedOn);
        const entry = unwrap(entryContribution(bylaws, input.category, input.shares));
        const next = await trx
          .selectFrom('member')
          .select(sql<number>`coalesce(max(member_no), 0)::int + 1`.as('n'))
          .where('fund_id', '=', fund.id)
          .executeTakeFirstOrThrow();
        const { id } = await trx
          .insertInto('member')
          .values({
            fund_id: fund.id,
            member_no: next.n,
            head_name: input.headName,
            id_card_no: idCardNo,
            phone: input.phone ?? null,
            villager_group: input.villagerGroup ?? null,
            household_size: input.householdSize,
            category: input.category,
            dibao: input.dibao,
            wubao: input.wubao,
            joined_on: joinedOn,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('member_category')
          .values({
            member_id: id,
            effective_on: joinedOn,
            category: input.category,
            dibao: input.dibao,
            wubao: input.wubao,
          })
          .execute();
        const entities = [{ type: 'member', id: String(id) }];
        if (entry.contributionFen > 0) {
          const posted = await post(
            trx,
            fund,
            memberContribution({
              on: joinedOn,
              amountFen: entry.contributionFen,
              via: input.method,
              memberId: String(id),
              memo: `${input.headName}入社缴纳互助金`,
            }),
            actor,
          );
          await trx
            .insertInto('member_share')
            .values({
              fund_id: fund.id,
              member_id: id,
              kind: 'contribution',
              on_date: joinedOn,
              shares: input.shares,
              amount_fen: entry.contributionFen,
              method: input.method,
              voucher_id: posted.id,
            })
            .execute();
          entities.push({ type: 'voucher', id: String(posted.id) });
        }
        if (entry.allotmentFen > 0) {
          await trx
            .insertInto('member_share')
            .values({
              fund_id: fund.id,
              member_id: id,
              kind: 'allotment',
              on_date: joinedOn,
              shares: bylaws.poorAllotmentShares,
              amount_fen: entry.allotmentFen,
              method: null,
              voucher_id: null,
            })
            .execute();
        }
        await auditFund(trx, actor, fund, {
          command: 'member.register',
          entities,
          details: { headName: input.headName, category: input.category, shares: input.shares },
        });
        return id;
      },
    );
    return getMember(trx, actor, fundId, memberId);
  });
}

async function activeMember(trx: Db, fund: FundRef, memberId: number) {
  const member = await trx
    .selectFrom('member')
    .selectAll()
    .where('id', '=', memberId)
    .where('fund_id', '=', fund.id)
    .executeTakeFirst();
  if (member === undefined) throw notFound('member');
  return member;
}

/** 追加互助金: more shares paid in by a member (Dr cash/bank, Cr 220901). */
export async function contribute(
  db: Kysely<Database>,
  actor: Actor,
  fundId: number,
  memberId: number,
  input: { requestId: string; on: string; shares: number; method: 'cash' | 'bank' },
  now: Date,
): Promise<{ voucherId: number; voucherNo: string }> {
  return fundCommand(
    db,
    actor,
    fundId,
    {
      permission: 'books.write',
      requestId: input.requestId,
      command: 'member.contribute',
      payload: { fundId, memberId, ...input },
    },
    async (trx, fund) => {
      const member = await activeMember(trx, fund, memberId);
      const on = businessDate(input.on, now);
      if (member.exited_on !== null || member.joined_on > on)
        throw new AppError('member_not_active', { memberId });
      const bylaws = await bylawsOn(trx, fund.id, on);
      const held = await trx
        .selectFrom('member_share')
        .select(
          sql<string>`coalesce(sum(CASE kind WHEN 'contribution' THEN shares WHEN 'refund' THEN -shares ELSE 0 END), 0)`.as(
            'n',
          ),
        )
        .where('member_id', '=', memberId)
        .executeTakeFirstOrThrow();
      if (toSafeInt(held.n) + input.shares > bylaws.maxShares) {
        throw new AppError('member_shares_out_of_range', {
          shares: toSafeInt(held.n) + input.shares,
          maxShares: bylaws.maxShares,
        });
      }
      const amountFen = fen(bylaws.shareUnitFen * input.shares);
      const posted = await post(
        trx,
        fund,
        memberContribution({
          on,
          amountFen,
          via: input.method,
          memberId: String(memberId),
          memo: `${member.head_name}追加互助金`,
        }),
        actor,
      );
      await trx
        .insertInto('member_share')
        .values({
          fund_id: fund.id,
          member_id: memberId,
          kind: 'contribution',
          on_date: on,
          shares: input.shares,
          amount_fen: amountFen,
          method: input.method,
          voucher_id: posted.id,
        })
        .execute();
      await auditFund(trx, actor, fund, {
        command: 'member.contribute',
        entities: [
          { type: 'member', id: String(memberId) },
          { type: 'voucher', id: String(posted.id) },
        ],
        details: { shares: input.shares, amountFen },
      });
      return { voucherId: posted.id, voucherNo: voucherNo(posted.period, posted.number) };
    },
  );
}

/** Records a change of category (poor ↔ ordinary, 低保/五保) from a date on. */
export async function changeCategory(
  db: Kysely<Database>,
  actor: Actor,
  fundId: number,
  memberId: number,
  input: { effectiveOn: string; category: 'poor' | 'ordinary'; dibao: boolean; wubao: boolean },
  now: Date,
): Promise<MemberView> {
  return db.transaction().execute(async (trx) => {
    const fund = await fundInScope(trx, actor, fundId);
    requirePermission(actor, 'books.write');
    const member = await activeMember(trx, fund, memberId);
    const on = businessDate(input.effectiveOn, now, 'effectiveOn');
    if (on < member.joined_on) throw new AppError('member_not_active', { memberId });
    await trx
      .insertInto('member_category')
      .values({
        member_id: memberId,
        effective_on: on,
        category: input.category,
        dibao: input.dibao,
        wubao: input.wubao,
      })
      .onConflict((oc) =>
        oc
          .columns(['member_id', 'effective_on'])
          .doUpdateSet({ category: input.category, dibao: input.dibao, wubao: input.wubao }),
      )
      .execute();
    const latest = await trx
      .selectFrom('member_category')
      .selectAll()
      .where('member_id', '=', memberId)
      .orderBy('effective_on', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('member')
      .set({ category: latest.category, dibao: latest.dibao, wubao: latest.wubao })
      .where('id', '=', memberId)
      .execute();
    await auditFund(trx, actor, fund, {
      command: 'member.category',
      entities: [{ type: 'member', id: String(memberId) }],
      details: { ...input },
    });
    return getMember(trx, actor, fundId, memberId);
  });
}

/**
 * 退社: only with no outstanding loan, no outstanding guarantee and no unpaid fee, after the
 * notice period. The member's own 互助金 is refunded (Dr 220901, Cr cash/bank); fiscal 配股
 * returns to the fund (recorded, no money moves).
 */
export async function exitMember(
  db: Kysely<Database>,
  actor: Actor,
  fundId: number,
  memberId: number,
  input: { requestId: string; on: string; noticeOn?: string | undefined; method: 'cash' | 'bank' },
  now: Date,
): Promise<{ memberId: number; refundFen: number; voucherId: number | null }> {
  return fundCommand(
    db,
    actor,
    fundId,
    {
      permission: 'books.write',
      requestId: input.requestId,
      command: 'member.exit',
      payload: { fundId, memberId, ...input },
    },
    async (trx, fund) => {
      const member = await activeMember(trx, fund, memberId);
      const on = businessDate(input.on, now);
      const noticeOn =
        input.noticeOn === undefined ? on : businessDate(input.noticeOn, now, 'noticeOn');
      const bylaws = await bylawsOn(trx, fund.id, on);
      const view = await getMember(trx, actor, fundId, memberId);
      const loans = await amountOwedForMember(trx, fund.id, memberId, on);
      const settlement = unwrap(
        checkMemberExit({
          joinedOn: member.joined_on as IsoDate,
          exitedOn: member.exited_on as IsoDate | null,
          noticeGivenOn: noticeOn,
          exitOn: on,
          exitNoticeDays: bylaws.exitNoticeDays,
          outstandingLoanCount: loans.outstandingLoanCount,
          guaranteedOutstandingLoanCount: loans.guaranteedOutstandingLoanCount,
          unpaidFeeFen: fen(loans.unpaidFeeFen),
          ownContributionsFen: fen(view.ownContributionFen),
          allotmentFen: fen(view.allottedFen),
        }),
      );
      let voucherId: number | null = null;
      if (settlement.refundFen > 0) {
        const posted = await post(
          trx,
          fund,
          contributionRefund({
            on,
            amountFen: settlement.refundFen,
            via: input.method,
            memberId: String(memberId),
            memo: `${member.head_name}退社退还互助金`,
          }),
          actor,
        );
        voucherId = posted.id;
        await trx
          .insertInto('member_share')
          .values({
            fund_id: fund.id,
            member_id: memberId,
            kind: 'refund',
            on_date: on,
            shares: 0,
            amount_fen: settlement.refundFen,
            method: input.method,
            voucher_id: posted.id,
          })
          .execute();
      }
      if (settlement.allotmentReturnedFen > 0) {
        await trx
          .insertInto('member_share')
          .values({
            fund_id: fund.id,
            member_id: memberId,
            kind: 'allotment_return',
            on_date: on,
            shares: 0,
            amount_fen: settlement.allotmentReturnedFen,
            method: null,
            voucher_id: null,
          })
          .execute();
      }
      await trx.updateTable('member').set({ exited_on: on }).where('id', '=', memberId).execute();
      await trx
        .updateTable('joint_group_member')
        .set({ left_on: on })
        .where('member_id', '=', memberId)
        .where('left_on', 'is', null)
        .execute();
      await trx
        .updateTable('fund_officer')
        .set({ to_on: on })
        .where('member_id', '=', memberId)
        .where('to_on', 'is', null)
        .execute();
      await auditFund(trx, actor, fund, {
        command: 'member.exit',
        entities: [{ type: 'member', id: String(memberId) }],
        details: { refundFen: settlement.refundFen },
      });
      return { memberId, refundFen: settlement.refundFen, voucherId };
    },
  );
}
