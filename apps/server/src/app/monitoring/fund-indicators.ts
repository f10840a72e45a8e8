import type { Kysely, Transaction } from 'kysely';
import {
  computeFundIndicators,
  parsePeriod,
  periodEnd,
  periodKind,
  rollUpIndicators,
  type FundIndicators,
  type IndicatorValues,
  type IsoDate,
  type Period,
} from '@huzhu/domain';
import type { Database } from '../../db/schema.js';
import { findRegionInScope, type RegionRow } from '../../db/repositories/regions.js';
import type { Actor } from '../actor.js';
import { AppError, notFound } from '../errors.js';
import { fundInScope } from '../books/context.js';
import { loadIndicatorInput } from './indicator-input.js';

type Db = Kysely<Database> | Transaction<Database>;

export function parseIndicatorPeriod(input: string): Period {
  const parsed = parsePeriod(input);
  if (!parsed.ok) throw new AppError('period_invalid', { period: input });
  return parsed.value;
}

/**
 * The §8 indicators of one fund for a period, computed from its books as of the period end (or of
 * `asOf`, a day inside a period that is still running).
 */
export async function fundIndicators(
  db: Db,
  fundId: number,
  period: Period,
  asOf?: IsoDate,
): Promise<FundIndicators> {
  const through = asOf !== undefined && asOf < periodEnd(period) ? asOf : periodEnd(period);
  const input = await loadIndicatorInput(db, fundId, through);
  return computeFundIndicators({ period, asOf: through, ...input });
}

interface FundUnit {
  fundId: number;
  name: string;
  path: string;
}

async function fundsUnder(db: Db, path: string): Promise<FundUnit[]> {
  const rows = await db
    .selectFrom('fund as f')
    .innerJoin('region as v', 'v.id', 'f.region_id')
    .select(['f.id', 'f.name', 'v.path'])
    .where('v.path', 'like', `${path}%`)
    .orderBy('v.code')
    .execute();
  return rows.map((r) => ({ fundId: r.id, name: r.name, path: r.path }));
}

/**
 * Indicators of each fund under a region path: recomputed from the books, or read from the stored
 * snapshots of submitted, reviewed and locked quarterly reports (funds without one are left out).
 */
async function indicatorsOfFunds(
  db: Db,
  funds: FundUnit[],
  period: Period,
  source: 'books' | 'snapshot',
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
  for (const fund of funds) result.set(fund.fundId, await fundIndicators(db, fund.fundId, period));
  return result;
}

export interface IndicatorSummary {
  period: Period;
  asOf: string;
  source: 'books' | 'snapshot';
  fundCount: number;
  indicators: IndicatorValues;
}

/** One fund's indicators, scoped. */
export async function indicatorsForFund(
  db: Db,
  actor: Actor,
  fundId: number,
  periodInput: string,
  source: 'books' | 'snapshot',
): Promise<IndicatorSummary> {
  const fund = await fundInScope(db, actor, fundId);
  const period = parseIndicatorPeriod(periodInput);
  const map = await indicatorsOfFunds(
    db,
    [{ fundId: fund.id, name: fund.name, path: fund.regionPath }],
    period,
    source,
  );
  const rolled = rollUpIndicators([...map.values()], period);
  return { period, asOf: rolled.asOf, source, fundCount: map.size, indicators: rolled.values };
}

async function regionOrRoot(
  db: Db,
  actor: Actor,
  regionId: number | undefined,
): Promise<RegionRow> {
  const region = await findRegionInScope(db, regionId ?? actor.regionId, actor.regionPath);
  if (region === undefined) throw notFound('region');
  return region;
}

/**
 * A region's indicators rolled up from its funds (ratios recomputed from summed numerators and
 * denominators), and the same for each child region — or each fund under a township or village —
 * for drilling down from city to county to fund.
 */
export async function regionBreakdown(
  db: Db,
  actor: Actor,
  regionId: number | undefined,
  periodInput: string,
  source: 'books' | 'snapshot',
) {
  const region = await regionOrRoot(db, actor, regionId);
  const period = parseIndicatorPeriod(periodInput);
  const funds = await fundsUnder(db, region.path);
  const all = await indicatorsOfFunds(db, funds, period, source);
  const total = rollUpIndicators([...all.values()], period);
  const childRegions = await db
    .selectFrom('region')
    .select(['id', 'name', 'path', 'level'])
    .where('parent_id', '=', region.id)
    .orderBy('code')
    .execute();
  const useFunds =
    region.level === 'township' || region.level === 'village' || childRegions.length === 0;
  const children = useFunds
    ? funds.map((f) => {
        const own = all.get(f.fundId);
        return {
          kind: 'fund' as const,
          id: f.fundId,
          name: f.name,
          fundCount: own === undefined ? 0 : 1,
          indicators: rollUpIndicators(own === undefined ? [] : [own], period).values,
        };
      })
    : childRegions.map((child) => {
        const inChild = funds
          .filter((f) => f.path.startsWith(child.path))
          .flatMap((f) => {
            const own = all.get(f.fundId);
            return own === undefined ? [] : [own];
          });
        return {
          kind: 'region' as const,
          id: child.id,
          name: child.name,
          fundCount: inChild.length,
          indicators: rollUpIndicators(inChild, period).values,
        };
      });
  return {
    period,
    asOf: total.asOf,
    source,
    total: { id: region.id, name: region.name, fundCount: all.size, indicators: total.values },
    children,
  };
}
