import { fen, type Fen } from '../money/fen.js';
import {
  allocationAmountFen,
  PLAN_CATEGORIES,
  PLAN_SOURCES,
  type PlanCategory,
  type PlanSource,
  type YearlyPlan,
} from './yearly-plan.js';

/** Villages and money of a group of allocation lines. */
export interface PlanTally {
  readonly villageCount: number;
  readonly amountFen: Fen;
}

/**
 * One source's budget against what the plan allocates from it. `remainderFen` = budget −
 * allocated: positive is an unallocated remainder (shown, never hidden), negative an
 * over-allocation, 0 balanced.
 */
export interface SourceReconciliation {
  readonly source: PlanSource;
  readonly budgetFen: Fen;
  readonly allocatedFen: Fen;
  readonly remainderFen: Fen;
  readonly villageCount: number;
  readonly status: 'balanced' | 'remainder' | 'over_allocated';
}

/** One county's lines summed by category and by source. */
export interface CountyReconciliation {
  readonly countyCode: string;
  readonly total: PlanTally;
  readonly byCategory: Readonly<Record<PlanCategory, PlanTally>>;
  readonly bySource: Readonly<Record<PlanSource, PlanTally>>;
}

/** A plan's totals: per source (budget, allocated, remainder), per category, per county. */
export interface PlanReconciliation {
  /** Every source with a budget line or an allocation, in `PLAN_SOURCES` order. */
  readonly sources: readonly SourceReconciliation[];
  readonly byCategory: Readonly<Record<PlanCategory, PlanTally>>;
  /** Counties in the order they first appear in the allocations. */
  readonly byCounty: readonly CountyReconciliation[];
  readonly total: {
    readonly budgetFen: Fen;
    readonly allocatedFen: Fen;
    readonly remainderFen: Fen;
    readonly villageCount: number;
  };
}

interface MutableTally {
  villageCount: number;
  amountFen: number;
}

const emptyTally = (): MutableTally => ({ villageCount: 0, amountFen: 0 });

function tallies<K extends string>(keys: readonly K[]): Record<K, MutableTally> {
  return Object.fromEntries(keys.map((key) => [key, emptyTally()])) as Record<K, MutableTally>;
}

function frozen(tally: MutableTally): PlanTally {
  return { villageCount: tally.villageCount, amountFen: fen(tally.amountFen) };
}

function frozenAll<K extends string>(
  keys: readonly K[],
  all: Record<K, MutableTally>,
): Record<K, PlanTally> {
  return Object.fromEntries(keys.map((key) => [key, frozen(all[key])])) as Record<K, PlanTally>;
}

function add(tally: MutableTally, villageCount: number, amountFen: number): void {
  tally.villageCount += villageCount;
  tally.amountFen += amountFen;
}

/**
 * Sums a plan. A line whose amount or village count is not a whole number counts as 0 here;
 * `validatePlan` names it. Budget lines of the same source are added together.
 */
export function reconcilePlan(plan: YearlyPlan): PlanReconciliation {
  const budget = new Map<PlanSource, number>();
  for (const line of plan.budget)
    budget.set(line.source, (budget.get(line.source) ?? 0) + line.amountFen);

  const bySource = tallies(PLAN_SOURCES);
  const byCategory = tallies(PLAN_CATEGORIES);
  const counties = new Map<
    string,
    {
      total: MutableTally;
      byCategory: Record<PlanCategory, MutableTally>;
      bySource: Record<PlanSource, MutableTally>;
    }
  >();
  const allocatedSources = new Set<PlanSource>();
  for (const line of plan.allocations) {
    const amount = allocationAmountFen(plan, line) ?? 0;
    const count = Number.isSafeInteger(line.villageCount) ? line.villageCount : 0;
    let county = counties.get(line.countyCode);
    if (county === undefined) {
      county = {
        total: emptyTally(),
        byCategory: tallies(PLAN_CATEGORIES),
        bySource: tallies(PLAN_SOURCES),
      };
      counties.set(line.countyCode, county);
    }
    allocatedSources.add(line.source);
    add(bySource[line.source], count, amount);
    add(byCategory[line.category], count, amount);
    add(county.total, count, amount);
    add(county.byCategory[line.category], count, amount);
    add(county.bySource[line.source], count, amount);
  }

  const sources = PLAN_SOURCES.filter((s) => budget.has(s) || allocatedSources.has(s)).map(
    (source): SourceReconciliation => {
      const budgetFen = fen(budget.get(source) ?? 0);
      const allocatedFen = fen(bySource[source].amountFen);
      const remainderFen = fen(budgetFen - allocatedFen);
      return {
        source,
        budgetFen,
        allocatedFen,
        remainderFen,
        villageCount: bySource[source].villageCount,
        status: remainderFen === 0 ? 'balanced' : remainderFen > 0 ? 'remainder' : 'over_allocated',
      };
    },
  );
  const budgetFen = fen(sources.reduce((sum, s) => sum + s.budgetFen, 0));
  const allocatedFen = fen(sources.reduce((sum, s) => sum + s.allocatedFen, 0));
  return {
    sources,
    byCategory: frozenAll(PLAN_CATEGORIES, byCategory),
    byCounty: [...counties].map(([countyCode, county]) => ({
      countyCode,
      total: frozen(county.total),
      byCategory: frozenAll(PLAN_CATEGORIES, county.byCategory),
      bySource: frozenAll(PLAN_SOURCES, county.bySource),
    })),
    total: {
      budgetFen,
      allocatedFen,
      remainderFen: fen(budgetFen - allocatedFen),
      villageCount: sources.reduce((sum, s) => sum + s.villageCount, 0),
    },
  };
}
