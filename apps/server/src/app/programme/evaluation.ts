import type { Kysely, Transaction } from 'kysely';
import {
  DEFAULT_EVALUATION_SCHEME,
  STANDARD_VILLAGE_AMOUNT_FEN,
  checkRewardEligibility,
  parsePeriod,
  addDays,
  DEFAULT_RECTIFY_DAYS,
  proposeOutcome,
  rankFunds,
  scoreFund,
  validateScheme,
  type EvaluationOutcomeCode,
  type EvaluationScheme,
  type FundIndicators,
  type IsoDate,
  type ManualScores,
} from '@huzhu/domain';
import { errorMessage } from '@huzhu/contract';
import type { Database } from '../../db/schema.js';
import { findRegionInScope } from '../../db/repositories/regions.js';
import { requirePermission, type Actor } from '../actor.js';
import { recordAudit } from '../audit.js';
import { AppError, notFound } from '../errors.js';
import { calendarDate, chinaToday, fundInScope } from '../books/context.js';
import { fundIndicators } from '../monitoring/fund-indicators.js';
import { rewardFactsFor } from './reward-facts.js';

type Db = Kysely<Database> | Transaction<Database>;

function refuseSchemeProblems(scheme: EvaluationScheme): void {
  const problems = validateScheme(scheme);
  const [first] = problems;
  if (first !== undefined) {
    throw new AppError(first.code, {
      ...first.details,
      problems: problems.map((p) => ({
        code: p.code,
        message: errorMessage(p.code),
        details: p.details,
      })),
    });
  }
}

/** 考评方案: a city's configurable scheme; weights and bands are checked before it is saved. */
export async function createScheme(
  db: Kysely<Database>,
  actor: Actor,
  input: { name: string; scheme: EvaluationScheme },
) {
  requirePermission(actor, 'programme.city');
  refuseSchemeProblems(input.scheme);
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('evaluation_scheme')
      .values({
        region_id: actor.regionId,
        name: input.name,
        scheme: JSON.stringify(input.scheme),
        created_by: actor.userId > 0 ? actor.userId : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      command: 'evaluation.scheme',
      region: { id: actor.regionId, path: actor.regionPath },
      entities: [{ type: 'evaluation_scheme', id: String(id) }],
      details: { name: input.name },
    });
    return id;
  });
}

export async function listSchemes(db: Kysely<Database>, actor: Actor) {
  const rows = await db
    .selectFrom('evaluation_scheme as s')
    .innerJoin('region as r', 'r.id', 's.region_id')
    .select(['s.id', 's.name', 's.scheme', 's.created_at'])
    .where((eb) =>
      eb.or([
        eb('r.path', 'like', `${actor.regionPath}%`),
        // Schemes of the actor's ancestors (a city's scheme applies to its counties).
        eb('r.id', 'in', actor.regionPath.split('/').filter(Boolean).map(Number)),
      ]),
    )
    .orderBy('s.id')
    .execute();
  return {
    default: DEFAULT_EVALUATION_SCHEME,
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      scheme: r.scheme as EvaluationScheme,
      createdAt: r.created_at.toISOString(),
    })),
  };
}

async function schemeOf(
  db: Db,
  schemeId: number | null,
  actor: Actor,
): Promise<{ id: number; scheme: EvaluationScheme }> {
  if (schemeId !== null) {
    const row = await db
      .selectFrom('evaluation_scheme')
      .select(['id', 'scheme'])
      .where('id', '=', schemeId)
      .executeTakeFirst();
    if (row === undefined) throw notFound('evaluation_scheme');
    return { id: row.id, scheme: row.scheme as EvaluationScheme };
  }
  const existing = await db
    .selectFrom('evaluation_scheme')
    .select('id')
    .where('region_id', '=', actor.regionId)
    .where('name', '=', DEFAULT_EVALUATION_SCHEME.name)
    .executeTakeFirst();
  if (existing !== undefined) return { id: existing.id, scheme: DEFAULT_EVALUATION_SCHEME };
  const { id } = await db
    .insertInto('evaluation_scheme')
    .values({
      region_id: actor.regionId,
      name: DEFAULT_EVALUATION_SCHEME.name,
      scheme: JSON.stringify(DEFAULT_EVALUATION_SCHEME),
      created_by: actor.userId > 0 ? actor.userId : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, scheme: DEFAULT_EVALUATION_SCHEME };
}

interface FundContext {
  fundId: number;
  countyCode: string;
}

/** Scores one fund for a run and stores the result with its proposed outcome. */
async function scoreAndStore(
  trx: Transaction<Database>,
  run: { id: number; year: number; evaluated_on: string },
  scheme: EvaluationScheme,
  fund: FundContext,
  manual: ManualScores,
  misappropriation: boolean,
  indicatorsCache?: FundIndicators,
) {
  const evaluatedOn = run.evaluated_on as IsoDate;
  const period = parsePeriod(String(run.year));
  if (!period.ok) throw new Error('year period');
  const indicators =
    indicatorsCache ?? (await fundIndicators(trx, fund.fundId, period.value, evaluatedOn));
  const result = scoreFund(scheme, indicators, manual);
  const facts = await rewardFactsFor(trx, fund.fundId, indicators.asOf, {
    overdueBalanceFen: indicators.values.overdue_balance,
    writtenOffFen: indicators.values.written_off,
  });
  const eligibility = checkRewardEligibility(facts, indicators.asOf, STANDARD_VILLAGE_AMOUNT_FEN);
  const previous = await trx
    .selectFrom('evaluation_result as e')
    .innerJoin('evaluation_run as r', 'r.id', 'e.run_id')
    .select(['e.approved_outcome'])
    .where('e.fund_id', '=', fund.fundId)
    .where('r.year', '<', run.year)
    .where('r.status', '=', 'approved')
    .orderBy('r.year', 'desc')
    .executeTakeFirst();
  // A loss in the year (a write-off dated in it) counts like misappropriation (DOMAIN §11).
  const lossInYear =
    indicators.values.written_off > 0 &&
    (await trx
      .selectFrom('loan')
      .select('id')
      .where('fund_id', '=', fund.fundId)
      .where('written_off_on', '>=', `${run.year}-01-01`)
      .where('written_off_on', '<=', indicators.asOf)
      .executeTakeFirst()) !== undefined;
  const proposal = proposeOutcome({
    grade: result.grade,
    evaluatedOn,
    eligibleForReward: eligibility.eligible,
    previousOutcome: (previous?.approved_outcome ?? null) as EvaluationOutcomeCode | null,
    misappropriationOrLoss: misappropriation || lossInYear,
  });
  const values = {
    indicators: JSON.stringify(indicators),
    manual_scores: JSON.stringify({ scores: manual, misappropriation }),
    score: JSON.stringify({ ...result, eligibility, proposal }),
    total_tenths: result.totalTenths,
    grade: result.grade,
    proposed_outcome: proposal.outcome,
    outcome_deadline: proposal.outcome === 'rectify' ? proposal.deadline : null,
  };
  await trx
    .insertInto('evaluation_result')
    .values({ run_id: run.id, fund_id: fund.fundId, ...values })
    .onConflict((oc) => oc.columns(['run_id', 'fund_id']).doUpdateSet(values))
    .execute();
}

async function rerank(trx: Transaction<Database>, runId: number) {
  const rows = await trx
    .selectFrom('evaluation_result as e')
    .innerJoin('fund as f', 'f.id', 'e.fund_id')
    .innerJoin('region as v', 'v.id', 'f.region_id')
    .innerJoin('region as t', 't.id', 'v.parent_id')
    .innerJoin('region as c', 'c.id', 't.parent_id')
    .select(['e.fund_id', 'e.total_tenths', 'c.code'])
    .where('e.run_id', '=', runId)
    .execute();
  const ranks = rankFunds(
    rows.map((r) => ({
      fundId: String(r.fund_id),
      countyCode: r.code,
      totalTenths: r.total_tenths,
    })),
  );
  for (const rank of ranks) {
    await trx
      .updateTable('evaluation_result')
      .set({ rank_in_county: rank.countyRank, rank_in_city: rank.cityRank })
      .where('run_id', '=', runId)
      .where('fund_id', '=', Number(rank.fundId))
      .execute();
  }
}

/**
 * 年度考评: scores every fund in the city's scope for a year, automatic items from the books,
 * manual items as entered (missing until inspectors score them), then ranks them and proposes
 * outcomes. One run a region and year.
 */
export async function startRun(
  db: Kysely<Database>,
  actor: Actor,
  input: { year: number; schemeId?: number | undefined; evaluatedOn: string },
  now: Date,
) {
  requirePermission(actor, 'programme.city');
  const evaluatedOn = calendarDate(input.evaluatedOn, 'evaluatedOn');
  if (evaluatedOn > chinaToday(now)) throw new AppError('date_in_future', { field: 'evaluatedOn' });
  if (evaluatedOn < `${input.year}-01-01`)
    throw new AppError('evaluation_date_before_year', { year: input.year });
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('evaluation_run')
      .select('id')
      .where('region_id', '=', actor.regionId)
      .where('year', '=', input.year)
      .executeTakeFirst();
    if (existing !== undefined) throw new AppError('evaluation_run_exists', { runId: existing.id });
    const { id: schemeId, scheme } = await schemeOf(trx, input.schemeId ?? null, actor);
    refuseSchemeProblems(scheme);
    const run = await trx
      .insertInto('evaluation_run')
      .values({
        region_id: actor.regionId,
        year: input.year,
        scheme_id: schemeId,
        evaluated_on: evaluatedOn,
        status: 'open',
        created_by: actor.userId > 0 ? actor.userId : null,
      })
      .returning(['id', 'year', 'evaluated_on'])
      .executeTakeFirstOrThrow();
    const funds = await fundsInScope(trx, actor.regionPath);
    for (const fund of funds) await scoreAndStore(trx, run, scheme, fund, {}, false);
    await rerank(trx, run.id);
    await recordAudit(trx, actor, {
      command: 'evaluation.run',
      region: { id: actor.regionId, path: actor.regionPath },
      entities: [{ type: 'evaluation_run', id: String(run.id) }],
      details: { year: input.year, funds: funds.length },
    });
    return run.id;
  });
}

async function fundsInScope(db: Db, path: string): Promise<FundContext[]> {
  const rows = await db
    .selectFrom('fund as f')
    .innerJoin('region as v', 'v.id', 'f.region_id')
    .innerJoin('region as t', 't.id', 'v.parent_id')
    .innerJoin('region as c', 'c.id', 't.parent_id')
    .leftJoin('fund_exit as x', 'x.fund_id', 'f.id')
    .select(['f.id', 'c.code'])
    .where('v.path', 'like', `${path}%`)
    .where('x.closed_on', 'is', null)
    .orderBy('v.code')
    .execute();
  return rows.map((r) => ({ fundId: r.id, countyCode: r.code }));
}

async function runInScope(db: Db, actor: Actor, runId: number) {
  const run = await db
    .selectFrom('evaluation_run as r')
    .innerJoin('region as g', 'g.id', 'r.region_id')
    .select([
      'r.id',
      'r.year',
      'r.evaluated_on',
      'r.status',
      'r.scheme_id',
      'r.region_id',
      'g.path',
    ])
    .where('r.id', '=', runId)
    .executeTakeFirst();
  // A run covers its region's funds; anyone whose scope overlaps it may read their part of it.
  if (
    run === undefined ||
    !(run.path.startsWith(actor.regionPath) || actor.regionPath.startsWith(run.path))
  )
    throw notFound('evaluation_run');
  return run;
}

/**
 * 人工评分: an inspector (county officer) scores the manual items of a fund with evidence; a
 * score outside its band is refused and nothing is written. The fund is re-scored and re-ranked.
 */
export async function enterManualScores(
  db: Kysely<Database>,
  actor: Actor,
  runId: number,
  fundId: number,
  input: {
    scores: Record<string, { points: number; evidence: string }>;
    misappropriation: boolean;
  },
) {
  requirePermission(actor, 'programme.county');
  await db.transaction().execute(async (trx) => {
    const run = await runInScope(trx, actor, runId);
    if (run.status === 'approved') throw new AppError('evaluation_run_approved');
    const fund = await fundInScope(trx, actor, fundId);
    const scheme = (
      await trx
        .selectFrom('evaluation_scheme')
        .select('scheme')
        .where('id', '=', run.scheme_id)
        .executeTakeFirstOrThrow()
    ).scheme as EvaluationScheme;
    const stored = await trx
      .selectFrom('evaluation_result')
      .select(['indicators'])
      .where('run_id', '=', runId)
      .where('fund_id', '=', fund.id)
      .executeTakeFirst();
    if (stored === undefined) throw notFound('evaluation_result');
    const indicators = stored.indicators as FundIndicators;
    const trial = scoreFund(scheme, indicators, input.scores);
    const banded = trial.problems.filter(
      (p) => p.code === 'manual_score_out_of_band' || p.code === 'manual_score_unknown_item',
    );
    const [first] = banded;
    if (first !== undefined) {
      throw new AppError(first.code, {
        ...first.details,
        problems: banded.map((p) => ({
          code: p.code,
          message: errorMessage(p.code),
          details: p.details,
        })),
      });
    }
    const county = await trx
      .selectFrom('fund as f')
      .innerJoin('region as v', 'v.id', 'f.region_id')
      .innerJoin('region as t', 't.id', 'v.parent_id')
      .innerJoin('region as c', 'c.id', 't.parent_id')
      .select('c.code')
      .where('f.id', '=', fund.id)
      .executeTakeFirstOrThrow();
    await scoreAndStore(
      trx,
      run,
      scheme,
      { fundId: fund.id, countyCode: county.code },
      input.scores,
      input.misappropriation,
      indicators,
    );
    await rerank(trx, runId);
    await recordAudit(trx, actor, {
      command: 'evaluation.manual_scores',
      region: { id: fund.regionId, path: fund.regionPath },
      entities: [
        { type: 'evaluation_run', id: String(runId) },
        { type: 'fund', id: String(fund.id) },
      ],
      details: { scores: input.scores, misappropriation: input.misappropriation },
    });
  });
}

/** A run's results within the reader's scope: per fund and summarised per county. */
export async function getRun(db: Kysely<Database>, actor: Actor, runId: number) {
  const run = await runInScope(db, actor, runId);
  const rows = await db
    .selectFrom('evaluation_result as e')
    .innerJoin('fund as f', 'f.id', 'e.fund_id')
    .innerJoin('region as v', 'v.id', 'f.region_id')
    .innerJoin('region as t', 't.id', 'v.parent_id')
    .innerJoin('region as c', 'c.id', 't.parent_id')
    .select([
      'e.fund_id',
      'f.name as fund_name',
      'c.name as county',
      'c.id as county_id',
      'e.total_tenths',
      'e.grade',
      'e.rank_in_county',
      'e.rank_in_city',
      'e.proposed_outcome',
      'e.approved_outcome',
      'e.outcome_deadline',
      'e.score',
      'e.manual_scores',
    ])
    .where('e.run_id', '=', runId)
    .where('v.path', 'like', `${actor.regionPath}%`)
    .orderBy('e.rank_in_city')
    .execute();
  const funds = rows.map((r) => {
    const score = r.score as {
      complete: boolean;
      problems: { code: string }[];
      eligibility: { eligible: boolean };
      dimensions: { code: string; name: string; pointsTenths: number; weightTenths: number }[];
    };
    return {
      fundId: r.fund_id,
      fundName: r.fund_name,
      county: r.county,
      totalTenths: r.total_tenths,
      grade: r.grade,
      rankInCounty: r.rank_in_county,
      rankInCity: r.rank_in_city,
      proposedOutcome: r.proposed_outcome,
      approvedOutcome: r.approved_outcome,
      outcomeDeadline: r.outcome_deadline,
      complete: score.complete,
      problems: score.problems.map((p) => p.code),
      eligibleForReward: score.eligibility.eligible,
      manual: r.manual_scores,
      dimensions: score.dimensions.map((d) => ({
        code: d.code,
        name: d.name,
        pointsTenths: d.pointsTenths,
        weightTenths: d.weightTenths,
      })),
    };
  });
  const counties = [...new Set(rows.map((r) => r.county_id))].map((countyId) => {
    const own = rows.filter((r) => r.county_id === countyId);
    const grades = { excellent: 0, good: 0, pass: 0, fail: 0 } as Record<string, number>;
    for (const r of own) grades[r.grade] = (grades[r.grade] ?? 0) + 1;
    const total = own.reduce((sum, r) => sum + r.total_tenths, 0);
    return {
      countyId,
      county: own[0]?.county ?? '',
      funds: own.length,
      averageTenths: own.length === 0 ? null : Math.round(total / own.length),
      grades,
    };
  });
  const scheme = await db
    .selectFrom('evaluation_scheme')
    .select(['id', 'name', 'scheme'])
    .where('id', '=', run.scheme_id)
    .executeTakeFirstOrThrow();
  return {
    id: run.id,
    year: run.year,
    evaluatedOn: run.evaluated_on,
    status: run.status,
    schemeId: scheme.id,
    schemeName: scheme.name,
    scheme: scheme.scheme,
    funds,
    counties,
  };
}

/** The evaluation runs whose region overlaps the reader's scope, newest year first. */
export async function listRuns(db: Kysely<Database>, actor: Actor, year: number | undefined) {
  let query = db
    .selectFrom('evaluation_run as r')
    .innerJoin('region as g', 'g.id', 'r.region_id')
    .select(['r.id', 'r.year', 'r.evaluated_on', 'r.status', 'g.name as region'])
    .where((eb) =>
      eb.or([
        eb('g.path', 'like', `${actor.regionPath}%`),
        eb('g.id', 'in', actor.regionPath.split('/').filter(Boolean).map(Number)),
      ]),
    )
    .orderBy('r.year', 'desc')
    .orderBy('r.id', 'desc');
  if (year !== undefined) query = query.where('r.year', '=', year);
  const rows = await query.execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      year: r.year,
      evaluatedOn: r.evaluated_on,
      status: r.status,
      region: r.region,
    })),
  };
}

/**
 * 审定结果: the city approves the outcomes (each may be changed): rectification tasks with their
 * deadline for 限期整改, an exit decision for 退出, reward candidates recorded for next year.
 */
export async function approveRun(
  db: Kysely<Database>,
  actor: Actor,
  runId: number,
  input: { overrides: { fundId: number; outcome: EvaluationOutcomeCode; reason: string }[] },
  now: Date,
) {
  requirePermission(actor, 'programme.city');
  await db.transaction().execute(async (trx) => {
    const run = await runInScope(trx, actor, runId);
    if (run.status === 'approved') throw new AppError('evaluation_run_approved');
    const results = await trx
      .selectFrom('evaluation_result')
      .select(['fund_id', 'proposed_outcome', 'outcome_deadline', 'score'])
      .where('run_id', '=', runId)
      .execute();
    const today = chinaToday(now);
    for (const result of results) {
      const override = input.overrides.find((o) => o.fundId === result.fund_id);
      const outcome = (override?.outcome ?? result.proposed_outcome) as EvaluationOutcomeCode;
      // An override to 限期整改 without a proposed deadline gets the default 90 days from today.
      const deadline =
        outcome === 'rectify'
          ? (result.outcome_deadline ?? addDays(today, DEFAULT_RECTIFY_DAYS))
          : null;
      await trx
        .updateTable('evaluation_result')
        .set({ approved_outcome: outcome, outcome_deadline: deadline })
        .where('run_id', '=', runId)
        .where('fund_id', '=', result.fund_id)
        .execute();
      if (outcome === 'rectify' && deadline !== null) {
        const weak = (
          result.score as {
            dimensions: { name: string; pointsTenths: number; weightTenths: number }[];
          }
        ).dimensions
          .filter((d) => d.pointsTenths < d.weightTenths * 0.6)
          .map((d) => d.name);
        await trx
          .insertInto('rectification_task')
          .values({
            fund_id: result.fund_id,
            run_id: runId,
            description: `${run.year}年度考评不合格，限期整改${weak.length > 0 ? `：${weak.join('、')}` : ''}${override !== undefined ? `（${override.reason}）` : ''}`,
            deadline,
            status: 'open',
          })
          .execute();
      }
      if (outcome === 'exit') {
        const decided = await trx
          .selectFrom('fund_exit')
          .select('fund_id')
          .where('fund_id', '=', result.fund_id)
          .executeTakeFirst();
        if (decided === undefined) {
          await trx
            .insertInto('fund_exit')
            .values({
              fund_id: result.fund_id,
              decided_on: today,
              reason: override?.reason ?? `${run.year}年度考评：整改后仍不合格或发现挪用、损失`,
            })
            .execute();
        }
      }
    }
    await trx
      .updateTable('evaluation_run')
      .set({
        status: 'approved',
        approved_by: actor.userId > 0 ? actor.userId : null,
        approved_at: now,
      })
      .where('id', '=', runId)
      .execute();
    const region = await findRegionInScope(trx, run.region_id, '/');
    await recordAudit(trx, actor, {
      command: 'evaluation.approve',
      region: region === undefined ? null : { id: region.id, path: region.path },
      entities: [{ type: 'evaluation_run', id: String(runId) }],
      details: { overrides: input.overrides },
    });
  });
}

/** A fund's evaluations across the years. */
export async function fundEvaluationHistory(db: Kysely<Database>, actor: Actor, fundId: number) {
  const fund = await fundInScope(db, actor, fundId);
  const rows = await db
    .selectFrom('evaluation_result as e')
    .innerJoin('evaluation_run as r', 'r.id', 'e.run_id')
    .select([
      'r.id as run_id',
      'r.year',
      'r.status',
      'e.total_tenths',
      'e.grade',
      'e.rank_in_county',
      'e.rank_in_city',
      'e.proposed_outcome',
      'e.approved_outcome',
      'e.outcome_deadline',
    ])
    .where('e.fund_id', '=', fund.id)
    .orderBy('r.year', 'desc')
    .execute();
  const tasks = await db
    .selectFrom('rectification_task')
    .selectAll()
    .where('fund_id', '=', fund.id)
    .orderBy('id')
    .execute();
  return {
    evaluations: rows.map((r) => ({
      runId: r.run_id,
      year: r.year,
      status: r.status,
      totalTenths: r.total_tenths,
      grade: r.grade,
      rankInCounty: r.rank_in_county,
      rankInCity: r.rank_in_city,
      proposedOutcome: r.proposed_outcome,
      approvedOutcome: r.approved_outcome,
      outcomeDeadline: r.outcome_deadline,
    })),
    rectifications: tasks.map((t) => ({
      id: t.id,
      description: t.description,
      deadline: t.deadline,
      status: t.status,
      evidence: t.evidence,
      closedOn: t.closed_on,
    })),
  };
}

/** 整改完成: the county records the evidence that a rectification task is done. */
export async function closeRectification(
  db: Kysely<Database>,
  actor: Actor,
  taskId: number,
  input: { evidence: string; closedOn: string },
  now: Date,
) {
  requirePermission(actor, 'programme.county');
  await db.transaction().execute(async (trx) => {
    const task = await trx
      .selectFrom('rectification_task')
      .selectAll()
      .where('id', '=', taskId)
      .forUpdate()
      .executeTakeFirst();
    if (task === undefined) throw notFound('rectification_task');
    const fund = await fundInScope(trx, actor, task.fund_id);
    if (task.status === 'done') throw new AppError('rectification_already_closed');
    if (input.evidence.trim() === '') throw new AppError('rectification_needs_evidence');
    const closedOn = calendarDate(input.closedOn, 'closedOn');
    if (closedOn > chinaToday(now)) throw new AppError('date_in_future', { field: 'closedOn' });
    await trx
      .updateTable('rectification_task')
      .set({ status: 'done', evidence: input.evidence.trim(), closed_on: closedOn })
      .where('id', '=', taskId)
      .execute();
    await recordAudit(trx, actor, {
      command: 'evaluation.rectified',
      region: { id: fund.regionId, path: fund.regionPath },
      entities: [{ type: 'rectification_task', id: String(taskId) }],
      details: { evidence: input.evidence, closedOn, late: closedOn > task.deadline },
    });
  });
}
