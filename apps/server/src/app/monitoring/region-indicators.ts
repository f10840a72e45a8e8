import type { Kysely } from 'kysely';
import { periodEnd, rollUpIndicators, type IndicatorValues, type Period } from '@huzhu/domain';
import type { Database } from '../../db/schema.js';
import type { Actor } from '../actor.js';
import { fundInScope } from '../books/context.js';
import { parseIndicatorPeriod } from './fund-indicators.js';
import { childFigures, indicatorsByFund, regionScope, rollUpFunds } from './monitoring-data.js';

export interface IndicatorSummary {
  period: Period;
  asOf: string;
  source: 'books' | 'snapshot';
  fundCount: number;
  indicators: IndicatorValues;
}

/** One fund's indicators, scoped. */
export async function indicatorsForFund(
  db: Kysely<Database>,
  actor: Actor,
  fundId: number,
  periodInput: string,
  source: 'books' | 'snapshot',
): Promise<IndicatorSummary> {
  const fund = await fundInScope(db, actor, fundId);
  const period = parseIndicatorPeriod(periodInput);
  const map = await indicatorsByFund(
    db,
    [
      {
        fundId: fund.id,
        code: fund.code,
        name: fund.name,
        path: fund.regionPath,
        village: '',
        township: '',
        county: '',
      },
    ],
    period,
    source,
  );
  const rolled = rollUpIndicators([...map.values()], period);
  return { period, asOf: rolled.asOf, source, fundCount: map.size, indicators: rolled.values };
}

/**
 * A region's indicators rolled up from its funds (ratios recomputed from summed numerators and
 * denominators), and the same for each child region — or each fund under a township or village —
 * for drilling down from city to county to fund. The monitoring report uses the same functions,
 * so the dashboard and the report cannot disagree.
 */
export async function regionBreakdown(
  db: Kysely<Database>,
  actor: Actor,
  regionId: number | undefined,
  periodInput: string,
  source: 'books' | 'snapshot',
) {
  const scope = await regionScope(db, actor, regionId);
  const period = parseIndicatorPeriod(periodInput);
  const byFund = await indicatorsByFund(db, scope.funds, period, source);
  const total = rollUpFunds(
    byFund,
    scope.funds.map((f) => f.fundId),
    period,
  );
  return {
    period,
    asOf: periodEnd(period),
    source,
    total: { id: scope.region.id, name: scope.region.name, ...total },
    children: childFigures(scope, byFund, period),
  };
}
