import type { RatioIndicatorCode } from '../indicators/indicator-codes.js';
import { DEFAULT_GRADE_THRESHOLDS } from './grade.js';
import type { AutomaticItem, EvaluationScheme, ManualItem, ScoringBand } from './scheme.js';

/**
 * Bands for "higher is better" from [threshold %, award %] steps, highest first: a value at or
 * above a threshold earns its award; below the lowest threshold, 0.
 */
function atLeast(steps: readonly (readonly [number, number])[]): ScoringBand[] {
  const ascending = [...steps].reverse();
  return [
    { fromPercent: null, toPercent: ascending[0]?.[0] ?? null, awardPercent: 0 },
    ...ascending.map(([fromPercent, awardPercent], i): ScoringBand => ({
      fromPercent,
      toPercent: ascending[i + 1]?.[0] ?? null,
      awardPercent,
    })),
  ];
}

/** Bands for "lower is better": [upper bound % (exclusive), award %] from the bottom. */
function below(steps: readonly (readonly [number, number])[], rest: number): ScoringBand[] {
  let from: number | null = null;
  const bands = steps.map(([to, awardPercent]): ScoringBand => {
    const band = { fromPercent: from, toPercent: to, awardPercent };
    from = to;
    return band;
  });
  return [...bands, { fromPercent: from, toPercent: null, awardPercent: rest }];
}

function auto(
  code: string,
  name: string,
  maxPoints: number,
  indicator: RatioIndicatorCode,
  bands: readonly ScoringBand[],
  notApplicable: readonly [number, string],
): AutomaticItem {
  const [notApplicableAwardPercent, notApplicableReason] = notApplicable;
  return {
    kind: 'automatic',
    code,
    name,
    maxPoints,
    indicator,
    bands,
    notApplicableAwardPercent,
    notApplicableReason,
  };
}

function manual(code: string, name: string, maxPoints: number, guidance: string): ManualItem {
  return { kind: 'manual', code, name, maxPoints, guidance };
}

const NOTHING_DUE: readonly [number, string] = [100, '本期无到期借款，无从违约，按满分计'];
const NOTHING_OUTSTANDING: readonly [number, string] = [100, '无借款余额，无逾期风险，按满分计'];

/**
 * The default scheme [default]: DOMAIN §11's dimensions 组织建设 15, 扶贫瞄准 20, 资金运行 20,
 * 风险控制 25, 财务管理 15, 效益 5, with automatic items on DOMAIN §8 indicators and manual
 * items for inspectors. Each automatic item states its rule for a not-applicable ratio.
 */
export const DEFAULT_EVALUATION_SCHEME: EvaluationScheme = {
  code: 'default_2012',
  name: '村级互助资金绩效考评（默认方案）',
  grades: DEFAULT_GRADE_THRESHOLDS,
  dimensions: [
    {
      code: 'organisation',
      name: '组织建设',
      weight: 15,
      items: [
        manual(
          'bylaws_sound',
          '章程制度健全',
          4,
          '章程、借款管理、财务管理等制度齐全，经会员大会通过',
        ),
        manual('assembly_held', '会员大会按期召开', 4, '近12个月召开会员大会并有会议记录'),
        manual('boards_functioning', '理事会监事会履职', 4, '理事会审批、监事会审查记录完整'),
        manual('registered', '登记注册', 3, '已在民政部门登记注册，证照在有效期内'),
      ],
    },
    {
      code: 'targeting',
      name: '扶贫瞄准',
      weight: 20,
      items: [
        auto(
          'membership_rate',
          '入社率',
          4,
          'membership_rate',
          atLeast([
            [60, 100],
            [40, 75],
            [20, 50],
          ]),
          [0, '未登记本村总户数，无法计算入社率，按0分计'],
        ),
        auto(
          'poor_membership_rate',
          '贫困户入社率',
          6,
          'poor_membership_rate',
          atLeast([
            [80, 100],
            [60, 75],
            [40, 50],
            [20, 25],
          ]),
          [0, '未登记本村贫困户数，无法计算贫困户入社率，按0分计'],
        ),
        auto(
          'disbursed_poor_share',
          '贫困户借款金额占比',
          6,
          'disbursed_poor_share',
          atLeast([
            [50, 100],
            [40, 75],
            [30, 50],
            [20, 25],
          ]),
          [0, '本期未发放借款，未体现扶贫瞄准，按0分计'],
        ),
        manual('poor_first', '贫困户优先借款', 4, '贫困户借款申请优先审批，借款公示记录可查'),
      ],
    },
    {
      code: 'operation',
      name: '资金运行',
      weight: 20,
      items: [
        auto(
          'utilization_rate',
          '资金使用率',
          8,
          'utilization_rate',
          // A healthy band: idle money (< 60%) and no liquidity (≥ 95%) both lose points.
          [
            { fromPercent: null, toPercent: 30, awardPercent: 0 },
            { fromPercent: 30, toPercent: 50, awardPercent: 50 },
            { fromPercent: 50, toPercent: 60, awardPercent: 80 },
            { fromPercent: 60, toPercent: 95, awardPercent: 100 },
            { fromPercent: 95, toPercent: null, awardPercent: 60 },
          ],
          [0, '互助资金总额为0，资金未运行，按0分计'],
        ),
        auto(
          'turnover',
          '年周转率',
          6,
          'turnover',
          atLeast([
            [100, 100],
            [80, 80],
            [60, 60],
            [40, 40],
          ]),
          [0, '互助资金总额为0，资金未运行，按0分计'],
        ),
        auto(
          'borrower_coverage',
          '借款覆盖率',
          6,
          'borrower_coverage',
          atLeast([
            [50, 100],
            [30, 70],
            [15, 40],
          ]),
          [0, '无会员，按0分计'],
        ),
      ],
    },
    {
      code: 'risk',
      name: '风险控制',
      weight: 25,
      items: [
        auto(
          'on_time_rate',
          '按期还款率',
          6,
          'on_time_rate',
          atLeast([
            [95, 100],
            [90, 80],
            [80, 60],
            [70, 40],
          ]),
          NOTHING_DUE,
        ),
        auto(
          'recovery_rate',
          '累计回收率',
          5,
          'recovery_rate',
          atLeast([
            [98, 100],
            [95, 80],
            [90, 60],
            [80, 40],
          ]),
          [100, '尚无到期借款，无从回收，按满分计'],
        ),
        auto(
          'overdue_rate',
          '逾期率',
          5,
          'overdue_rate',
          below(
            [
              [2, 100],
              [5, 60],
              [10, 30],
            ],
            0,
          ),
          NOTHING_OUTSTANDING,
        ),
        auto(
          'par30',
          '30天以上逾期借款率',
          5,
          'par30',
          below(
            [
              [1, 100],
              [3, 60],
              [5, 30],
            ],
            0,
          ),
          NOTHING_OUTSTANDING,
        ),
        auto(
          'loss_rate',
          '损失率',
          4,
          'loss_rate',
          // Exactly 0 earns the points: the notice asks for no losses.
          [
            { fromPercent: 0, toPercent: 0, awardPercent: 100 },
            { fromPercent: 0, toPercent: 1, awardPercent: 50 },
            { fromPercent: 1, toPercent: null, awardPercent: 0 },
          ],
          [100, '从未发放借款，无损失，按满分计'],
        ),
      ],
    },
    {
      code: 'finance',
      name: '财务管理',
      weight: 15,
      items: [
        manual('books_timely', '账务规范及时', 4, '凭证、账簿规范，按月结账，账实相符'),
        manual('dedicated_account', '专户管理', 4, '资金存入专户，库存现金不超限额'),
        manual('public_disclosure', '公示公开', 4, '借款、收支、收益分配按期公示'),
        manual('archives_complete', '档案完整', 3, '会员、借款、会议、财务档案齐全'),
      ],
    },
    {
      code: 'benefit',
      name: '效益',
      weight: 5,
      items: [
        auto(
          'cost_coverage',
          '自负盈亏率',
          5,
          'cost_coverage',
          atLeast([
            [100, 100],
            [80, 60],
            [50, 30],
          ]),
          [100, '近12个月无管理费用，占用费收入足以覆盖，按满分计'],
        ),
      ],
    },
  ],
};
