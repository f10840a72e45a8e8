import { useState } from 'react';
import {
  Button,
  Card,
  Drawer,
  Flex,
  Skeleton,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import type { Region, StatusBoardItem } from '../../api/types.js';
import { levelName } from '../../text/zh.js';
import { DateText } from '../../ui/DateText.js';
import { ErrorAlert } from '../../ui/ErrorAlert.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { useCurrentUser } from '../auth/session.js';
import { useDrillDown } from '../dashboard/drill-down.js';
import { lastEndedQuarter, periodLabel, type Period } from '../dashboard/period.js';
import { PeriodPicker } from '../dashboard/PeriodPicker.js';
import { canReviewReports, canSubmitReports } from './monitoring-access.js';
import { useQuarterlyReport, useReportStatus } from './queries.js';
import { ReportDetail } from './ReportDetail.js';
import { REPORT_STATUS_NAMES, ReportStatusTag } from './report-text.js';

function ReportDrawer({ reportId, onClose }: { reportId: number | null; onClose: () => void }) {
  const report = useQuarterlyReport(reportId);
  return (
    <Drawer
      open={reportId !== null}
      onClose={onClose}
      size={1000}
      title={report.data === undefined ? '季报' : `季报：${report.data.fundName}`}
      destroyOnHidden
      className="report-drawer"
    >
      <ErrorAlert error={report.error} />
      {report.data === undefined ? <Skeleton active /> : <ReportDetail report={report.data} />}
    </Drawer>
  );
}

const SUMMARY: readonly [keyof StatusBoardSummary, string][] = [
  ['funds', '应报'],
  ['submitted', '已报'],
  ['late', '逾期报送'],
  ['missing', '未报'],
  ['locked', '已锁定'],
];
type StatusBoardSummary = {
  funds: number;
  submitted: number;
  late: number;
  missing: number;
  locked: number;
};

/**
 * 报送情况 of a township, county or city for a quarter: the counts, then every fund with its
 * status, submission date and late or missing tags; a row opens the report (and, for the county,
 * its review actions).
 */
export function StatusBoardPanel({ region }: { region: Region }) {
  const user = useCurrentUser();
  const [period, setPeriod] = useState<Period>(lastEndedQuarter);
  const [openId, setOpenId] = useState<number | null>(null);
  const board = useReportStatus(period, region.id);
  const drill = useDrillDown();
  const reviewer = canReviewReports(user.role);
  const submitter = canSubmitReports(user.role);
  const statuses = Object.keys(REPORT_STATUS_NAMES) as StatusBoardItem['status'][];
  const columns: TableColumnsType<StatusBoardItem> = [
    { title: '互助社', dataIndex: 'fundName', render: (name: string) => <span>{name}</span> },
    { title: '行政村', dataIndex: 'village', width: 100 },
    { title: '乡镇', dataIndex: 'township', width: 100 },
    ...(region.level === 'city' ? [{ title: '区县', dataIndex: 'county', width: 100 }] : []),
    {
      title: '状态',
      dataIndex: 'status',
      width: 110,
      filters: statuses.map((s) => ({ text: REPORT_STATUS_NAMES[s], value: s })),
      onFilter: (value, item) => item.status === value,
      render: (_: unknown, item) => (
        <Space size={4}>
          <ReportStatusTag status={item.status} />
        </Space>
      ),
    },
    {
      title: '提交日期',
      dataIndex: 'submittedOn',
      width: 120,
      sorter: (a, b) => (a.submittedOn ?? '').localeCompare(b.submittedOn ?? ''),
      render: (value: string | null) => <DateText value={value} />,
    },
    {
      title: '报送情况',
      key: 'timeliness',
      width: 110,
      render: (_: unknown, item) =>
        item.missing ? (
          <Tag color="red">逾期未报</Tag>
        ) : item.submittedOn === null ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <Space size={4}>
            {item.late ? <Tag color="orange">逾期报送</Tag> : <Tag color="green">按时</Tag>}
            {item.corrected ? <Tag color="blue">更正重报</Tag> : null}
          </Space>
        ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 200,
      render: (_: unknown, item) => (
        <Space size={4}>
          {item.reportId === null ? null : (
            <Button
              size="small"
              type={reviewer && item.status === 'submitted' ? 'primary' : 'default'}
              onClick={(event) => {
                event.stopPropagation();
                setOpenId(item.reportId);
              }}
            >
              {reviewer && (item.status === 'submitted' || item.status === 'reviewed')
                ? '审核'
                : '查看'}
            </Button>
          )}
          {submitter && ['missing', 'draft', 'returned'].includes(item.status) ? (
            <Button
              size="small"
              onClick={(event) => {
                event.stopPropagation();
                void drill.toFund(item.fundId, '/quarterly-reports');
              }}
            >
              去报送
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];
  const summary = board.data?.summary;
  return (
    <div>
      <PageHeader
        title="季报报送情况"
        subtitle={`${region.name}（${levelName(region.level)}）· ${periodLabel(period)}`}
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={16} wrap align="center">
          <PeriodPicker value={period} onChange={setPeriod} kinds={['quarter']} endedOnly />
          <Typography.Text type="secondary">
            报送截止 <DateText value={board.data?.deadline ?? null} />
            （季度结束后下月 5 日）
          </Typography.Text>
        </Flex>
      </Card>
      <ErrorAlert error={board.error} />
      <ErrorAlert error={drill.error} />
      <div
        className="report-summary"
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))',
          gap: 12,
          marginBottom: 16,
        }}
      >
        {SUMMARY.map(([key, title]) => (
          <Card key={key} size="small" data-summary={key}>
            <Statistic
              title={title}
              value={summary?.[key] ?? '—'}
              loading={board.isPending}
              styles={{
                content:
                  (key === 'missing' || key === 'late') && (summary?.[key] ?? 0) > 0
                    ? { color: '#cf1322' }
                    : {},
              }}
            />
          </Card>
        ))}
      </div>
      <Card size="small">
        <Table<StatusBoardItem>
          className="report-status-table"
          rowKey="fundId"
          size="middle"
          columns={columns}
          dataSource={board.data?.items ?? []}
          loading={board.isFetching}
          pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
          onRow={(item) => ({
            onClick: () => {
              if (item.reportId !== null) setOpenId(item.reportId);
            },
            style: item.reportId === null ? undefined : { cursor: 'pointer' },
          })}
        />
      </Card>
      <ReportDrawer
        reportId={openId}
        onClose={() => {
          setOpenId(null);
        }}
      />
    </div>
  );
}
