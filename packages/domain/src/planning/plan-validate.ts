import { fen, negateFen, type Fen } from '../money/fen.js';
import { regionLevelOfCode } from '../regions/region-code.js';
import { fail, type Failure } from '../result.js';
import { reconcilePlan } from './plan-reconcile.js';
import {
  allocationAmountFen,
  PLAN_SOURCES,
  REWARD_CUMULATIVE_CAP_FEN,
  type PlanCategory,
  type PlanSource,
  type YearlyPlan,
} from './yearly-plan.js';

/** Codes of `validatePlan`. */
export type PlanProblemCode =
  | 'plan_source_over_allocated'
  | 'plan_source_unknown'
  | 'plan_source_twice'
  | 'plan_village_twice'
  | 'plan_amount_invalid'
  | 'plan_village_count_invalid'
  | 'plan_region_invalid'
  | 'plan_cumulative_cap_exceeded'
  | 'plan_cumulative_input_unknown'
  | 'plan_village_without_fund';

/** One thing wrong with a plan; `details.line` is the allocation's index where there is one. */
export type PlanProblem = Failure<PlanProblemCode>;

/** What the books say about villages, for the checks a plan alone cannot make. */
export interface PlanContext {
  /**
   * Each village's cumulative fiscal input before this plan. When given, every village-level
   * line of a capped category is checked: input + this plan's lines for the village ≤ the cap.
   * A capped village missing from the map is `plan_cumulative_input_unknown`, never taken as 0.
   */
  readonly cumulativeFiscalInputFen?: ReadonlyMap<string, Fen>;
  /** Default `REWARD_CUMULATIVE_CAP_FEN` (50万元). */
  readonly cumulativeCapFen?: Fen;
  /** Categories the cap applies to; default `reward_expand` only (the notice's rule). */
  readonly cappedCategories?: readonly PlanCategory[];
  /**
   * Villages that run a fund. When given, every village-level line rewarding an existing fund
   * (`reward_expand`, `central_reward`) must name one of them; new pilots found their fund.
   */
  readonly villagesWithFund?: ReadonlySet<string>;
}

const REWARD_CATEGORIES: ReadonlySet<PlanCategory> = new Set(['reward_expand', 'central_reward']);

function budgetProblems(plan: YearlyPlan): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const seen = new Set<PlanSource>();
  for (const [index, line] of plan.budget.entries()) {
    if (!PLAN_SOURCES.includes(line.source)) {
      problems.push(fail('plan_source_unknown', { budgetLine: index, source: line.source }));
    }
    if (seen.has(line.source)) {
      problems.push(fail('plan_source_twice', { budgetLine: index, source: line.source }));
    }
    seen.add(line.source);
    if (line.amountFen < 0) {
      problems.push(fail('plan_amount_invalid', { budgetLine: index, amountFen: line.amountFen }));
    }
  }
  if (plan.standardAmountFen <= 0) {
    problems.push(fail('plan_amount_invalid', { standardAmountFen: plan.standardAmountFen }));
  }
  return problems;
}

function regionProblem(
  index: number,
  countyCode: string,
  villageCode: string | null,
): PlanProblem | null {
  const county = regionLevelOfCode(countyCode);
  if (!county.ok || county.value !== 'county') {
    return fail('plan_region_invalid', { line: index, countyCode, reason: 'not_a_county' });
  }
  if (villageCode === null) return null;
  const village = regionLevelOfCode(villageCode);
  if (!village.ok || village.value !== 'village') {
    return fail('plan_region_invalid', { line: index, villageCode, reason: 'not_a_village' });
  }
  if (villageCode.slice(0, 6) !== countyCode.slice(0, 6)) {
    return fail('plan_region_invalid', {
      line: index,
      countyCode,
      villageCode,
      reason: 'village_outside_county',
    });
  }
  return null;
}

function lineProblems(plan: YearlyPlan, context: PlanContext): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const budgeted = new Set(plan.budget.map((b) => b.source));
  for (const [index, line] of plan.allocations.entries()) {
    const region = regionProblem(index, line.countyCode, line.villageCode);
    if (region !== null) problems.push(region);
    if (!budgeted.has(line.source)) {
      problems.push(fail('plan_source_unknown', { line: index, source: line.source }));
    }
    const countValid =
      Number.isSafeInteger(line.villageCount) &&
      (line.villageCode === null ? line.villageCount >= 1 : line.villageCount === 1);
    if (!countValid) {
      problems.push(
        fail('plan_village_count_invalid', {
          line: index,
          villageCount: line.villageCount,
          expected: line.villageCode === null ? 'at_least_one' : 'exactly_one',
        }),
      );
    }
    const amount = allocationAmountFen(plan, line);
    if (amount === null || amount <= 0) {
      problems.push(fail('plan_amount_invalid', { line: index, amountFen: amount }));
    }
    if (
      line.villageCode !== null &&
      context.villagesWithFund !== undefined &&
      REWARD_CATEGORIES.has(line.category) &&
      !context.villagesWithFund.has(line.villageCode)
    ) {
      problems.push(
        fail('plan_village_without_fund', {
          line: index,
          villageCode: line.villageCode,
          category: line.category,
        }),
      );
    }
  }
  return problems;
}

function villageProblems(plan: YearlyPlan, context: PlanContext): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const linesByVillage = new Map<string, number[]>();
  for (const [index, line] of plan.allocations.entries()) {
    if (line.villageCode === null) continue;
    linesByVillage.set(line.villageCode, [...(linesByVillage.get(line.villageCode) ?? []), index]);
  }
  const capFen = context.cumulativeCapFen ?? REWARD_CUMULATIVE_CAP_FEN;
  const capped: ReadonlySet<PlanCategory> = new Set(context.cappedCategories ?? ['reward_expand']);
  for (const [villageCode, lines] of linesByVillage) {
    if (lines.length > 1) problems.push(fail('plan_village_twice', { villageCode, lines }));
    const inputs = context.cumulativeFiscalInputFen;
    const isCapped = lines.some((i) => {
      const line = plan.allocations[i];
      return line !== undefined && capped.has(line.category);
    });
    if (inputs === undefined || !isCapped) continue;
    const previousFen = inputs.get(villageCode);
    if (previousFen === undefined) {
      problems.push(fail('plan_cumulative_input_unknown', { villageCode, lines }));
      continue;
    }
    const thisPlanFen = lines.reduce((sum, i) => {
      const line = plan.allocations[i];
      return sum + (line === undefined ? 0 : (allocationAmountFen(plan, line) ?? 0));
    }, 0);
    const afterFen = previousFen + thisPlanFen;
    if (afterFen > capFen) {
      problems.push(
        fail('plan_cumulative_cap_exceeded', {
          villageCode,
          lines,
          previousFen,
          thisPlanFen: fen(thisPlanFen),
          afterFen: fen(afterFen),
          capFen,
          overFen: fen(afterFen - capFen),
        }),
      );
    }
  }
  return problems;
}

/**
 * Every problem of a plan, not just the first: budget lines, each allocation line (region codes,
 * source with a budget line, village count, amount, fund), villages named twice, the cumulative
 * cap, and each source allocated beyond its budget (`details.source` names it). An unallocated
 * remainder is not a problem: `reconcilePlan` shows it.
 */
export function validatePlan(plan: YearlyPlan, context: PlanContext = {}): readonly PlanProblem[] {
  // A source with no budget line at all is `plan_source_unknown`, not over-allocated.
  const budgeted = new Set(plan.budget.map((b) => b.source));
  const overAllocated = reconcilePlan(plan)
    .sources.filter((s) => s.status === 'over_allocated' && budgeted.has(s.source))
    .map((s) =>
      fail('plan_source_over_allocated', {
        source: s.source,
        budgetFen: s.budgetFen,
        allocatedFen: s.allocatedFen,
        overFen: negateFen(s.remainderFen),
      }),
    );
  return [
    ...budgetProblems(plan),
    ...lineProblems(plan, context),
    ...villageProblems(plan, context),
    ...overAllocated,
  ];
}

/** Whether a plan may be issued: no source over-allocated and no other problem. */
export function canIssue(plan: YearlyPlan, context: PlanContext = {}): boolean {
  return validatePlan(plan, context).length === 0;
}
