import { fen, negateFen } from '../money/fen.js';
import {
  column,
  type ReportColumn,
  type ReportModel,
  type ReportRow,
} from '../reports/report-model.js';
import { reconcilePlan, type PlanTally, type SourceReconciliation } from './plan-reconcile.js';
import { formatWanYuan } from './wan-yuan.js';
import {
  PLAN_SOURCE_NAMES,
  type PlanCategory,
  type PlanSource,
  type YearlyPlan,
} from './yearly-plan.js';

/** Columns headed together under one merged title row, as the official table has them. */
export interface ColumnGroup {
  readonly title: string;
  readonly keys: readonly string[];
}

/**
 * 附件1 as a report model. Money cells are fen like every report model, but the table is
 * printed in 万元: `moneyUnit` tells the renderer to divide money cells by 1,000,000 fen (exact;
 * 15万 is 15, 12.5万 is 12.5) instead of showing 元.
 */
export interface PlanTableModel extends ReportModel {
  readonly moneyUnit: 'wan_yuan';
  readonly columnGroups: readonly ColumnGroup[];
}

function sourceNote(s: SourceReconciliation): string {
  const head = `${PLAN_SOURCE_NAMES[s.source]}：预算${formatWanYuan(s.budgetFen)}万元，已分配${formatWanYuan(s.allocatedFen)}万元`;
  if (s.status === 'remainder') return `${head}，未分配结余${formatWanYuan(s.remainderFen)}万元。`;
  if (s.status === 'over_allocated') {
    return `${head}，超出预算${formatWanYuan(negateFen(s.remainderFen))}万元。`;
  }
  return `${head}，已全部分配。`;
}

function sourceRemark(s: SourceReconciliation): string | null {
  if (s.status === 'remainder') {
    return `${PLAN_SOURCE_NAMES[s.source]}未分配结余${formatWanYuan(s.remainderFen)}万元`;
  }
  if (s.status === 'over_allocated') {
    return `${PLAN_SOURCE_NAMES[s.source]}超出预算${formatWanYuan(negateFen(s.remainderFen))}万元`;
  }
  return null;
}

/**
 * The plan table by county (附件1): villages by category, money by source, a 合计 row whose
 * 备注 names any unallocated remainder or over-allocation, and one note per source with its
 * budget, allocation and remainder. The 区县配套资金 column appears only when the plan has any.
 * `countyNames` maps county codes to names; a code without a name is printed as the code.
 */
export function planTable(
  plan: YearlyPlan,
  countyNames: ReadonlyMap<string, string>,
): PlanTableModel {
  const reconciliation = reconcilePlan(plan);
  const withCountyMatch = reconciliation.sources.some((s) => s.source === 'county_match');
  const columns: ReportColumn[] = [
    column('county', '区县', 'text'),
    column('villagesTotal', '合计', 'int'),
    column('villagesCentralReward', '中央奖励村', 'int'),
    column('villagesNewPilot', '新启动试点村', 'int'),
    column('villagesRewardExpand', '奖励扩大规模试点村', 'int'),
    column('amountTotal', '合计', 'money'),
    column('amountCentralReward', '中央奖励资金', 'money'),
    column('amountCity', '市级资金', 'money'),
    ...(withCountyMatch ? [column('amountCountyMatch', '区县配套资金', 'money')] : []),
    column('remarks', '备注', 'text'),
  ];
  const figures = (
    total: PlanTally,
    byCategory: Readonly<Record<PlanCategory, PlanTally>>,
    bySource: Readonly<Record<PlanSource, PlanTally>>,
  ): ReportRow => ({
    villagesTotal: total.villageCount,
    villagesCentralReward: byCategory.central_reward.villageCount,
    villagesNewPilot: byCategory.new_pilot.villageCount,
    villagesRewardExpand: byCategory.reward_expand.villageCount,
    amountTotal: total.amountFen,
    amountCentralReward: bySource.central_reward.amountFen,
    amountCity: bySource.city.amountFen,
    ...(withCountyMatch ? { amountCountyMatch: bySource.county_match.amountFen } : {}),
  });

  const rows = reconciliation.byCounty.map((county): ReportRow => {
    const remarks = [
      ...new Set(
        plan.allocations
          .filter((line) => line.countyCode === county.countyCode)
          .map((line) => line.remark ?? '')
          .filter((remark) => remark !== ''),
      ),
    ];
    return {
      county: countyNames.get(county.countyCode) ?? county.countyCode,
      ...figures(county.total, county.byCategory, county.bySource),
      remarks: remarks.length === 0 ? null : remarks.join('；'),
    };
  });

  const sourceTallies = (source: PlanSource): PlanTally => {
    const found = reconciliation.sources.find((s) => s.source === source);
    return {
      villageCount: found?.villageCount ?? 0,
      amountFen: found?.allocatedFen ?? fen(0),
    };
  };
  const totalRemarks = reconciliation.sources.map(sourceRemark).filter((remark) => remark !== null);
  const totals: ReportRow = {
    county: '合计',
    ...figures(
      {
        villageCount: reconciliation.total.villageCount,
        amountFen: reconciliation.total.allocatedFen,
      },
      reconciliation.byCategory,
      {
        central_reward: sourceTallies('central_reward'),
        city: sourceTallies('city'),
        county_match: sourceTallies('county_match'),
      },
    ),
    remarks: totalRemarks.length === 0 ? null : totalRemarks.join('；'),
  };

  const moneyKeys = columns.filter((c) => c.kind === 'money').map((c) => c.key);
  return {
    title: `${plan.year}年贫困村村级互助资金试点项目计划表`,
    subtitle: `附件1\u3000${plan.issuingOffice}\u3000${plan.documentNumber}\u3000单位：个、万元`,
    columns,
    columnGroups: [
      {
        title: '试点村个数（个）',
        keys: [
          'villagesTotal',
          'villagesCentralReward',
          'villagesNewPilot',
          'villagesRewardExpand',
        ],
      },
      { title: '资金（万元）', keys: moneyKeys },
    ],
    rows,
    totals,
    notes: [
      ...reconciliation.sources.map(sourceNote),
      `每村标准补助${formatWanYuan(plan.standardAmountFen)}万元；金额单位为万元。`,
    ],
    moneyUnit: 'wan_yuan',
  };
}
