import type { Kysely } from 'kysely';
import {
  INDICATOR_CODES,
  INDICATOR_DEFINITIONS,
  chineseDate,
  column,
  periodEnd,
  type IndicatorCode,
  type IndicatorValues,
  type IsoDate,
  type ReportCell,
  type ReportColumn,
  type ReportModel,
  type ReportRow,
} from '@huzhu/domain';
import type { Database } from '../../db/schema.js';
import type { Actor } from '../actor.js';
import { parseIndicatorPeriod } from './fund-indicators.js';
import { averageFen, NOT_APPLICABLE, periodLabel } from './monitoring-format.js';
import {
  childFigures,
  indicatorsByFund,
  regionScope,
  rollUpFunds,
  type UnitFigures,
} from './monitoring-data.js';

/** The column of an indicator: counts as int, money as fen, ratios as a Ratio (笔均借款 as fen). */
export function indicatorColumn(code: IndicatorCode): ReportColumn {
  const definition = INDICATOR_DEFINITIONS[code];
  if (definition.kind === 'count') return column(code, definition.name, 'int');
  if (definition.kind === 'money' || definition.display === 'yuan')
    return column(code, definition.name, 'money');
  return column(code, definition.name, 'ratio');
}

/** An indicator's cell: the count, the fen, the Ratio; 笔均借款 as fen rounded half up, or —. */
export function indicatorCell(values: IndicatorValues, code: IndicatorCode): ReportCell {
  const value = values[code];
  if (typeof value === 'number') return value;
  if (INDICATOR_DEFINITIONS[code].display === 'yuan') return averageFen(value) ?? NOT_APPLICABLE;
  return { numerator: value.numerator, denominator: value.denominator };
}

/** A row of an indicator table: the unit's name, its funds with data, and the given indicators. */
export function indicatorRow(
  name: string,
  fundCount: number,
  values: IndicatorValues,
  codes: readonly IndicatorCode[],
): ReportRow {
  const row: Record<string, ReportCell> = { name, fundCount };
  for (const code of codes) row[code] = indicatorCell(values, code);
  return row;
}

/** The notes every indicator table carries. */
export function indicatorNotes(source: 'books' | 'snapshot', asOf: IsoDate): string[] {
  return [
    source === 'books'
      ? `数据根据各互助社账簿计算，截至${chineseDate(asOf)}。`
      : '数据取自已提交、已审核或已锁定的季报（未报送的互助社不计入）。',
    '合计行及各级汇总的比率由分子、分母分别汇总后重新计算，不是比率的平均；分母为 0 时为“—”（不适用）。',
    '年周转率以百分比表示（如 120.00% 即 1.2 次）。',
    '30天以上逾期借款率（PAR30）：逾期超过30天、尚未核销的借款未还本金占借款余额的比例。',
  ];
}

/** An indicator table of units with a total row. */
export function indicatorTable(input: {
  title: string;
  subtitle: string;
  unitTitle: string;
  units: readonly UnitFigures[];
  total: { name: string; fundCount: number; indicators: IndicatorValues };
  codes: readonly IndicatorCode[];
  notes: readonly string[];
  /** Whether to show 互助社数 (not for a table of funds). */
  countColumn?: boolean;
}): ReportModel {
  return {
    title: input.title,
    subtitle: input.subtitle,
    columns: [
      column('name', input.unitTitle, 'text'),
      ...(input.countColumn === false ? [] : [column('fundCount', '互助社数', 'int')]),
      ...input.codes.map(indicatorColumn),
    ],
    rows: input.units.map((u) => indicatorRow(u.name, u.fundCount, u.indicators, input.codes)),
    totals: indicatorRow(
      input.total.name,
      input.total.fundCount,
      input.total.indicators,
      input.codes,
    ),
    notes: input.notes,
  };
}

const UNIT_TITLES: Readonly<Record<string, string>> = {
  city: '区县',
  county: '乡镇',
  township: '互助社',
  village: '互助社',
};

/**
 * 监测指标表: one row per child region (or per fund under a township or village) and a total row,
 * every §8 indicator a column under its Chinese name. The same figures as `GET /indicators`.
 */
export async function buildIndicatorTable(
  db: Kysely<Database>,
  actor: Actor,
  regionId: number | undefined,
  periodInput: string,
  source: 'books' | 'snapshot',
): Promise<{ model: ReportModel; regionName: string; filename: string }> {
  const scope = await regionScope(db, actor, regionId);
  const period = parseIndicatorPeriod(periodInput);
  const byFund = await indicatorsByFund(db, scope.funds, period, source);
  const units = childFigures(scope, byFund, period);
  const total = rollUpFunds(
    byFund,
    scope.funds.map((f) => f.fundId),
    period,
  );
  const asOf = periodEnd(period);
  const useFunds = units.some((u) => u.kind === 'fund');
  const model = indicatorTable({
    title: '村级互助资金监测指标表',
    subtitle: `${periodLabel(period)}（截至${chineseDate(asOf)}）\u3000数据来源：${
      source === 'books' ? '账簿' : '季报'
    }\u3000金额单位：元`,
    unitTitle: useFunds ? '互助社' : (UNIT_TITLES[scope.region.level] ?? '单位'),
    units,
    total: { name: `合计（${scope.region.name}）`, ...total },
    codes: INDICATOR_CODES,
    notes: indicatorNotes(source, asOf),
  });
  return {
    model,
    regionName: scope.region.name,
    filename: `${scope.region.name}监测指标表-${period}.xlsx`,
  };
}
