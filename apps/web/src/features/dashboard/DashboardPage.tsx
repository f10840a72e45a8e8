import { useState } from 'react';
import {
  Alert,
  Breadcrumb,
  Button,
  Card,
  Flex,
  Segmented,
  Skeleton,
  Tooltip,
  Typography,
} from 'antd';
import { ArrowUpOutlined, FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import type { IndicatorSource } from '../../api/types.js';
import { levelName } from '../../text/zh.js';
import { DateText } from '../../ui/DateText.js';
import { ErrorAlert } from '../../ui/ErrorAlert.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { useCurrentRegion } from '../layout/current-region.js';
import { DashboardCharts } from './DashboardCharts.js';
import { useDrillDown } from './drill-down.js';
import { IndicatorTable } from './IndicatorTable.js';
import { KpiCards } from './KpiCards.js';
import {
  hasEnded,
  kindOf,
  lastEndedQuarter,
  periodLabel,
  periodsEndingAt,
  type Period,
} from './period.js';
import { PeriodPicker } from './PeriodPicker.js';
import {
  indicatorTableXlsxUrl,
  monitoringReportDocxUrl,
  useActiveWarnings,
  useIndicatorTrend,
  useRegionIndicators,
} from './queries.js';

export const SOURCE_NAMES: Readonly<Record<IndicatorSource, string>> = {
  books: '账簿实时',
  snapshot: '已报季报',
};

/** How many periods the trend chart shows (this one and the ones before). */
const TREND_PERIODS = 4;

/**
 * 监测看板: the §8 indicators of the current region (the tree's selection, or the user's own) for
 * a month, quarter or year, from the live books or the submitted quarterly reports; KPI cards,
 * charts, and a table of the children that drills down to townships, funds and their loans.
 */
export function DashboardPage() {
  const { root, region } = useCurrentRegion();
  const [period, setPeriod] = useState<Period>(lastEndedQuarter);
  const [source, setSource] = useState<IndicatorSource>('books');
  const params = { regionId: region.id, period, source };
  const indicators = useRegionIndicators(params);
  const trendPeriods = periodsEndingAt(period, TREND_PERIODS);
  const trend = useIndicatorTrend(region.id, trendPeriods, source);
  const warnings = useActiveWarnings(region.id);
  const drill = useDrillDown();
  const reportReady = kindOf(period) === 'quarter' && hasEnded(period);
  const data = indicators.data;
  const stale = data !== undefined && data.total.id !== region.id;

  return (
    <div className="dashboard">
      <PageHeader
        title="监测看板"
        subtitle={
          <span>
            {region.name}（{levelName(region.level)}）· {periodLabel(period)} ·{' '}
            {SOURCE_NAMES[source]}
            {data === undefined ? null : (
              <>
                {' '}
                · 截至 <DateText value={data.asOf} />
              </>
            )}
          </span>
        }
        extra={
          <>
            <Button
              icon={<FileExcelOutlined />}
              href={indicatorTableXlsxUrl(params)}
              className="export-xlsx"
            >
              导出 Excel
            </Button>
            <Tooltip title={reportReady ? undefined : '监测报告按已结束的季度生成，请选择季度'}>
              <Button
                icon={<FileWordOutlined />}
                {...(reportReady ? { href: monitoringReportDocxUrl(params) } : {})}
                disabled={!reportReady}
                className="download-docx"
              >
                下载监测报告
              </Button>
            </Tooltip>
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={16} wrap align="center" justify="space-between">
          <Flex gap={12} wrap align="center">
            <PeriodPicker value={period} onChange={setPeriod} />
            <Segmented<IndicatorSource>
              value={source}
              onChange={setSource}
              options={[
                { value: 'books', label: SOURCE_NAMES.books },
                { value: 'snapshot', label: SOURCE_NAMES.snapshot },
              ]}
              className="source-toggle"
            />
          </Flex>
          <Flex gap={8} align="center">
            <Breadcrumb
              items={[
                { title: root.name },
                ...(region.id === root.id ? [] : [{ title: region.name }]),
              ]}
            />
            {region.id === root.id || region.parentId === null ? null : (
              <Button
                size="small"
                icon={<ArrowUpOutlined />}
                loading={drill.pending}
                onClick={() => {
                  if (region.parentId !== null) void drill.toRegion(region.parentId);
                }}
              >
                返回上级
              </Button>
            )}
          </Flex>
        </Flex>
        {source === 'snapshot' ? (
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
            已报季报：只汇总已提交（含已审核、已锁定）季报中冻结的数据；未报送的互助社不计入。
          </Typography.Paragraph>
        ) : null}
      </Card>
      <ErrorAlert error={drill.error} />
      <ErrorAlert error={indicators.error} />
      {data === undefined ? (
        indicators.isPending ? (
          <Skeleton active />
        ) : null
      ) : (
        <div style={stale ? { opacity: 0.6 } : undefined}>
          {region.level === 'village' ? (
            <Alert
              type="info"
              showIcon
              title="已选择行政村：下方为该村互助社的指标。"
              style={{ marginBottom: 16 }}
            />
          ) : null}
          <KpiCards total={data.total} />
          <DashboardCharts
            breakdown={data}
            trend={trendPeriods.map((p, index) => ({
              period: p,
              data: trend[index]?.data,
              updatedAt: trend[index]?.dataUpdatedAt ?? 0,
              pending: trend[index]?.isPending ?? true,
              error: trend[index]?.error ?? null,
            }))}
            warnings={{
              items: warnings.data?.items,
              pending: warnings.isPending,
              error: warnings.error,
            }}
            warningsByFund={region.level !== 'city'}
          />
          <Card
            size="small"
            title={`指标明细（${data.children[0]?.kind === 'fund' ? '按互助社' : '按下级区划'}，点击下钻）`}
          >
            <IndicatorTable
              breakdown={data}
              loading={indicators.isFetching || drill.pending}
              onOpenRegion={(id) => void drill.toRegion(id)}
              onOpenFund={(id, path) => void drill.toFund(id, path)}
            />
          </Card>
        </div>
      )}
    </div>
  );
}
