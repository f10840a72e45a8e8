import type { Kysely } from 'kysely';
import { validateBylaws, fen, rateBp, type Bylaws } from '@huzhu/domain';
import type { BylawsBody } from '@huzhu/contract';
import type { Database } from '../../db/schema.js';
import { netDebitBalances } from '../../db/repositories/ledger.js';
import { requirePermission, type Actor } from '../actor.js';
import { AppError } from '../errors.js';
import { loadBylaws, saveBylaws } from './bylaws-store.js';
import { auditFund, calendarDate, fundInScope, unwrap } from './context.js';

/** The fund's profile: registration, bank account, household counts, bylaws versions, officers. */
export async function getFundProfile(db: Kysely<Database>, actor: Actor, fundId: number) {
  const ref = await fundInScope(db, actor, fundId);
  const fund = await db
    .selectFrom('fund as f')
    .innerJoin('region as r', 'r.id', 'f.region_id')
    .select([
      'f.id',
      'f.code',
      'f.name',
      'f.founded_on',
      'f.registration_no',
      'f.registered_on',
      'f.bank_name',
      'f.bank_account_no',
      'r.name as village_name',
    ])
    .where('f.id', '=', ref.id)
    .executeTakeFirstOrThrow();
  const counts = await db
    .selectFrom('fund_household_count')
    .selectAll()
    .where('fund_id', '=', ref.id)
    .orderBy('as_of', 'desc')
    .execute();
  const officers = await db
    .selectFrom('fund_officer as o')
    .innerJoin('member as m', 'm.id', 'o.member_id')
    .select(['o.id', 'o.member_id', 'm.head_name', 'o.body', 'o.title', 'o.from_on', 'o.to_on'])
    .where('o.fund_id', '=', ref.id)
    .orderBy('o.body')
    .orderBy('o.id')
    .execute();
  const balances = await netDebitBalances(db, ref.id, ['1001', '1002', '1121']);
  return {
    id: fund.id,
    code: fund.code,
    name: fund.name,
    villageName: fund.village_name,
    foundedOn: fund.founded_on,
    registrationNo: fund.registration_no,
    registeredOn: fund.registered_on,
    bankName: fund.bank_name,
    bankAccountNo: fund.bank_account_no,
    householdCounts: counts.map((c) => ({
      asOf: c.as_of,
      totalHouseholds: c.total_households,
      poorHouseholds: c.poor_households,
    })),
    bylaws: (await loadBylaws(db, ref.id)).map((b) => ({
      ...b,
      dayCountDaysPerYear: b.dayCountDaysPerYear === 365 ? (365 as const) : (360 as const),
      productivePurposes: [...b.productivePurposes],
    })),
    officers: officers.map((o) => ({
      id: o.id,
      memberId: o.member_id,
      memberName: o.head_name,
      body: o.body,
      title: o.title,
      fromOn: o.from_on,
      toOn: o.to_on,
    })),
    balances: {
      cashFen: balances.get('1001') ?? 0,
      bankFen: balances.get('1002') ?? 0,
      loansOutstandingFen: balances.get('1121') ?? 0,
    },
  };
}

/** 民政登记 and the dedicated bank account (专户). */
export async function setRegistration(
  db: Kysely<Database>,
  actor: Actor,
  fundId: number,
  input: { registrationNo: string; registeredOn: string; bankName: string; bankAccountNo: string },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const fund = await fundInScope(trx, actor, fundId);
    requirePermission(actor, 'fund.setup');
    const registeredOn = calendarDate(input.registeredOn, 'registeredOn');
    await trx
      .updateTable('fund')
      .set({
        registration_no: input.registrationNo,
        registered_on: registeredOn,
        bank_name: input.bankName,
        bank_account_no: input.bankAccountNo,
      })
      .where('id', '=', fund.id)
      .execute();
    await auditFund(trx, actor, fund, {
      command: 'fund.registration',
      entities: [{ type: 'fund', id: String(fund.id) }],
      details: { ...input },
    });
  });
}

/** The village's total and registered poor households as of a date (membership-rate denominators). */
export async function recordHouseholdCount(
  db: Kysely<Database>,
  actor: Actor,
  fundId: number,
  input: { asOf: string; totalHouseholds: number; poorHouseholds: number },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const fund = await fundInScope(trx, actor, fundId);
    requirePermission(actor, 'fund.setup');
    const asOf = calendarDate(input.asOf, 'asOf');
    if (input.poorHouseholds > input.totalHouseholds)
      throw new AppError('household_counts_invalid', { ...input });
    await trx
      .insertInto('fund_household_count')
      .values({
        fund_id: fund.id,
        as_of: asOf,
        total_households: input.totalHouseholds,
        poor_households: input.poorHouseholds,
      })
      .onConflict((oc) =>
        oc.columns(['fund_id', 'as_of']).doUpdateSet({
          total_households: input.totalHouseholds,
          poor_households: input.poorHouseholds,
        }),
      )
      .execute();
    await auditFund(trx, actor, fund, {
      command: 'fund.household_count',
      entities: [{ type: 'fund', id: String(fund.id) }],
      details: { ...input },
    });
  });
}

/** A new bylaws version from its effective date; earlier loans keep the terms of their contract. */
export async function setBylaws(
  db: Kysely<Database>,
  actor: Actor,
  fundId: number,
  input: BylawsBody,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const fund = await fundInScope(trx, actor, fundId);
    requirePermission(actor, 'fund.setup');
    const bylaws: Bylaws = {
      ...input,
      effectiveOn: calendarDate(input.effectiveOn, 'effectiveOn'),
      feeRateBpPerYear: rateBp(input.feeRateBpPerYear),
      firstLoanLimitFen: fen(input.firstLoanLimitFen),
      laterLoanLimitFen: fen(input.laterLoanLimitFen),
      shareUnitFen: fen(input.shareUnitFen),
      cashLimitFen: fen(input.cashLimitFen),
    };
    unwrap(validateBylaws(bylaws));
    await saveBylaws(trx, fund.id, bylaws);
    await auditFund(trx, actor, fund, {
      command: 'fund.bylaws',
      entities: [{ type: 'fund', id: String(fund.id) }],
      details: { effectiveOn: input.effectiveOn },
    });
  });
}

/** Adds a board (理事会) or supervisory board (监事会) member, who must be an active member. */
export async function addOfficer(
  db: Kysely<Database>,
  actor: Actor,
  fundId: number,
  input: { memberId: number; body: 'board' | 'supervisory'; title: string; fromOn: string },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const fund = await fundInScope(trx, actor, fundId);
    requirePermission(actor, 'fund.setup');
    const fromOn = calendarDate(input.fromOn, 'fromOn');
    const member = await trx
      .selectFrom('member')
      .select(['id', 'exited_on'])
      .where('id', '=', input.memberId)
      .where('fund_id', '=', fund.id)
      .executeTakeFirst();
    if (member === undefined || member.exited_on !== null)
      throw new AppError('officer_not_member', { memberId: input.memberId });
    const { id } = await trx
      .insertInto('fund_officer')
      .values({
        fund_id: fund.id,
        member_id: input.memberId,
        body: input.body,
        title: input.title,
        from_on: fromOn,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await auditFund(trx, actor, fund, {
      command: 'fund.officer',
      entities: [
        { type: 'officer', id: String(id) },
        { type: 'member', id: String(input.memberId) },
      ],
      details: { ...input },
    });
  });
}
