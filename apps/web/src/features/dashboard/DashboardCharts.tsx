import { useMemo, type ReactNode } from 'react';
import { Card, Col, Empty, Row, Skeleton } from 'antd';
import type { WarningSeverity } from '@huzhu/domain';
import type { RegionBreakdown, WarningView } from '../../api/types.js';
import { ErrorAlert } from '../../ui/ErrorAlert.js';
import { warningName } from '../warnings/warning-text.js';
import { EChart, type ChartOption } from './EChart.js';
import { INDICATOR_DEFINITIONS, valueOf, type IndicatorCode } from './indicator-format.js';
import type { Period } from './period.js';

/** Fen → 万元 with two decimals, for chart axes (tables keep 元). */
function wanYuan(fenValue: number | null): number | null {
  return fenValue === null ? null : Math.round(fenValue / 10_000) / 100;
}

/** A fraction → percent with one decimal; null stays null (no bar: not applicable). */
function percent(fraction: number | null): number | null {
  return fraction === null ? null : Math.round(fraction * 1000) / 10;
}

function tooltipValue(unit: '万元' | '%') {
  return (value: unknown) =>
    typeof value === 'number' ? `${value.toFixed(unit === '%' ? 1 : 2)}${unit}` : '—（不适用）';
}

const PALETTE = ['#1677ff', '#52c41a', '#faad14', '#722ed1', '#eb2f96', '#13c2c2'];

/** Category labels as wide as the chart allows (few categories: whole fund names). */
function categoryAxis(names: string[]) {
  const width = names.length <= 4 ? 150 : names.length <= 8 ? 96 : 64;
  return {
    type: 'category' as const,
    data: names,
    axisLabel: { interval: 0, hideOverlap: true, width, overflow: 'truncate' as const },
  };
}

function ChartCard({
  title,
  children,
  empty,
  className,
}: {
  title: string;
  children: ReactNode;
  empty: boolean;
  className: string;
}) {
  return (
    <Card size="small" title={title} className={`chart-card ${className}`}>
      {empty ? (
        <Empty description="暂无数据" style={{ height: 248, paddingTop: 60, margin: 0 }} />
      ) : (
        children
      )}
    </Card>
  );
}

/** Stacked bars of 资金构成 per child region (万元). */
function fundSourcesOption(breakdown: RegionBreakdown): ChartOption {
  const codes: IndicatorCode[] = ['fund_fiscal', 'fund_member', 'fund_donation', 'fund_reserves'];
  const rows = breakdown.children;
  return {
    color: PALETTE,
    tooltip: { trigger: 'axis', valueFormatter: tooltipValue('万元') },
    legend: { top: 0 },
    grid: { left: 56, right: 16, top: 36, bottom: 28 },
    xAxis: categoryAxis(rows.map((r) => r.name)),
    yAxis: { type: 'value', name: '万元' },
    series: codes.map((code) => ({
      type: 'bar' as const,
      name: INDICATOR_DEFINITIONS[code].name,
      stack: 'fund',
      barMaxWidth: 48,
      data: rows.map((r) => wanYuan(valueOf(r.indicators, code))),
    })),
  };
}

/** Two ratios per child region as grouped bars (percent). */
function ratioBarsOption(
  breakdown: RegionBreakdown,
  codes: [IndicatorCode, IndicatorCode],
  colors: string[],
): ChartOption {
  const rows = breakdown.children;
  return {
    color: colors,
    tooltip: { trigger: 'axis', valueFormatter: tooltipValue('%') },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 36, bottom: 28 },
    xAxis: categoryAxis(rows.map((r) => r.name)),
    // 0–100% unless a ratio exceeds it, so charts of different regions compare at a glance.
    yAxis: {
      type: 'value',
      name: '%',
      min: 0,
      max: (extent) => Math.max(100, Math.ceil(extent.max)),
    },
    series: codes.map((code) => ({
      type: 'bar' as const,
      name: INDICATOR_DEFINITIONS[code].name,
      barMaxWidth: 32,
      label: { show: true, position: 'top' as const, formatter: '{c}%' },
      data: rows.map((r) => percent(valueOf(r.indicators, code))),
    })),
  };
}

/** 互助资金总额 and 借款余额 (万元, left axis) and 逾期率 (%, right axis) over the periods. */
function trendOption(points: { period: Period; data: RegionBreakdown | undefined }[]): ChartOption {
  const money = (code: IndicatorCode) =>
    points.map((p) =>
      wanYuan(p.data === undefined ? null : valueOf(p.data.total.indicators, code)),
    );
  return {
    color: ['#1677ff', '#52c41a', '#f5222d'],
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 56, right: 48, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: points.map((p) => p.period) },
    yAxis: [
      { type: 'value', name: '万元' },
      { type: 'value', name: '%', min: 0, splitLine: { show: false } },
    ],
    series: [
      {
        type: 'line',
        name: INDICATOR_DEFINITIONS.fund_total.name,
        data: money('fund_total'),
        tooltip: { valueFormatter: tooltipValue('万元') },
      },
      {
        type: 'line',
        name: INDICATOR_DEFINITIONS.outstanding.name,
        data: money('outstanding'),
        tooltip: { valueFormatter: tooltipValue('万元') },
      },
      {
        type: 'line',
        name: INDICATOR_DEFINITIONS.overdue_rate.name,
        yAxisIndex: 1,
        connectNulls: false,
        data: points.map((p) =>
          percent(p.data === undefined ? null : valueOf(p.data.total.indicators, 'overdue_rate')),
        ),
        tooltip: { valueFormatter: tooltipValue('%') },
      },
    ],
  };
}

const SEVERITIES: readonly [WarningSeverity, string, string][] = [
  ['high', '高', '#f5222d'],
  ['medium', '中', '#fa8c16'],
  ['low', '低', '#1677ff'],
];

/** Active warnings counted per county (city) or per fund (county, township), by severity. */
function warningsOption(warnings: readonly WarningView[], byFund: boolean): ChartOption {
  const groups = [...new Set(warnings.map((w) => (byFund ? w.fundName : w.county)))];
  return {
    color: SEVERITIES.map(([, , color]) => color),
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const list = Array.isArray(params)
          ? (params as { seriesName: string; value: unknown; axisValue: string }[])
          : [];
        const head = list[0]?.axisValue ?? '';
        const group = warnings.filter((w) => (byFund ? w.fundName : w.county) === head);
        const names = [...new Set(group.map((w) => warningName(w.code)))];
        return [
          head,
          ...list.map(
            (p) => `${p.seriesName}：${typeof p.value === 'number' ? String(p.value) : '0'} 条`,
          ),
          names.join('、'),
        ].join('<br/>');
      },
    },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 36, bottom: 28 },
    xAxis: categoryAxis(groups),
    yAxis: { type: 'value', name: '条', minInterval: 1 },
    series: SEVERITIES.map(([severity, name]) => ({
      type: 'bar' as const,
      name: `${name}风险`,
      stack: 'warnings',
      barMaxWidth: 48,
      data: groups.map(
        (g) =>
          warnings.filter((w) => w.severity === severity && (byFund ? w.fundName : w.county) === g)
            .length,
      ),
    })),
  };
}

/** The five charts of the dashboard. */
export function DashboardCharts({
  breakdown,
  trend,
  warnings,
  warningsByFund,
}: {
  breakdown: RegionBreakdown;
  trend: {
    period: Period;
    data: RegionBreakdown | undefined;
    updatedAt: number;
    pending: boolean;
    error: unknown;
  }[];
  warnings: { items: readonly WarningView[] | undefined; pending: boolean; error: unknown };
  warningsByFund: boolean;
}) {
  const noChildren = breakdown.children.length === 0;
  const sources = useMemo(() => fundSourcesOption(breakdown), [breakdown]);
  const usage = useMemo(
    () => ratioBarsOption(breakdown, ['utilization_rate', 'overdue_rate'], ['#1677ff', '#f5222d']),
    [breakdown],
  );
  const repayment = useMemo(
    () => ratioBarsOption(breakdown, ['on_time_rate', 'recovery_rate'], ['#13c2c2', '#52c41a']),
    [breakdown],
  );
  const trendReady = trend.every((p) => !p.pending);
  const trendData = trend.map((p) => ({ period: p.period, data: p.data }));
  // The option is rebuilt only when a period's data changes (a new option redraws the chart).
  const trendKey = trend.map((p) => `${p.period}:${String(p.updatedAt)}`).join('|');
  const trendChart = useMemo(() => trendOption(trendData), [trendKey]);
  const warningItems = warnings.items;
  const warningChart = useMemo(
    () => warningsOption(warningItems ?? [], warningsByFund),
    [warningItems, warningsByFund],
  );
  const trendError = trend.find((p) => p.error !== null)?.error;
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }} className="dashboard-charts">
      <Col xs={24} xl={12}>
        <ChartCard title="资金构成（按来源，万元）" empty={noChildren} className="chart-sources">
          <EChart option={sources} />
        </ChartCard>
      </Col>
      <Col xs={24} xl={12}>
        <ChartCard title="资金使用率与逾期率" empty={noChildren} className="chart-usage">
          <EChart option={usage} />
        </ChartCard>
      </Col>
      <Col xs={24} xl={12}>
        <ChartCard title="按期还款率与累计回收率" empty={noChildren} className="chart-repayment">
          <EChart option={repayment} />
        </ChartCard>
      </Col>
      <Col xs={24} xl={12}>
        <ChartCard title="近四期走势" empty={false} className="chart-trend">
          <ErrorAlert error={trendError} />
          {trendReady ? <EChart option={trendChart} /> : <Skeleton active />}
        </ChartCard>
      </Col>
      <Col xs={24}>
        <ChartCard
          title={`在办预警（按${warningsByFund ? '互助社' : '区县'}、风险等级）`}
          empty={warningItems !== undefined && warningItems.length === 0}
          className="chart-warnings"
        >
          <ErrorAlert error={warnings.error} />
          {warnings.pending ? <Skeleton active /> : <EChart option={warningChart} height={240} />}
        </ChartCard>
      </Col>
    </Row>
  );
}
