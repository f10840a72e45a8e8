import type { Kysely } from 'kysely';
import {
  allocationAmountFen,
  chineseDate,
  column,
  isoDate,
  minDate,
  NEW_PILOT_CRITERIA,
  NEW_PILOT_CRITERION_DEFINITIONS,
  PLAN_CATEGORY_NAMES,
  ratio,
  type IsoDate,
  type PlanCategory,
  type ReportModel,
  type ReportRow,
  type YearlyPlan,
} from '@huzhu/domain';
import type { Database } from '../../db/schema.js';
import { findRegionInScope, type RegionRow } from '../../db/repositories/regions.js';
import type { Actor } from '../actor.js';
import { notFound } from '../errors.js';
import { businessDate, chinaToday } from '../books/context.js';
import { standardAmountForYear } from './plan-context.js';
import { candidatesUnder } from './selection.js';
import { fundFactsAsOf, type FundFacts } from './selection-figures.js';

/** Order of the categories in the table: rewarded villages first, then the new pilots. */
const CATEGORY_ORDER: readonly PlanCategory[] = ['central_reward', 'reward_expand', 'new_pilot'];

interface Entry {
  villageId: number;
  category: PlanCategory;
  /** Money of issued plans of the year to the village in this category. */
  allocatedFen: number | null;
  /** The reward a candidate would receive (its eligibility's reward amount). */
  proposedFen: number | null;
}

async function regionOf(
  db: Kysely<Database>,
  actor: Actor,
  regionId: number | undefined,
): Promise<RegionRow> {
  const region = await findRegionInScope(db, regionId ?? actor.regionId, actor.regionPath);
  if (region === undefined) throw notFound('region');
  return region;
}

/** Village-level allocations of the year's issued plans that cover villages under `path`. */
async function issuedAllocations(
  db: Kysely<Database>,
  path: string,
  year: number,
): Promise<{ villageCode: string; category: PlanCategory; amountFen: number }[]> {
  const lineage = path.split('/').filter(Boolean).map(Number);
  const plans = await db
    .selectFrom('yearly_plan as p')
    .innerJoin('region as r', 'r.id', 'p.region_id')
    .select(['p.plan'])
    .where('p.year', '=', year)
    .where('p.status', '=', 'issued')
    .where((eb) =>
      eb.or([
        eb('r.path', 'like', `${path}%`),
        ...(lineage.length === 0 ? [] : [eb('r.id', 'in', lineage)]),
      ]),
    )
    .execute();
  return plans.flatMap((row) => {
    const plan = row.plan as YearlyPlan;
    return plan.allocations.flatMap((line) =>
      line.villageCode === null
        ? []
        : [
            {
              villageCode: line.villageCode,
              category: line.category,
              amountFen: allocationAmountFen(plan, line) ?? 0,
            },
          ],
    );
  });
}

/**
 * 附件2, the statistics table of rewarded and newly started villages of a year, under a region
 * of the actor's scope, with figures from each fund's books as of `asOf` (default: the year's
 * last day, or today while the year runs). A village is listed once per category:
 *
 * - 奖励扩大规模试点村: reward-and-expand candidates found eligible, and villages with a
 *   reward-and-expand allocation in an issued plan of the year;
 * - 新启动试点村: new-pilot candidates meeting every mandatory criterion, and new-pilot
 *   allocations of issued plans;
 * - 中央奖励村: central-reward allocations of issued plans.
 *
 * 本年安排资金 is the issued plans' money to the village in that category, or — for a candidate
 * not yet in an issued plan — the reward it would receive (the plan's standard amount).
 */
export async function attachment2(
  db: Kysely<Database>,
  actor: Actor,
  query: { year: number; regionId?: number | undefined; asOf?: string | undefined },
  now: Date,
): Promise<{ model: ReportModel; regionName: string; filename: string }> {
  const region = await regionOf(db, actor, query.regionId);
  const asOf: IsoDate =
    query.asOf === undefined
      ? minDate(chinaToday(now), isoDate(`${String(query.year)}-12-31`))
      : businessDate(query.asOf, now, 'asOf');

  const entries = new Map<string, Entry>();
  const entry = (villageId: number, category: PlanCategory): Entry => {
    const key = `${String(villageId)}|${category}`;
    let found = entries.get(key);
    if (found === undefined) {
      found = { villageId, category, allocatedFen: null, proposedFen: null };
      entries.set(key, found);
    }
    return found;
  };
  for (const candidate of await candidatesUnder(db, region.path, query.year)) {
    if (candidate.kind === 'reward_expand' && candidate.eligibility?.eligible === true) {
      entry(candidate.village.id, 'reward_expand').proposedFen = candidate.eligibility.rewardFen;
    }
    if (
      candidate.kind === 'new_pilot' &&
      NEW_PILOT_CRITERIA.every(
        (c) => !NEW_PILOT_CRITERION_DEFINITIONS[c].mandatory || candidate.checklist[c] === true,
      )
    ) {
      entry(candidate.village.id, 'new_pilot');
    }
  }
  const allocations = await issuedAllocations(db, region.path, query.year);
  const codes = [...new Set(allocations.map((a) => a.villageCode))];
  const villagesByCode = new Map(
    (codes.length === 0
      ? []
      : await db
          .selectFrom('region')
          .select(['id', 'code'])
          .where('code', 'in', codes)
          .where('level', '=', 'village')
          .where('path', 'like', `${region.path}%`)
          .execute()
    ).map((v) => [v.code, v.id]),
  );
  for (const allocation of allocations) {
    const villageId = villagesByCode.get(allocation.villageCode);
    if (villageId === undefined) continue;
    const e = entry(villageId, allocation.category);
    e.allocatedFen = (e.allocatedFen ?? 0) + allocation.amountFen;
  }

  const villageIds = [...new Set([...entries.values()].map((e) => e.villageId))];
  const villages =
    villageIds.length === 0
      ? []
      : await db
          .selectFrom('region as v')
          .innerJoin('region as t', 't.id', 'v.parent_id')
          .innerJoin('region as c', 'c.id', 't.parent_id')
          .leftJoin('fund as f', 'f.region_id', 'v.id')
          .select([
            'v.id',
            'v.code',
            'v.name',
            'v.path',
            't.name as township',
            'c.code as county_code',
            'c.name as county',
            'f.id as fund_id',
            'f.founded_on',
            'f.registration_no',
            'f.registered_on',
          ])
          .where('v.id', 'in', villageIds)
          .execute();
  const villageById = new Map(villages.map((v) => [v.id, v]));
  const facts = new Map<number, FundFacts>();
  for (const v of villages) {
    if (v.fund_id !== null) facts.set(v.fund_id, await fundFactsAsOf(db, v.fund_id, asOf));
  }

  const sorted = [...entries.values()].sort((a, b) => {
    const va = villageById.get(a.villageId);
    const vb = villageById.get(b.villageId);
    return (
      (va?.county_code ?? '').localeCompare(vb?.county_code ?? '') ||
      CATEGORY_ORDER.indexOf(a.category) - CATEGORY_ORDER.indexOf(b.category) ||
      (va?.code ?? '').localeCompare(vb?.code ?? '')
    );
  });
  const rows: ReportRow[] = [];
  for (const e of sorted) {
    const v = villageById.get(e.villageId);
    if (v === undefined) continue;
    const f = v.fund_id === null ? undefined : facts.get(v.fund_id);
    const thisYearFen =
      e.allocatedFen ?? e.proposedFen ?? (await standardAmountForYear(db, v.path, query.year));
    const startYear =
      v.founded_on !== null
        ? Number(v.founded_on.slice(0, 4))
        : f?.firstDisbursedOn != null
          ? Number(f.firstDisbursedOn.slice(0, 4))
          : null;
    const registered =
      v.registration_no !== null && v.registered_on !== null && v.registered_on <= asOf;
    rows.push({
      county: v.county,
      township: v.township,
      village: v.name,
      category: PLAN_CATEGORY_NAMES[e.category],
      startYear,
      registration: registered ? v.registration_no : '未登记',
      members: f?.values.members ?? null,
      membersPoor: f?.values.members_poor ?? null,
      fundTotal: f?.values.fund_total ?? null,
      fundFiscal: f?.values.fund_fiscal ?? null,
      fiscalInput: f?.fiscalInputFen ?? null,
      thisYear: thisYearFen,
      lending: f?.cumulativeLendingFen ?? null,
      outstanding: f?.values.outstanding ?? null,
      recoveryRate: f?.values.recovery_rate ?? ratio(0, 0),
      overdue: f?.values.overdue_balance ?? null,
    });
  }
  const sum = (key: string): number =>
    rows.reduce((total, row) => total + (typeof row[key] === 'number' ? row[key] : 0), 0);
  const totals: ReportRow = {
    county: '合计',
    village: `${String(rows.length)}个村`,
    members: sum('members'),
    membersPoor: sum('membersPoor'),
    fundTotal: sum('fundTotal'),
    fundFiscal: sum('fundFiscal'),
    fiscalInput: sum('fiscalInput'),
    thisYear: sum('thisYear'),
    lending: sum('lending'),
    outstanding: sum('outstanding'),
    recoveryRate: ratio(
      rows.reduce(
        (n, row) =>
          n +
          (typeof row.recoveryRate === 'object' && row.recoveryRate !== null
            ? row.recoveryRate.numerator
            : 0),
        0,
      ),
      rows.reduce(
        (n, row) =>
          n +
          (typeof row.recoveryRate === 'object' && row.recoveryRate !== null
            ? row.recoveryRate.denominator
            : 0),
        0,
      ),
    ),
    overdue: sum('overdue'),
  };
  const model: ReportModel = {
    title: `${String(query.year)}年奖励村和新启动试点村统计表`,
    subtitle: `附件2\u3000${region.name}\u3000数据截至${chineseDate(asOf)}\u3000单位：户、元`,
    columns: [
      column('county', '区县', 'text'),
      column('township', '乡镇', 'text'),
      column('village', '村', 'text'),
      column('category', '类别', 'text'),
      column('startYear', '启动年份', 'int'),
      column('registration', '民政登记证号', 'text'),
      column('members', '会员户数', 'int'),
      column('membersPoor', '其中贫困户', 'int'),
      column('fundTotal', '互助资金总额', 'money'),
      column('fundFiscal', '其中财政资金', 'money'),
      column('fiscalInput', '累计财政投入', 'money'),
      column('thisYear', '本年安排资金', 'money'),
      column('lending', '累计发放借款', 'money'),
      column('outstanding', '借款余额', 'money'),
      column('recoveryRate', '回收率', 'ratio'),
      column('overdue', '逾期余额', 'money'),
    ],
    rows,
    totals,
    notes: [
      '奖励扩大规模试点村：经审核符合条件的候选村及本年已下达计划安排的村；新启动试点村：本年已下达计划安排的村及符合全部必备条件的候选村；中央奖励村：本年已下达计划安排的村。',
      '本年安排资金为已下达计划的安排金额，尚未列入计划的候选村为每村标准金额；累计财政投入为账簿中政府补助收入（4401）的累计入账金额。',
      '回收率为到期借款本金的累计回收率，尚无到期借款的为“—”；启动年份为互助社成立年份（未填写时为首笔借款年份）。',
    ],
  };
  return {
    model,
    regionName: region.name,
    filename: `附件2_${region.name}_${String(query.year)}年奖励村和新启动试点村统计表.xlsx`,
  };
}
