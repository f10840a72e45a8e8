import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { findRegionInScope } from '../db/repositories/regions.js';
import { seedChart } from '../db/repositories/ledger.js';
import { initialBylaws, saveBylaws } from './books/bylaws-store.js';
import { requirePermission, type Actor } from './actor.js';
import { recordAudit } from './audit.js';
import { AppError, notFound } from './errors.js';
import { pageTotal } from './paging.js';

type RegionRef = {
  id: number;
  code: string;
  name: string;
  level: 'city' | 'county' | 'township' | 'village';
};

export interface FundSummaryView {
  id: number;
  code: string;
  name: string;
  village: RegionRef;
  township: RegionRef;
  county: RegionRef;
  foundedOn: string | null;
}

function fundSelect(db: Kysely<Database>, actor: Actor) {
  return db
    .selectFrom('fund as f')
    .innerJoin('region as v', 'v.id', 'f.region_id')
    .innerJoin('region as t', 't.id', 'v.parent_id')
    .innerJoin('region as c', 'c.id', 't.parent_id')
    .select([
      'f.id',
      'f.code',
      'f.name',
      'f.founded_on',
      'v.id as v_id',
      'v.code as v_code',
      'v.name as v_name',
      'v.path as v_path',
      't.id as t_id',
      't.code as t_code',
      't.name as t_name',
      'c.id as c_id',
      'c.code as c_code',
      'c.name as c_name',
    ])
    .where('v.path', 'like', `${actor.regionPath}%`);
}

type FundRow = Awaited<ReturnType<ReturnType<typeof fundSelect>['executeTakeFirstOrThrow']>>;

function toFund(row: FundRow): FundSummaryView {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    foundedOn: row.founded_on,
    village: { id: row.v_id, code: row.v_code, name: row.v_name, level: 'village' },
    township: { id: row.t_id, code: row.t_code, name: row.t_name, level: 'township' },
    county: { id: row.c_id, code: row.c_code, name: row.c_name, level: 'county' },
  };
}

export async function listFunds(
  db: Kysely<Database>,
  actor: Actor,
  query: { regionId?: number | undefined; q?: string | undefined; page: number; pageSize: number },
): Promise<{ items: FundSummaryView[]; total: number }> {
  let base = fundSelect(db, actor);
  if (query.regionId !== undefined) {
    const region = await findRegionInScope(db, query.regionId, actor.regionPath);
    if (region === undefined) throw notFound('region');
    base = base.where('v.path', 'like', `${region.path}%`);
  }
  if (query.q !== undefined && query.q !== '') {
    const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    base = base.where((eb) =>
      eb.or([
        eb('f.name', 'like', pattern),
        eb('f.code', 'like', pattern),
        eb('v.name', 'like', pattern),
      ]),
    );
  }
  const rows = await base
    .select(sql<number>`(count(*) OVER ())::int`.as('total'))
    .orderBy('v.code')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return { items: rows.map(toFund), total: await pageTotal(base, rows) };
}

export async function getFund(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
): Promise<FundSummaryView> {
  const row = await fundSelect(db, actor).where('f.id', '=', id).executeTakeFirst();
  if (row === undefined) throw notFound('fund');
  return toFund(row);
}

/** Founds the mutual-aid society of one village (at most one per village). */
export async function createFund(
  db: Kysely<Database>,
  actor: Actor | null,
  input: { villageId: number; code: string; name: string; foundedOn?: string | undefined },
): Promise<FundSummaryView> {
  if (actor !== null) requirePermission(actor, 'funds.create');
  return db.transaction().execute(async (trx) => {
    const village = await findRegionInScope(trx, input.villageId, actor?.regionPath ?? '/');
    if (village === undefined) throw notFound('region');
    if (village.level !== 'village')
      throw new AppError('fund_region_not_village', { level: village.level });
    const existing = await trx
      .selectFrom('fund')
      .select(['id', 'code'])
      .where((eb) => eb.or([eb('region_id', '=', village.id), eb('code', '=', input.code)]))
      .execute();
    if (existing.some((f) => f.code === input.code))
      throw new AppError('fund_code_taken', { code: input.code });
    if (existing.length > 0)
      throw new AppError('fund_exists_for_village', { villageId: village.id });
    const { id } = await trx
      .insertInto('fund')
      .values({
        region_id: village.id,
        code: input.code,
        name: input.name,
        founded_on: input.foundedOn ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await seedChart(trx, id);
    await saveBylaws(trx, id, initialBylaws(input.foundedOn ?? null));
    await recordAudit(trx, actor, {
      command: 'fund.create',
      region: { id: village.id, path: village.path },
      entities: [{ type: 'fund', id: String(id) }],
      details: { code: input.code, name: input.name },
    });
    const superActor: Actor = actor ?? {
      userId: 0,
      username: 'system',
      role: 'admin',
      regionId: 0,
      regionPath: '/',
      ip: null,
    };
    return getFund(trx, superActor, id);
  });
}
