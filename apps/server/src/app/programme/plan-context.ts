import { sql, type Kysely, type Transaction } from 'kysely';
import {
  fail,
  fen,
  STANDARD_VILLAGE_AMOUNT_FEN,
  type Fen,
  type IsoDate,
  type PlanContext,
  type PlanProblem,
  type YearlyPlan,
} from '@huzhu/domain';
import type { Database } from '../../db/schema.js';
import { toSafeInt } from '../../db/connect.js';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Fiscal money (财政扶贫资金, account 4401) each fund's books have received, through `through`
 * (all dates when absent): credits to 4401 net of debits that correct them (a reversal of a
 * receipt), leaving out the year-end close and the exit transfer, which move the money on to
 * net assets rather than take it back. This is the fund's "cumulative fiscal input".
 */
export async function fiscalInputByFund(
  db: Db,
  fundIds: readonly number[],
  through?: IsoDate,
): Promise<Map<number, Fen>> {
  const result = new Map<number, Fen>();
  if (fundIds.length === 0) return result;
  let query = db
    .selectFrom('voucher_line as l')
    .innerJoin('voucher as v', 'v.id', 'l.voucher_id')
    .select([
      'l.fund_id',
      sql<string>`sum(CASE WHEN l.side = 'credit' THEN l.amount_fen ELSE -l.amount_fen END)`.as(
        'net',
      ),
    ])
    .where('l.fund_id', 'in', [...fundIds])
    .where('l.account_code', 'like', '4401%')
    .where((eb) =>
      eb.or([
        eb('l.side', '=', 'credit'),
        eb('v.kind', 'not in', ['year_end_close', 'fund_exit_transfer']),
      ]),
    )
    .groupBy('l.fund_id');
  if (through !== undefined) query = query.where('v.date', '<=', through);
  for (const row of await query.execute()) result.set(row.fund_id, fen(toSafeInt(row.net)));
  return result;
}

/** Allocations of issued plans that each fund has not yet confirmed (other than `exceptPlanId`). */
async function pendingAllocationsByFund(
  db: Db,
  fundIds: readonly number[],
  exceptPlanId: number | null,
): Promise<Map<number, Fen>> {
  const result = new Map<number, Fen>();
  if (fundIds.length === 0) return result;
  let query = db
    .selectFrom('plan_allocation_receipt as r')
    .innerJoin('yearly_plan as p', 'p.id', 'r.plan_id')
    .select(['r.fund_id', sql<string>`sum(r.amount_fen)`.as('amount')])
    .where('r.fund_id', 'in', [...fundIds])
    .where('p.status', '=', 'issued')
    .where('r.received_on', 'is', null)
    .groupBy('r.fund_id');
  if (exceptPlanId !== null) query = query.where('r.plan_id', '<>', exceptPlanId);
  for (const row of await query.execute()) result.set(row.fund_id, fen(toSafeInt(row.amount)));
  return result;
}

/** What this plan's own confirmed receipts put into each fund (already in its 4401 credits). */
async function receivedFromPlanByFund(db: Db, planId: number | null): Promise<Map<number, Fen>> {
  const result = new Map<number, Fen>();
  if (planId === null) return result;
  const rows = await db
    .selectFrom('plan_allocation_receipt')
    .select(['fund_id', 'amount_fen'])
    .where('plan_id', '=', planId)
    .where('received_on', 'is not', null)
    .execute();
  for (const row of rows) result.set(row.fund_id, fen(toSafeInt(row.amount_fen)));
  return result;
}

/** A region a plan line names, as the region tree holds it. */
export interface PlanRegion {
  id: number;
  code: string;
  name: string;
  level: 'city' | 'county' | 'township' | 'village';
  path: string;
  fundId: number | null;
}

/** The plan as checked against the database: the domain context and the regions it names. */
export interface LoadedPlanContext {
  context: PlanContext;
  regions: Map<string, PlanRegion>;
  /** Problems only the region tree can show: a code that is not a region of the plan's city. */
  treeProblems: PlanProblem[];
}

/**
 * The `PlanContext` of a plan from the books, and the regions it names.
 *
 * - `villagesWithFund`: the named villages that have a fund.
 * - `cumulativeFiscalInputFen` of each such village, before this plan = the 4401 credits of its
 *   fund up to now (`fiscalInputByFund`) + allocations of *other* issued plans it has not yet
 *   confirmed (money promised counts against the 50万 cap as soon as it is issued) − what this
 *   plan's own confirmed receipts already put into 4401 (so an issued plan does not count its
 *   own money twice). Villages without a fund are left out of the map: their input is unknown,
 *   never taken as 0.
 */
export async function loadPlanContext(
  db: Db,
  plan: YearlyPlan,
  planId: number | null,
  cityPath: string,
): Promise<LoadedPlanContext> {
  const codes = [
    ...new Set(
      plan.allocations.flatMap((line) =>
        line.villageCode === null ? [line.countyCode] : [line.countyCode, line.villageCode],
      ),
    ),
  ];
  const rows =
    codes.length === 0
      ? []
      : await db
          .selectFrom('region as r')
          .leftJoin('fund as f', 'f.region_id', 'r.id')
          .select(['r.id', 'r.code', 'r.name', 'r.level', 'r.path', 'f.id as fund_id'])
          .where('r.code', 'in', codes)
          .where('r.path', 'like', `${cityPath}%`)
          .execute();
  const regions = new Map<string, PlanRegion>(
    rows.map((r) => [
      r.code,
      { id: r.id, code: r.code, name: r.name, level: r.level, path: r.path, fundId: r.fund_id },
    ]),
  );
  const treeProblems: PlanProblem[] = [];
  for (const [index, line] of plan.allocations.entries()) {
    const county = regions.get(line.countyCode);
    if (county?.level !== 'county') {
      treeProblems.push(
        fail('plan_region_invalid', {
          line: index,
          countyCode: line.countyCode,
          reason: 'county_not_in_region_tree',
        }),
      );
      continue;
    }
    if (line.villageCode === null) continue;
    const village = regions.get(line.villageCode);
    if (village?.level !== 'village' || !village.path.startsWith(county.path)) {
      treeProblems.push(
        fail('plan_region_invalid', {
          line: index,
          villageCode: line.villageCode,
          reason: 'village_not_in_region_tree',
        }),
      );
    }
  }

  const villagesWithFund = new Set<string>();
  const fundByVillage = new Map<string, number>();
  for (const region of regions.values()) {
    if (region.level === 'village' && region.fundId !== null) {
      villagesWithFund.add(region.code);
      fundByVillage.set(region.code, region.fundId);
    }
  }
  const fundIds = [...fundByVillage.values()];
  const credited = await fiscalInputByFund(db, fundIds);
  const pending = await pendingAllocationsByFund(db, fundIds, planId);
  const ownReceived = await receivedFromPlanByFund(db, planId);
  const cumulativeFiscalInputFen = new Map<string, Fen>();
  for (const [villageCode, fundId] of fundByVillage) {
    cumulativeFiscalInputFen.set(
      villageCode,
      fen(
        (credited.get(fundId) ?? 0) + (pending.get(fundId) ?? 0) - (ownReceived.get(fundId) ?? 0),
      ),
    );
  }
  return {
    context: { villagesWithFund, cumulativeFiscalInputFen },
    regions,
    treeProblems,
  };
}

/**
 * The standard amount a village of `villagePath` receives in `year`: that of the year's plan of
 * a region above it (an issued plan first, then the latest draft), or 15万元 when there is none.
 */
export async function standardAmountForYear(
  db: Db,
  villagePath: string,
  year: number,
): Promise<Fen> {
  const ancestors = villagePath.split('/').filter(Boolean).map(Number);
  if (ancestors.length === 0) return STANDARD_VILLAGE_AMOUNT_FEN;
  const row = await db
    .selectFrom('yearly_plan')
    .select('standard_amount_fen')
    .where('year', '=', year)
    .where('region_id', 'in', ancestors)
    .orderBy(sql`CASE WHEN status = 'issued' THEN 0 ELSE 1 END`)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row === undefined ? STANDARD_VILLAGE_AMOUNT_FEN : fen(toSafeInt(row.standard_amount_fen));
}
