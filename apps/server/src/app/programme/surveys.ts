import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { findRegionInScope } from '../../db/repositories/regions.js';
import { can, requirePermission, type Actor } from '../actor.js';
import { recordAudit } from '../audit.js';
import { AppError, notFound } from '../errors.js';
import { auditFund, fundInScope } from '../books/context.js';

/** 农户满意度调查 of one fund for a year (entered by the county, the township or the fund). */
export async function saveSurvey(
  db: Kysely<Database>,
  actor: Actor,
  fundId: number,
  year: number,
  input: {
    respondents: number;
    satisfied: number;
    neutral: number;
    dissatisfied: number;
    opinions: string;
  },
) {
  await db.transaction().execute(async (trx) => {
    const fund = await fundInScope(trx, actor, fundId);
    if (!can(actor, 'programme.county')) requirePermission(actor, 'fund.setup');
    if (input.satisfied + input.neutral + input.dissatisfied !== input.respondents)
      throw new AppError('survey_counts_invalid', { ...input });
    const values = {
      respondents: input.respondents,
      satisfied: input.satisfied,
      neutral: input.neutral,
      dissatisfied: input.dissatisfied,
      opinions: input.opinions,
    };
    await trx
      .insertInto('satisfaction_survey')
      .values({ fund_id: fund.id, year, ...values })
      .onConflict((oc) => oc.columns(['fund_id', 'year']).doUpdateSet(values))
      .execute();
    await auditFund(trx, actor, fund, {
      command: 'programme.survey',
      entities: [{ type: 'fund', id: String(fund.id) }],
      details: { year, ...values },
    });
  });
}

export async function listSurveys(db: Kysely<Database>, actor: Actor, fundId: number) {
  const fund = await fundInScope(db, actor, fundId);
  const rows = await db
    .selectFrom('satisfaction_survey')
    .selectAll()
    .where('fund_id', '=', fund.id)
    .orderBy('year', 'desc')
    .execute();
  return {
    items: rows.map((r) => ({
      year: r.year,
      respondents: r.respondents,
      satisfied: r.satisfied,
      neutral: r.neutral,
      dissatisfied: r.dissatisfied,
      opinions: r.opinions,
    })),
  };
}

/** 典型案例 a county records for its annual summary. */
export async function addTypicalCase(
  db: Kysely<Database>,
  actor: Actor,
  regionId: number,
  input: { year: number; fundId?: number | undefined; title: string; body: string },
) {
  return db.transaction().execute(async (trx) => {
    const region = await findRegionInScope(trx, regionId, actor.regionPath);
    if (region === undefined) throw notFound('region');
    requirePermission(actor, 'programme.county');
    if (input.fundId !== undefined) {
      const fund = await fundInScope(trx, actor, input.fundId);
      if (!fund.regionPath.startsWith(region.path)) throw notFound('fund');
    }
    const { id } = await trx
      .insertInto('typical_case')
      .values({
        region_id: region.id,
        year: input.year,
        fund_id: input.fundId ?? null,
        title: input.title,
        body: input.body,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      command: 'programme.typical_case',
      region: { id: region.id, path: region.path },
      entities: [{ type: 'typical_case', id: String(id) }],
      details: { title: input.title },
    });
    return id;
  });
}

export async function listTypicalCases(
  db: Kysely<Database>,
  actor: Actor,
  regionId: number,
  year: number,
) {
  const region = await findRegionInScope(db, regionId, actor.regionPath);
  if (region === undefined) throw notFound('region');
  const rows = await db
    .selectFrom('typical_case as c')
    .innerJoin('region as r', 'r.id', 'c.region_id')
    .leftJoin('fund as f', 'f.id', 'c.fund_id')
    .select(['c.id', 'c.year', 'c.fund_id', 'f.name as fund_name', 'c.title', 'c.body'])
    .where('r.path', 'like', `${region.path}%`)
    .where('c.year', '=', year)
    .orderBy('c.id')
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      year: r.year,
      fundId: r.fund_id,
      fundName: r.fund_name,
      title: r.title,
      body: r.body,
    })),
  };
}
