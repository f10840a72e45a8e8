import type { Kysely } from 'kysely';
import {
  WARNING_CODES,
  WARNING_DEFINITIONS,
  chineseDate,
  column,
  periodEnd,
  previousPeriod,
  ratio,
  ratioValue,
  type FundIndicators,
  type IndicatorCode,
  type IndicatorValues,
  type IsoDate,
  type Period,
  type Ratio,
  type ReportRow,
  type WarningCode,
  type WarningSeverity,
} from '@huzhu/domain';
import type {
  MonitoringBlock,
  MonitoringChart,
  MonitoringReportDocument,
  MonitoringSection,
} from '@huzhu/contract';
import type { Database } from '../../db/schema.js';
import type { Actor } from '../actor.js';
import { chinaToday } from '../books/context.js';
import {
  REPORT_DEADLINE_DAY,
  endedQuarter,
  reportDeadline,
  reportStatusBoard,
} from './quarterly-reports.js';
import { thresholdsFor } from './warnings.js';
import { evaluateFundWarningsAsOf } from './warnings-as-of.js';
import {
  childFigures,
  indicatorsByFund,
  regionScope,
  rollUpFunds,
  type MonitoredFund,
  type RegionScope,
  type UnitFigures,
} from './monitoring-data.js';
import {
  NOT_APPLICABLE,
  averageFen,
  formatFenAsYuan,
  formatPercent,
  formatPoints,
  formatTimes,
  formatWan,
  percentHundredths,
  periodLabel,
} from './monitoring-format.js';
import { indicatorNotes, indicatorTable } from './monitoring-table.js';

type Source = 'books' | 'snapshot';

/** The indicators of the docx tables: the ones a monitoring report discusses. */
const KEY_CODES: readonly IndicatorCode[] = [
  'members',
  'members_poor',
  'fund_total',
  'outstanding',
  'utilization_rate',
  'disbursed_amount',
  'disbursed_poor_share',
  'on_time_rate',
  'recovery_rate',
  'overdue_rate',
  'par30',
];

/** How many funds each "lagging" list and the typical-case list name. */
const LIST_SIZE = 3;
/** High-severity warnings listed one by one (the rest are counted). */
const HIGH_WARNINGS_LISTED = 50;

const SEVERITY_NAMES: Readonly<Record<WarningSeverity, string>> = {
  high: '高',
  medium: '中',
  low: '低',
};

const STATUS_NAMES: Readonly<Record<string, string>> = {
  draft: '草稿',
  submitted: '已提交',
  reviewed: '已审核',
  returned: '已退回',
  locked: '已锁定',
  missing: '未报',
};

interface Rolled {
  readonly period: Period;
  readonly fundCount: number;
  readonly indicators: IndicatorValues;
}

interface ActiveWarning {
  readonly fundId: number;
  readonly fundName: string;
  readonly county: string;
  readonly code: string;
  readonly severity: WarningSeverity;
  readonly message: string;
}

type StatusBoard = Awaited<ReturnType<typeof reportStatusBoard>>;

/** Everything the text is written from. */
interface ReportFacts {
  readonly scope: RegionScope;
  readonly period: Period;
  readonly previous: Period;
  readonly source: Source;
  readonly issuedOn: IsoDate;
  readonly current: Rolled;
  readonly prior: Rolled;
  readonly byFund: ReadonlyMap<number, FundIndicators>;
  readonly children: readonly UnitFigures[];
  readonly priorChildren: readonly UnitFigures[];
  readonly trend: readonly Rolled[];
  readonly warnings: readonly ActiveWarning[];
  readonly board: StatusBoard;
}

// ---------------------------------------------------------------------------------------------
// Wording

function isRatio(value: number | Ratio): value is Ratio {
  return typeof value === 'object';
}

function ratioOf(values: IndicatorValues, code: IndicatorCode): Ratio {
  const value = values[code];
  return isRatio(value) ? value : ratio(value, 1);
}

function numberOf(values: IndicatorValues, code: IndicatorCode): number {
  const value = values[code];
  return isRatio(value) ? 0 : value;
}

/** "逾期率由上季度的 X% 上升到 Y%，上升 Z 个百分点" (percent points from the shown figures). */
export function ratioChange(name: string, before: Ratio, after: Ratio): string {
  const was = percentHundredths(before);
  const now = percentHundredths(after);
  if (now === null)
    return was === null
      ? `${name}不适用（分母为零）`
      : `${name}由上季度的 ${formatPercent(before)} 变为不适用（本季度分母为零）`;
  if (was === null) return `${name}为 ${formatPercent(after)}（上季度不适用）`;
  if (now === was) return `${name}为 ${formatPercent(after)}，与上季度持平`;
  const direction = now > was ? '上升' : '下降';
  return `${name}由上季度的 ${formatPercent(before)} ${direction}到 ${formatPercent(after)}，${direction} ${formatPoints(now - was)} 个百分点`;
}

/** "比上季度末增加 1.50 万元（增长 10.00%）", "… 减少 …", "与上季度末持平". */
function moneyChange(before: number, after: number): string {
  const diff = after - before;
  if (diff === 0) return '与上季度末持平';
  const growth =
    before > 0
      ? `（${diff > 0 ? '增长' : '下降'} ${formatPercent(ratio(Math.abs(diff), before))}）`
      : '';
  return `比上季度末${diff > 0 ? '增加' : '减少'} ${formatWan(Math.abs(diff))} 万元${growth}`;
}

function countChange(before: number, after: number, unit: string): string {
  const diff = after - before;
  if (diff === 0) return '与上季度末持平';
  return `比上季度末${diff > 0 ? '增加' : '减少'} ${String(Math.abs(diff))} ${unit}`;
}

function isWarningCode(code: string): code is WarningCode {
  return (WARNING_CODES as readonly string[]).includes(code);
}

function warningName(code: string): string {
  return isWarningCode(code) ? WARNING_DEFINITIONS[code].name : code;
}

function childLabel(scope: RegionScope): string {
  if (scope.children.some((c) => c.kind === 'fund')) return '互助社';
  return scope.region.level === 'city' ? '区县' : '乡镇';
}

function issuerOf(scope: RegionScope): string {
  return `${scope.region.name}扶贫办`;
}

// ---------------------------------------------------------------------------------------------
// Sections

function summarySection(f: ReportFacts): MonitoringSection {
  const v = f.current.indicators;
  const p = f.prior.indicators;
  const name = f.scope.region.name;
  const asOf = chineseDate(periodEnd(f.period));
  const blocks: MonitoringBlock[] = [];
  const funds = f.scope.funds.length;
  const reported =
    f.source === 'snapshot'
      ? `，其中已报送本季度季报的 ${String(f.current.fundCount)} 个（以下数据取自已报送的季报）`
      : '';
  blocks.push({
    kind: 'paragraph',
    text:
      `截至${asOf}，${name}共有村级互助资金互助社 ${String(funds)} 个${reported}。` +
      `入社会员 ${String(v.members)} 户，${countChange(p.members, v.members, '户')}；` +
      `其中贫困户会员 ${String(v.members_poor)} 户，占会员户数的 ${formatPercent(ratio(v.members_poor, v.members))}。` +
      `入社率 ${formatPercent(v.membership_rate)}，贫困户入社率 ${formatPercent(v.poor_membership_rate)}。`,
  });
  const share = (code: IndicatorCode, label: string): string =>
    `${label} ${formatWan(numberOf(v, code))} 万元（占 ${formatPercent(ratio(numberOf(v, code), v.fund_total))}）`;
  blocks.push({
    kind: 'paragraph',
    text:
      `互助资金总额 ${formatWan(v.fund_total)} 万元，${moneyChange(p.fund_total, v.fund_total)}。` +
      `其中${share('fund_fiscal', '财政扶贫资金')}，${share('fund_member', '会员互助金')}，` +
      `${share('fund_donation', '捐赠资金')}，${share('fund_reserves', '积累')}。`,
  });
  const average = averageFen(v.avg_loan);
  const disbursed =
    v.disbursed_count === 0
      ? `本季度未发放借款（上季度发放 ${String(p.disbursed_count)} 笔、${formatWan(p.disbursed_amount)} 万元）。`
      : `本季度发放借款 ${String(v.disbursed_count)} 笔、金额 ${formatWan(v.disbursed_amount)} 万元` +
        `（上季度 ${String(p.disbursed_count)} 笔、${formatWan(p.disbursed_amount)} 万元），` +
        `笔均 ${average === null ? NOT_APPLICABLE : formatFenAsYuan(average)} 元，` +
        `其中贫困户借款金额占比 ${formatPercent(v.disbursed_poor_share)}。`;
  blocks.push({
    kind: 'paragraph',
    text:
      `季末借款余额 ${formatWan(v.outstanding)} 万元，${moneyChange(p.outstanding, v.outstanding)}；` +
      `${ratioChange('资金使用率', p.utilization_rate, v.utilization_rate)}。${disbursed}` +
      `近12个月年周转率 ${formatTimes(v.turnover)}，借款覆盖率 ${formatPercent(v.borrower_coverage)}。` +
      `本季度收取占用费 ${formatWan(v.fee_income)} 万元，近12个月自负盈亏率 ${formatPercent(v.cost_coverage)}。`,
  });
  blocks.push({
    kind: 'paragraph',
    text:
      `本季度到期本金 ${formatWan(v.due_principal)} 万元，${ratioChange('按期还款率', p.on_time_rate, v.on_time_rate)}；` +
      `${ratioChange('累计回收率', p.recovery_rate, v.recovery_rate)}。` +
      `季末逾期余额 ${formatWan(v.overdue_balance)} 万元，${ratioChange('逾期率', p.overdue_rate, v.overdue_rate)}；` +
      `${ratioChange('30天以上逾期借款率（PAR30）', p.par30, v.par30)}。` +
      `累计核销借款 ${formatWan(v.written_off)} 万元，损失率 ${formatPercent(v.loss_rate)}。`,
  });
  if (f.children.length > 1 || f.scope.children.some((c) => c.kind === 'region'))
    blocks.push({ kind: 'paragraph', text: overdueRiseText(f) });
  return { heading: '一、总体情况', blocks };
}

/** Which children's overdue rates rose, by how much, largest rise first. */
function overdueRiseText(f: ReportFacts): string {
  const label = childLabel(f.scope);
  const rises = f.children.flatMap((child, index) => {
    const before = f.priorChildren[index];
    if (before === undefined || child.fundCount === 0) return [];
    const now = percentHundredths(child.indicators.overdue_rate);
    const was = percentHundredths(before.indicators.overdue_rate);
    if (now === null || now === 0 || (was !== null && now <= was)) return [];
    const text =
      was === null
        ? `${child.name}由上季度无借款余额变为 ${formatPercent(child.indicators.overdue_rate)}`
        : `${child.name}由上季度的 ${formatPercent(before.indicators.overdue_rate)} 上升到 ${formatPercent(child.indicators.overdue_rate)}，上升 ${formatPoints(now - was)} 个百分点`;
    return [{ rise: now - (was ?? 0), text }];
  });
  if (rises.length === 0) return `与上季度相比，各${label}的逾期率均未上升。`;
  rises.sort((a, b) => b.rise - a.rise);
  return (
    `与上季度相比，逾期率上升的${label}有 ${String(rises.length)} 个（按升幅从大到小）：` +
    `${rises.map((r, i) => `${String(i + 1)}. ${r.text}`).join('；')}。`
  );
}

function fundUnits(f: ReportFacts): UnitFigures[] {
  return f.scope.funds.map((fund) => ({
    kind: 'fund',
    id: fund.fundId,
    name: fund.name,
    ...rollUpFunds(f.byFund, [fund.fundId], f.period),
  }));
}

function withFunds(f: ReportFacts): UnitFigures[] {
  return f.children.filter((_, i) => (f.scope.children[i]?.fundIds.length ?? 0) > 0);
}

function tablesSection(f: ReportFacts): MonitoringSection {
  const label = childLabel(f.scope);
  const notes = ['比率由分子、分母分别汇总后重新计算；“—”为不适用（分母为零）。'];
  const subtitle = `${periodLabel(f.period)}\u3000金额单位：万元`;
  const total = { name: `合计（${f.scope.region.name}）`, ...f.current };
  const shown = withFunds(f);
  const omitted = f.children.length - shown.length;
  const blocks: MonitoringBlock[] = [
    {
      kind: 'table',
      moneyUnit: 'wan_yuan',
      table: indicatorTable({
        title: `表1\u3000各${label}主要监测指标`,
        subtitle,
        unitTitle: label,
        units: shown,
        total,
        codes: KEY_CODES,
        countColumn: label !== '互助社',
        notes:
          omitted > 0 ? [...notes, `没有互助社的 ${String(omitted)} 个${label}未列出。`] : notes,
      }),
    },
  ];
  if (f.scope.region.level === 'county') {
    const reported = fundUnits(f).filter((u) => u.fundCount > 0);
    blocks.push({
      kind: 'table',
      moneyUnit: 'wan_yuan',
      table: indicatorTable({
        title: '表2\u3000各互助社主要监测指标',
        subtitle,
        unitTitle: '互助社',
        units: reported,
        total,
        codes: KEY_CODES,
        countColumn: false,
        notes:
          reported.length < f.scope.funds.length
            ? [
                `未报送本季度季报的 ${String(f.scope.funds.length - reported.length)} 个互助社未列出。`,
              ]
            : [],
      }),
    });
  }
  blocks.push({
    kind: 'paragraph',
    text: '全部监测指标（共29项）见同期《村级互助资金监测指标表》（Excel）。',
  });
  return { heading: '二、主要监测指标', blocks };
}

function highest(
  units: readonly UnitFigures[],
  code: 'utilization_rate' | 'overdue_rate',
): string | null {
  let best: { name: string; value: number; ratio: Ratio } | null = null;
  for (const unit of units) {
    const value = ratioValue(unit.indicators[code]);
    if (value !== null && (best === null || value > best.value))
      best = { name: unit.name, value, ratio: unit.indicators[code] };
  }
  return best === null ? null : `${best.name}（${formatPercent(best.ratio)}）`;
}

function chartsSection(f: ReportFacts): MonitoringSection {
  const label = childLabel(f.scope);
  const units = withFunds(f);
  const topUse = highest(units, 'utilization_rate');
  const topOverdue = highest(units, 'overdue_rate');
  const byUnit: MonitoringChart = {
    id: 'utilization-overdue',
    title: `各${label}资金使用率与逾期率（${periodLabel(f.period)}）`,
    unit: 'percent',
    categories: units.map((u) => u.name),
    series: [
      { name: '资金使用率', values: units.map((u) => ratioValue(u.indicators.utilization_rate)) },
      { name: '逾期率', values: units.map((u) => ratioValue(u.indicators.overdue_rate)) },
    ],
    caption:
      `资金使用率最高的是${topUse ?? '—（均不适用）'}，逾期率最高的是${topOverdue ?? '—（均不适用）'}；` +
      '没有柱的为不适用（分母为零）。',
  };
  const first = f.trend[0];
  const last = f.trend[f.trend.length - 1];
  const trend: MonitoringChart = {
    id: 'fund-trend',
    title: '近四个季度互助资金总额与借款余额',
    unit: 'wan_yuan',
    categories: f.trend.map((t) => t.period),
    series: [
      { name: '互助资金总额', values: f.trend.map((t) => t.indicators.fund_total) },
      { name: '借款余额', values: f.trend.map((t) => t.indicators.outstanding) },
    ],
    caption:
      first === undefined || last === undefined
        ? ''
        : `${periodLabel(first.period)}末至${periodLabel(last.period)}末，互助资金总额由 ${formatWan(first.indicators.fund_total)} 万元变为 ${formatWan(last.indicators.fund_total)} 万元，` +
          `借款余额由 ${formatWan(first.indicators.outstanding)} 万元变为 ${formatWan(last.indicators.outstanding)} 万元。`,
  };
  return {
    heading: '三、运行情况图示',
    blocks: [
      { kind: 'chart', chart: byUnit },
      { kind: 'chart', chart: trend },
    ],
  };
}

function townshipOf(f: ReportFacts): Map<number, MonitoredFund> {
  return new Map(f.scope.funds.map((fund) => [fund.fundId, fund]));
}

function placeOf(fund: MonitoredFund | undefined, scope: RegionScope): string {
  if (fund === undefined) return '';
  return scope.region.level === 'city' ? `${fund.county}${fund.township}` : fund.township;
}

function warningsSection(f: ReportFacts): MonitoringSection {
  const count = (severity: WarningSeverity): number =>
    f.warnings.filter((w) => w.severity === severity).length;
  const blocks: MonitoringBlock[] = [
    {
      kind: 'paragraph',
      text:
        `截至${chineseDate(periodEnd(f.period))}（季末），${f.scope.region.name}各互助社触发的风险预警共 ${String(f.warnings.length)} 条，` +
        `其中高风险 ${String(count('high'))} 条、中风险 ${String(count('medium'))} 条、低风险 ${String(count('low'))} 条。` +
        '预警按各互助社季末账簿计算（此后的业务不影响本报告），阈值为所在区县的设置；当前预警及处理情况见系统“风险预警”页面。',
    },
  ];
  if (f.warnings.length > 0) {
    const codes = WARNING_CODES.filter((code) => f.warnings.some((w) => w.code === code));
    const rows: ReportRow[] = codes.map((code) => {
      const list = f.warnings.filter((w) => w.code === code);
      return {
        name: WARNING_DEFINITIONS[code].name,
        severity: SEVERITY_NAMES[WARNING_DEFINITIONS[code].severity],
        count: list.length,
        funds: new Set(list.map((w) => w.fundId)).size,
      };
    });
    blocks.push({
      kind: 'table',
      moneyUnit: 'yuan',
      table: {
        title: '表3\u3000风险预警分类统计',
        subtitle: `截至${chineseDate(periodEnd(f.period))}`,
        columns: [
          column('name', '预警类型', 'text'),
          column('severity', '风险等级', 'text'),
          column('count', '预警数', 'int'),
          column('funds', '涉及互助社数', 'int'),
        ],
        rows,
        totals: {
          name: '合计',
          severity: '',
          count: f.warnings.length,
          funds: new Set(f.warnings.map((w) => w.fundId)).size,
        },
        notes: [],
      },
    });
  }
  const high = f.warnings.filter((w) => w.severity === 'high');
  if (high.length === 0) {
    blocks.push({ kind: 'paragraph', text: '季末没有高风险预警。' });
  } else {
    const funds = townshipOf(f);
    const listed = high.slice(0, HIGH_WARNINGS_LISTED);
    blocks.push({
      kind: 'table',
      moneyUnit: 'yuan',
      table: {
        title: '表4\u3000高风险预警清单',
        subtitle: `共 ${String(high.length)} 条`,
        columns: [
          column('fund', '互助社', 'text'),
          column('place', '所在地', 'text'),
          column('name', '预警类型', 'text'),
          column('message', '情况', 'text'),
        ],
        rows: listed.map((w) => ({
          fund: w.fundName,
          place: placeOf(funds.get(w.fundId), f.scope),
          name: warningName(w.code),
          message: w.message,
        })),
        notes:
          high.length > listed.length
            ? [`另有 ${String(high.length - listed.length)} 条未列出，请在系统中查看。`]
            : [],
      },
    });
  }
  return { heading: '四、风险预警', blocks };
}

interface FundFigures {
  readonly fund: MonitoredFund;
  readonly values: IndicatorValues;
}

function fundsWithData(f: ReportFacts): FundFigures[] {
  return f.scope.funds.flatMap((fund) => {
    const own = f.byFund.get(fund.fundId);
    return own === undefined ? [] : [{ fund, values: own.values }];
  });
}

function byValue(code: IndicatorCode, order: 'asc' | 'desc') {
  return (a: FundFigures, b: FundFigures): number => {
    const x = ratioValue(ratioOf(a.values, code)) ?? 0;
    const y = ratioValue(ratioOf(b.values, code)) ?? 0;
    return order === 'asc' ? x - y : y - x;
  };
}

function laggingSection(f: ReportFacts): MonitoringSection {
  const all = fundsWithData(f);
  const below = (code: 'on_time_rate' | 'recovery_rate'): FundFigures[] =>
    all
      .filter((x) => {
        const h = percentHundredths(x.values[code]);
        return h !== null && h < 10_000;
      })
      .sort(byValue(code, 'asc'))
      .slice(0, LIST_SIZE);
  const onTime = below('on_time_rate');
  const recovery = below('recovery_rate');
  const par = all
    .filter((x) => (percentHundredths(x.values.par30) ?? 0) > 0)
    .sort(byValue('par30', 'desc'))
    .slice(0, LIST_SIZE);
  const reasons = new Map<number, { item: FundFigures; why: string[] }>();
  const mark = (list: FundFigures[], why: string): void => {
    for (const item of list) {
      const entry = reasons.get(item.fund.fundId) ?? { item, why: [] };
      entry.why.push(why);
      reasons.set(item.fund.fundId, entry);
    }
  };
  mark(onTime, '按期还款率低');
  mark(recovery, '累计回收率低');
  mark(par, '30天以上逾期借款率高');
  const names = (list: FundFigures[], code: 'on_time_rate' | 'recovery_rate' | 'par30'): string =>
    list.length === 0
      ? '无'
      : list.map((x) => `${x.fund.name}（${formatPercent(x.values[code])}）`).join('、');
  const blocks: MonitoringBlock[] = [
    {
      kind: 'paragraph',
      text:
        reasons.size === 0
          ? '本季度没有按期还款率或累计回收率低于 100%、或30天以上逾期借款率大于 0 的互助社。'
          : `按期还款率最低的互助社：${names(onTime, 'on_time_rate')}；累计回收率最低的：${names(recovery, 'recovery_rate')}；` +
            `30天以上逾期借款率最高的：${names(par, 'par30')}。`,
    },
  ];
  if (reasons.size > 0) {
    blocks.push({
      kind: 'table',
      moneyUnit: 'wan_yuan',
      table: {
        title: '表5\u3000运行落后的互助社',
        subtitle: `${periodLabel(f.period)}\u3000金额单位：万元`,
        columns: [
          column('fund', '互助社', 'text'),
          column('place', '所在地', 'text'),
          column('outstanding', '借款余额', 'money'),
          column('on_time_rate', '按期还款率', 'ratio'),
          column('recovery_rate', '累计回收率', 'ratio'),
          column('overdue_rate', '逾期率', 'ratio'),
          column('par30', '30天以上逾期借款率', 'ratio'),
          column('why', '列入原因', 'text'),
        ],
        rows: [...reasons.values()].map(({ item, why }) => ({
          fund: item.fund.name,
          place: placeOf(item.fund, f.scope),
          outstanding: item.values.outstanding,
          on_time_rate: item.values.on_time_rate,
          recovery_rate: item.values.recovery_rate,
          overdue_rate: item.values.overdue_rate,
          par30: item.values.par30,
          why: why.join('、'),
        })),
        notes: [],
      },
    });
  }
  const s = f.board.summary;
  blocks.push({
    kind: 'paragraph',
    text:
      `${periodLabel(f.period)}季报应于${chineseDate(f.board.deadline)}前报送。${f.scope.region.name}应报 ${String(s.funds)} 个互助社，` +
      `已报 ${String(s.submitted)} 个（其中逾期报送 ${String(s.late)} 个、已锁定 ${String(s.locked)} 个），` +
      `截至${chineseDate(f.issuedOn)}未报 ${String(s.missing)} 个。`,
  });
  const problems = f.board.items.filter((i) => i.late || i.missing);
  if (problems.length > 0) {
    blocks.push({
      kind: 'table',
      moneyUnit: 'yuan',
      table: {
        title: '表6\u3000逾期报送和未报送季报的互助社',
        subtitle: `报送截止日期：${chineseDate(f.board.deadline)}`,
        columns: [
          column('fund', '互助社', 'text'),
          column('place', '所在地', 'text'),
          column('status', '季报状态', 'text'),
          column('submittedOn', '报送日期', 'date'),
          column('problem', '情况', 'text'),
        ],
        rows: problems.map((i) => ({
          fund: i.fundName,
          place: f.scope.region.level === 'city' ? `${i.county}${i.township}` : i.township,
          status: STATUS_NAMES[i.status] ?? i.status,
          submittedOn: i.submittedOn,
          problem: i.late ? '逾期报送' : '未报送',
        })),
        notes: [],
      },
    });
  }
  return { heading: '五、落后互助社与季报报送情况', blocks };
}

function typicalSection(f: ReportFacts): MonitoringSection {
  // Lending (something disbursed in 12 months or due by now), no overdue balance and no loss: the
  // notice's test for a well-run fund (无逾期、无损失).
  const all = fundsWithData(f).filter(
    (x) =>
      (x.values.recovery_rate.denominator > 0 || x.values.turnover.numerator > 0) &&
      x.values.overdue_balance === 0 &&
      x.values.written_off === 0,
  );
  const recoveryOf = (x: FundFigures): number => ratioValue(x.values.recovery_rate) ?? -1;
  const turnoverOf = (x: FundFigures): number => ratioValue(x.values.turnover) ?? 0;
  const ranked = [...all]
    .sort((a, b) => recoveryOf(b) - recoveryOf(a) || turnoverOf(b) - turnoverOf(a))
    .slice(0, LIST_SIZE);
  const blocks: MonitoringBlock[] = [];
  if (ranked.length === 0) {
    blocks.push({
      kind: 'paragraph',
      text: '没有近12个月有借款发放或到期、且无逾期、无损失的互助社，暂无典型案例候选。',
    });
  } else {
    blocks.push({
      kind: 'paragraph',
      text:
        '在近12个月有借款发放或到期、季末无逾期余额且无核销损失的互助社中，按累计回收率从高到低' +
        '（无到期借款的排在后面）、相同时按年周转率从高到低排序，以下互助社可作为典型案例候选，供选写典型案例时参考：',
    });
    blocks.push({
      kind: 'list',
      items: ranked.map(
        (x, i) =>
          `${String(i + 1)}. ${x.fund.name}（${placeOf(x.fund, f.scope)}）：累计回收率 ${formatPercent(x.values.recovery_rate)}，` +
          `年周转率 ${formatTimes(x.values.turnover)}，会员 ${String(x.values.members)} 户（贫困户 ${String(x.values.members_poor)} 户），` +
          `互助资金总额 ${formatWan(x.values.fund_total)} 万元，借款余额 ${formatWan(x.values.outstanding)} 万元，` +
          `本季度发放 ${String(x.values.disbursed_count)} 笔、${formatWan(x.values.disbursed_amount)} 万元，` +
          `逾期率 ${formatPercent(x.values.overdue_rate)}。`,
      ),
    });
  }
  return { heading: '六、典型案例候选', blocks };
}

function notesSection(f: ReportFacts): MonitoringSection {
  return {
    heading: '七、说明',
    blocks: [
      {
        kind: 'list',
        items: [
          ...indicatorNotes(f.source, periodEnd(f.period)),
          '上季度比较数据按同一口径计算；百分点变化按表中显示的百分比（保留两位小数）相减。',
          `季报报送截止日期为季度结束后次月第${String(REPORT_DEADLINE_DAY)}日（系统默认参数，本季度为${chineseDate(reportDeadline(f.period))}）。`,
          '金额以万元表示时四舍五入保留两位小数，合计与分项之和可能有尾差；精确数据见 Excel 指标表（单位：元）。',
        ],
      },
    ],
  };
}

const SEVERITY_ORDER: Readonly<Record<WarningSeverity, number>> = { high: 0, medium: 1, low: 2 };

/**
 * The warnings of every fund in scope as its books stood at the end of the report's quarter, so a
 * report reads the same whenever it is printed (the live list in the app is as of today).
 */
async function warningsAtPeriodEnd(
  db: Kysely<Database>,
  funds: readonly MonitoredFund[],
  asOf: IsoDate,
): Promise<ActiveWarning[]> {
  const result: ActiveWarning[] = [];
  for (const fund of funds) {
    const thresholds = await thresholdsFor(db, fund.path);
    for (const w of await evaluateFundWarningsAsOf(db, fund.fundId, thresholds, asOf))
      result.push({
        fundId: fund.fundId,
        fundName: fund.name,
        county: fund.county,
        code: w.code,
        severity: w.severity,
        message: w.message,
      });
  }
  return result.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

/** The four quarters ending with `period`, oldest first. */
function lastFourQuarters(period: Period): Period[] {
  const quarters = [period];
  for (let i = 0; i < 3; i += 1) quarters.unshift(previousPeriod(quarters[0] ?? period));
  return quarters;
}

/**
 * 季度监测报告 for a region (a county for the city, the city itself, or any region in scope) and
 * a quarter that has ended: figures from the books (or the stored quarterly-report snapshots),
 * compared with the quarter before, as text, tables and charts, with warnings, lagging funds,
 * late and missing reports, and candidates for typical cases. Rendered by `export/docx.ts`.
 */
export async function buildMonitoringReport(
  db: Kysely<Database>,
  actor: Actor,
  regionId: number | undefined,
  periodInput: string,
  options: { source: Source; now: Date },
): Promise<MonitoringReportDocument> {
  const { source, now } = options;
  const period = endedQuarter(periodInput, now);
  const scope = await regionScope(db, actor, regionId);
  const quarters = lastFourQuarters(period);
  const fundIds = scope.funds.map((fund) => fund.fundId);
  const byQuarter = new Map<Period, Map<number, FundIndicators>>();
  for (const quarter of quarters)
    byQuarter.set(quarter, await indicatorsByFund(db, scope.funds, quarter, source));
  const mapOf = (quarter: Period): Map<number, FundIndicators> =>
    byQuarter.get(quarter) ?? new Map<number, FundIndicators>();
  const previous = previousPeriod(period);
  const trend = quarters.map((quarter) => ({
    period: quarter,
    ...rollUpFunds(mapOf(quarter), fundIds, quarter),
  }));
  const facts: ReportFacts = {
    scope,
    period,
    previous,
    source,
    issuedOn: chinaToday(now),
    current: { period, ...rollUpFunds(mapOf(period), fundIds, period) },
    prior: { period: previous, ...rollUpFunds(mapOf(previous), fundIds, previous) },
    byFund: mapOf(period),
    children: childFigures(scope, mapOf(period), period),
    priorChildren: childFigures(scope, mapOf(previous), previous),
    trend,
    warnings: await warningsAtPeriodEnd(db, scope.funds, periodEnd(period)),
    board: await reportStatusBoard(db, actor, scope.region.id, period, now),
  };
  return {
    title: `${scope.region.name}村级互助资金${periodLabel(period)}监测报告`,
    issuer: issuerOf(scope),
    issuedOn: facts.issuedOn,
    region: { id: scope.region.id, name: scope.region.name, level: scope.region.level },
    period,
    previousPeriod: previous,
    asOf: periodEnd(period),
    source,
    figures: {
      current: facts.current,
      previous: facts.prior,
      children: facts.children.map((c) => ({ ...c })),
      trend,
    },
    sections: [
      summarySection(facts),
      tablesSection(facts),
      chartsSection(facts),
      warningsSection(facts),
      laggingSection(facts),
      typicalSection(facts),
      notesSection(facts),
    ],
  };
}

/** The file name of the .docx. */
export function monitoringReportFilename(document: MonitoringReportDocument): string {
  return `${document.title}.docx`;
}
