import { describe, expect, it } from 'vitest';
import { fen, type Fen } from '../src/money/fen.js';
import {
  canIssue,
  formatWanYuan,
  plan2012Example,
  PLAN_2012_COUNTY_NAMES,
  planTable,
  reconcilePlan,
  validatePlan,
  type PlanAllocation,
  type YearlyPlan,
} from '../src/planning/index.js';

const WAN = 1_000_000; // fen in 1万元
const CHENGKOU = '500229000000';
const WUXI = '500238000000';
const village = (n: number, county = CHENGKOU): string =>
  `${county.slice(0, 6)}100${String(n).padStart(3, '0')}`;

function withLines(plan: YearlyPlan, ...lines: PlanAllocation[]): YearlyPlan {
  return { ...plan, allocations: [...plan.allocations, ...lines] };
}

function villageLine(
  code: string,
  category: PlanAllocation['category'] = 'reward_expand',
  extra: Partial<PlanAllocation> = {},
): PlanAllocation {
  return {
    countyCode: `${code.slice(0, 6)}000000`,
    villageCode: code,
    category,
    source: 'city',
    villageCount: 1,
    ...extra,
  };
}

const codes = (plan: YearlyPlan, context = {}): string[] =>
  validatePlan(plan, context).map((p) => p.code);

describe('the 2012 plan of the founding notice', () => {
  const plan = plan2012Example();
  const reconciliation = reconcilePlan(plan);
  const source = (s: string) => reconciliation.sources.find((r) => r.source === s);

  it('shows the city source remainder of exactly 100万元 (100,000,000 fen)', () => {
    expect(source('city')).toEqual({
      source: 'city',
      budgetFen: 4000 * WAN,
      allocatedFen: 3900 * WAN,
      remainderFen: 100 * WAN,
      villageCount: 260,
      status: 'remainder',
    });
    expect(source('city')?.remainderFen).toBe(100_000_000);
  });

  it('allocates the central reward funds fully to 14 villages', () => {
    expect(source('central_reward')).toMatchObject({
      budgetFen: 200 * WAN,
      allocatedFen: 200 * WAN,
      remainderFen: 0,
      villageCount: 14,
      status: 'balanced',
    });
  });

  it('reconciles to 274 villages and 4200万 of budget', () => {
    expect(reconciliation.total).toEqual({
      budgetFen: 4200 * WAN,
      allocatedFen: 4100 * WAN,
      remainderFen: 100 * WAN,
      villageCount: 274,
    });
    expect(reconciliation.byCategory.new_pilot).toEqual({
      villageCount: 160,
      amountFen: 2400 * WAN,
    });
    expect(reconciliation.byCategory.reward_expand).toEqual({
      villageCount: 100,
      amountFen: 1500 * WAN,
    });
    expect(reconciliation.byCategory.central_reward.villageCount).toBe(14);
    expect(reconciliation.byCounty).toHaveLength(12);
    const countySum = reconciliation.byCounty.reduce((sum, c) => sum + c.total.amountFen, 0);
    expect(countySum).toBe(4100 * WAN);
  });

  it('has no problems and may be issued — a remainder is shown, not refused', () => {
    expect(validatePlan(plan)).toEqual([]);
    expect(canIssue(plan)).toBe(true);
  });
});

describe('validatePlan', () => {
  const plan = plan2012Example();

  it('refuses over-allocation and names the source', () => {
    // 7 more villages at 15万 = 105万 against the 100万 left: 5万 over.
    const over = withLines(plan, {
      countyCode: WUXI,
      villageCode: null,
      category: 'new_pilot',
      source: 'city',
      villageCount: 7,
    });
    expect(validatePlan(over)).toEqual([
      {
        ok: false,
        code: 'plan_source_over_allocated',
        details: {
          source: 'city',
          budgetFen: 4000 * WAN,
          allocatedFen: 4005 * WAN,
          overFen: 5 * WAN,
        },
      },
    ]);
    expect(canIssue(over)).toBe(false);
    expect(reconcilePlan(over).sources.find((s) => s.source === 'city')).toMatchObject({
      remainderFen: -5 * WAN,
      status: 'over_allocated',
    });
  });

  it('finds a village named twice in the plan', () => {
    const twice = withLines(
      plan,
      villageLine(village(1), 'new_pilot'),
      villageLine(village(1), 'new_pilot'),
    );
    const problems = validatePlan(twice);
    expect(problems.map((p) => p.code)).toEqual(['plan_village_twice']);
    expect(problems[0]?.details).toEqual({ villageCode: village(1), lines: [31, 32] });
  });

  it('applies the 50万 cumulative cap to reward-and-expand villages', () => {
    const inputs = new Map<string, Fen>([
      [village(1), fen(35 * WAN)], // 35 + 15 = 50: exactly the cap, allowed
      [village(2), fen(40 * WAN)], // 40 + 15 = 55: 5万 over
    ]);
    const lines = withLines(
      { ...plan, allocations: [] },
      villageLine(village(1)),
      villageLine(village(2)),
      villageLine(village(3), 'new_pilot'), // not capped, not in the map: fine
    );
    const problems = validatePlan(lines, { cumulativeFiscalInputFen: inputs });
    expect(problems).toEqual([
      {
        ok: false,
        code: 'plan_cumulative_cap_exceeded',
        details: {
          villageCode: village(2),
          lines: [1],
          previousFen: 40 * WAN,
          thisPlanFen: 15 * WAN,
          afterFen: 55 * WAN,
          capFen: 50 * WAN,
          overFen: 5 * WAN,
        },
      },
    ]);
  });

  it('never takes an unknown cumulative input as 0', () => {
    const lines = withLines({ ...plan, allocations: [] }, villageLine(village(4)));
    expect(codes(lines, { cumulativeFiscalInputFen: new Map() })).toEqual([
      'plan_cumulative_input_unknown',
    ]);
  });

  it('requires a rewarded village to run a fund', () => {
    const lines = withLines(
      { ...plan, allocations: [] },
      villageLine(village(1)),
      villageLine(village(2), 'central_reward', { source: 'central_reward' }),
      villageLine(village(3), 'new_pilot'),
    );
    const problems = validatePlan(lines, { villagesWithFund: new Set([village(1)]) });
    expect(problems.map((p) => [p.code, p.details.villageCode])).toEqual([
      ['plan_village_without_fund', village(2)],
    ]);
  });

  it('lets a village line differ from the standard amount, but not be 0', () => {
    const lines = withLines(
      { ...plan, allocations: [] },
      villageLine(village(1), 'new_pilot', { amountFen: fen(12 * WAN) }),
      villageLine(village(2), 'new_pilot', { amountFen: fen(0) }),
    );
    expect(reconcilePlan(lines).total.allocatedFen).toBe(12 * WAN);
    expect(validatePlan(lines).map((p) => [p.code, p.details.line])).toEqual([
      ['plan_amount_invalid', 1],
    ]);
  });

  it('checks village counts: 1 on a village line, a whole number ≥ 1 on a county line', () => {
    const county = (villageCount: number): PlanAllocation => ({
      countyCode: WUXI,
      villageCode: null,
      category: 'new_pilot',
      source: 'city',
      villageCount,
    });
    const lines = withLines(
      { ...plan, allocations: [] },
      villageLine(village(1), 'new_pilot', { villageCount: 2 }),
      county(0),
      county(1.5),
      county(2),
    );
    expect(validatePlan(lines).map((p) => [p.code, p.details.line])).toEqual([
      ['plan_village_count_invalid', 0],
      ['plan_village_count_invalid', 1],
      ['plan_amount_invalid', 1],
      ['plan_village_count_invalid', 2], // 1.5 × 15万 is whole fen: only the count is wrong
    ]);
  });

  it('lists every problem at once: unknown source, bad region, over-allocation', () => {
    const bad = withLines(
      plan,
      villageLine(village(1, WUXI), 'new_pilot', { countyCode: CHENGKOU }),
      { ...villageLine(village(2), 'new_pilot'), source: 'county_match' },
      {
        countyCode: WUXI,
        villageCode: null,
        category: 'new_pilot',
        source: 'city',
        villageCount: 10,
      },
    );
    expect(codes(bad)).toEqual([
      'plan_region_invalid',
      'plan_source_unknown',
      'plan_source_over_allocated',
    ]);
    expect(validatePlan(bad)[0]?.details).toMatchObject({ reason: 'village_outside_county' });
  });

  it('refuses a budget source listed twice and a negative budget', () => {
    const bad: YearlyPlan = {
      ...plan,
      budget: [...plan.budget, { source: 'city', amountFen: fen(-1) }],
    };
    expect(codes(bad)).toEqual(['plan_source_twice', 'plan_amount_invalid']);
  });
});

describe('planTable (附件1)', () => {
  const plan = plan2012Example();
  const table = planTable(plan, PLAN_2012_COUNTY_NAMES);

  it('heads the table with the year, the issuing office, the document number and 万元', () => {
    expect(table.title).toBe('2012年贫困村村级互助资金试点项目计划表');
    expect(table.subtitle).toContain('附件1');
    expect(table.subtitle).toContain('重庆市扶贫开发办公室');
    expect(table.subtitle).toContain('渝扶办发〔2012〕93号');
    expect(table.subtitle).toContain('万元');
    expect(table.moneyUnit).toBe('wan_yuan');
    expect(table.columns.map((c) => c.key)).toEqual([
      'county',
      'villagesTotal',
      'villagesCentralReward',
      'villagesNewPilot',
      'villagesRewardExpand',
      'amountTotal',
      'amountCentralReward',
      'amountCity',
      'remarks',
    ]);
  });

  it('has one row per county, in fen, and a total row that shows the remainder', () => {
    expect(table.rows).toHaveLength(12);
    expect(table.rows[0]).toEqual({
      county: '城口县',
      villagesTotal: 24,
      villagesCentralReward: 2,
      villagesNewPilot: 14,
      villagesRewardExpand: 8,
      amountTotal: 360 * WAN,
      amountCentralReward: 30 * WAN,
      amountCity: 330 * WAN,
      remarks: null,
    });
    expect(table.totals).toEqual({
      county: '合计',
      villagesTotal: 274,
      villagesCentralReward: 14,
      villagesNewPilot: 160,
      villagesRewardExpand: 100,
      amountTotal: 4100 * WAN,
      amountCentralReward: 200 * WAN,
      amountCity: 3900 * WAN,
      remarks: '市级资金未分配结余100万元',
    });
    expect(table.notes).toContain('市级资金：预算4000万元，已分配3900万元，未分配结余100万元。');
    expect(table.notes).toContain('中央奖励资金：预算200万元，已分配200万元，已全部分配。');
  });

  it('rows sum to the total row in every numeric column', () => {
    for (const column of table.columns.filter((c) => c.kind !== 'text')) {
      const sum = table.rows.reduce((s, row) => s + Number(row[column.key]), 0);
      expect(sum, column.key).toBe(table.totals?.[column.key]);
    }
  });

  it('adds the 区县配套 column when the plan has county money', () => {
    const matched: YearlyPlan = {
      ...plan,
      budget: [...plan.budget, { source: 'county_match', amountFen: fen(10 * WAN) }],
      allocations: [
        ...plan.allocations,
        {
          ...villageLine(village(9), 'new_pilot'),
          source: 'county_match',
          amountFen: fen(10 * WAN),
          remark: '县级配套到村',
        },
      ],
    };
    const withMatch = planTable(matched, new Map());
    expect(withMatch.columns.map((c) => c.key)).toContain('amountCountyMatch');
    expect(withMatch.rows[0]).toMatchObject({
      county: CHENGKOU,
      amountCountyMatch: 10 * WAN,
      remarks: '县级配套到村',
    });
    expect(withMatch.totals?.amountCountyMatch).toBe(10 * WAN);
  });
});

describe('formatWanYuan', () => {
  it('writes fen as exact 万元', () => {
    expect(formatWanYuan(fen(15_000_000))).toBe('15');
    expect(formatWanYuan(fen(12_500_000))).toBe('12.5');
    expect(formatWanYuan(fen(1))).toBe('0.000001');
    expect(formatWanYuan(fen(-100_000_000))).toBe('-100');
    expect(formatWanYuan(fen(0))).toBe('0');
  });
});
