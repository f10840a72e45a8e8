import type { Kysely } from 'kysely';
import {
  periodKind,
  rollUpIndicators,
  type FundIndicators,
  type IsoDate,
  type IndicatorValues,
  type Period,
} from '@huzhu/domain';
import type { Database } from '../../db/schema.js';
import { findRegionInScope, type RegionRow } from '../../db/repositories/regions.js';
import type { Actor } from '../actor.js';
import { AppError, notFound } from '../errors.js';
import { fundIndicators } from './fund-indicators.js';

/**
 * The funds and child units of a region, and their indicators, exactly as `GET /indicators`
 * (`regionBreakdown`) takes them: the same funds, the same source rules, the same rollups.
 */

/** A fund under the region, with the names of its village, township and county. */
export interface MonitoredFund {
  readonly fundId: number;
  readonly code: string;
  readonly name: string;
  readonly path: string;
  readonly village: string;
  readonly township: string;
  readonly county: string;
}

/** A child of the region in the breakdown: a region (with its path) or a fund. */
export interface ChildUnit {
  readonly kind: 'region' | 'fund';
  readonly id: number;
  readonly name: string;
  /** The funds it holds (one for a fund). */
  readonly fundIds: readonly number[];
}

export interface RegionScope {
  readonly region: RegionRow;
  readonly funds: readonly MonitoredFund[];
  readonly children: readonly ChildUnit[];
}

/** One unit's rolled-up figures: funds with data and the indicators. */
export interface UnitFigures {
  readonly kind: 'region' | 'fund';
  readonly id: number;
  readonly name: string;
  readonly fundCount: number;
  readonly indicators: IndicatorValues;
}

/** A region in the actor's subtree (default: the actor's own), its funds and its children. */
export async function regionScope(
  db: Kysely<Database>,
  actor: Actor,
  regionId: number | undefined,
): Promise<RegionScope> {
  const region = await findRegionInScope(db, regionId ?? actor.regionId, actor.regionPath);
  if (region === undefined) throw notFound('region');
  const rows = await db
    .selectFrom('fund as f')
    .innerJoin('region as v', 'v.id', 'f.region_id')
    .leftJoin('region as t', 't.id', 'v.parent_id')
    .leftJoin('region as c', 'c.id', 't.parent_id')
    .select([
      'f.id',
      'f.code',
      'f.name',
      'v.path',
      'v.name as village',
      't.name as township',
      'c.name as county',
    ])
    .where('v.path', 'like', `${region.path}%`)
    .orderBy('v.code')
    .execute();
  const funds = rows.map((r) => ({
    fundId: r.id,
    code: r.code,
    name: r.name,
    path: r.path,
    village: r.village,
    township: r.township ?? '',
    county: r.county ?? '',
  }));
  const childRegions = await db
    .selectFrom('region')
    .select(['id', 'name', 'path'])
    .where('parent_id', '=', region.id)
    .orderBy('code')
    .execute();
  const useFunds =
    region.level === 'township' || region.level === 'village' || childRegions.length === 0;
  const children: ChildUnit[] = useFunds
    ? funds.map((f) => ({ kind: 'fund', id: f.fundId, name: f.name, fundIds: [f.fundId] }))
    : childRegions.map((child) => ({
        kind: 'region',
        id: child.id,
        name: child.name,
        fundIds: funds.filter((f) => f.path.startsWith(child.path)).map((f) => f.fundId),
      }));
  return { region, funds, children };
}

/**
 * Each fund's indicators for a period: recomputed from its books, or read from the snapshots of
 * its submitted, reviewed or locked quarterly report (funds without one are left out).
 */
export async function indicatorsByFund(
  db: Kysely<Database>,
  funds: readonly MonitoredFund[],
  period: Period,
  source: 'books' | 'snapshot',
  asOf?: IsoDate,
): Promise<Map<number, FundIndicators>> {
  const result = new Map<number, FundIndicators>();
  if (funds.length === 0) return result;
  if (source === 'snapshot') {
    if (periodKind(period) !== 'quarter')
      throw new AppError('report_period_not_quarter', { period });
    const rows = await db
      .selectFrom('quarterly_report')
      .select(['fund_id', 'indicators'])
      .where('period', '=', period)
      .where('status', 'in', ['submitted', 'reviewed', 'locked'])
      .where(
        'fund_id',
        'in',
        funds.map((f) => f.fundId),
      )
      .execute();
    for (const row of rows) result.set(row.fund_id, row.indicators as FundIndicators);
    return result;
  }
  for (const fund of funds) {
    result.set(fund.fundId, await fundIndicators(db, fund.fundId, period, asOf));
  }
  return result;
}

/** The figures of a set of funds: those with data, rolled up (ratios recomputed). */
export function rollUpFunds(
  byFund: ReadonlyMap<number, FundIndicators>,
  fundIds: readonly number[],
  period: Period,
): { fundCount: number; indicators: IndicatorValues } {
  const list = fundIds.flatMap((id) => {
    const own = byFund.get(id);
    return own === undefined ? [] : [own];
  });
  return { fundCount: list.length, indicators: rollUpIndicators(list, period).values };
}

/** Each child unit's figures, in the order of `GET /indicators`. */
export function childFigures(
  scope: RegionScope,
  byFund: ReadonlyMap<number, FundIndicators>,
  period: Period,
): UnitFigures[] {
  return scope.children.map((child) => ({
    kind: child.kind,
    id: child.id,
    name: child.name,
    ...rollUpFunds(byFund, child.fundIds, period),
  }));
}
