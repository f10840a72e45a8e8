import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { requirePermission, type Actor } from '../actor.js';
import { AppError } from '../errors.js';
import { bylawsOn } from './bylaws-store.js';
import { auditFund, businessDate, fundInScope } from './context.js';
import { REPAYING_STATUSES } from './loan-queries.js';

/** 联保小组 of a fund with their current members and who is borrowing now. */
export async function listGroups(db: Kysely<Database>, actor: Actor, fundId: number) {
  const fund = await fundInScope(db, actor, fundId);
  const groups = await db
    .selectFrom('joint_group')
    .selectAll()
    .where('fund_id', '=', fund.id)
    .orderBy('name')
    .execute();
  const members = await db
    .selectFrom('joint_group_member as gm')
    .innerJoin('member as m', 'm.id', 'gm.member_id')
    .innerJoin('joint_group as g', 'g.id', 'gm.group_id')
    .select(['gm.group_id', 'gm.member_id', 'm.head_name'])
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('loan as l')
            .select('l.id')
            .whereRef('l.member_id', '=', 'gm.member_id')
            .where('l.status', 'in', REPAYING_STATUSES),
        )
        .as('borrowing'),
    )
    .where('g.fund_id', '=', fund.id)
    .where('gm.left_on', 'is', null)
    .orderBy('m.member_no')
    .execute();
  return {
    items: groups.map((g) => ({
      id: g.id,
      name: g.name,
      formedOn: g.formed_on,
      members: members
        .filter((m) => m.group_id === g.id)
        .map((m) => ({
          memberId: m.member_id,
          headName: m.head_name,
          borrowing: m.borrowing === true,
        })),
    })),
  };
}

/** Forms a joint-liability group of active members, none already in another group. */
export async function createGroup(
  db: Kysely<Database>,
  actor: Actor,
  fundId: number,
  input: { name: string; formedOn: string; memberIds: number[] },
  now: Date,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const fund = await fundInScope(trx, actor, fundId);
    requirePermission(actor, 'books.write');
    const formedOn = businessDate(input.formedOn, now, 'formedOn');
    const ids = [...new Set(input.memberIds)];
    const bylaws = await bylawsOn(trx, fund.id, formedOn);
    if (ids.length > bylaws.groupSize)
      throw new AppError('group_too_large', { size: ids.length, groupSize: bylaws.groupSize });
    const members = await trx
      .selectFrom('member')
      .select(['id', 'joined_on', 'exited_on'])
      .where('fund_id', '=', fund.id)
      .where('id', 'in', ids)
      .execute();
    const inactive = ids.filter((id) => {
      const m = members.find((x) => x.id === id);
      return m === undefined || m.exited_on !== null || m.joined_on > formedOn;
    });
    if (inactive.length > 0) throw new AppError('group_member_not_active', { memberIds: inactive });
    const taken = await trx
      .selectFrom('joint_group_member')
      .select('member_id')
      .where('member_id', 'in', ids)
      .where('left_on', 'is', null)
      .execute();
    if (taken.length > 0)
      throw new AppError('group_member_in_other_group', {
        memberIds: taken.map((t) => t.member_id),
      });
    const exists = await trx
      .selectFrom('joint_group')
      .select('id')
      .where('fund_id', '=', fund.id)
      .where('name', '=', input.name)
      .executeTakeFirst();
    if (exists !== undefined)
      throw new AppError('validation_failed', { field: 'name', reason: '小组名称已存在' });
    const { id } = await trx
      .insertInto('joint_group')
      .values({ fund_id: fund.id, name: input.name, formed_on: formedOn })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('joint_group_member')
      .values(ids.map((memberId) => ({ group_id: id, member_id: memberId, joined_on: formedOn })))
      .execute();
    await auditFund(trx, actor, fund, {
      command: 'group.create',
      entities: [{ type: 'group', id: String(id) }],
      details: { name: input.name, memberIds: ids },
    });
    return id;
  });
}
