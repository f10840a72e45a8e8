import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Popconfirm,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import type { IndicatorSet, QuarterlyReport } from '../../api/types.js';
import { DateText } from '../../ui/DateText.js';
import { ErrorAlert } from '../../ui/ErrorAlert.js';
import { useCurrentUser } from '../auth/session.js';
import {
  IndicatorText,
  INDICATOR_DEFINITIONS,
  INDICATOR_GROUPS,
} from '../dashboard/indicator-format.js';
import { periodLabel, toPeriod } from '../dashboard/period.js';
import { canReviewReports, canSubmitReports } from './monitoring-access.js';
import { useDecideReport, useDecideUnlock, useRequestUnlock } from './queries.js';
import { ReasonModal } from './ReasonModal.js';
import {
  REPORT_ACTION_NAMES,
  REPORT_SOURCE_NAMES,
  reportStatusName,
  ReportStatusTag,
  UNLOCK_STATUS_NAMES,
} from './report-text.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The frozen figures of a report (`indicators.values`), or an empty set. */
export function snapshotValues(report: QuarterlyReport): IndicatorSet {
  const values = report.indicators.values;
  return isRecord(values) ? (values as IndicatorSet) : {};
}

/** The snapshot's indicators, grouped as in §8, one table per group. */
export function SnapshotIndicators({ values }: { values: IndicatorSet }) {
  return (
    <div className="snapshot-indicators">
      {INDICATOR_GROUPS.map((group) => (
        <Descriptions
          key={group.title}
          title={group.title}
          size="small"
          bordered
          column={{ xs: 1, sm: 2, xl: 4 }}
          style={{ marginBottom: 12 }}
          items={group.codes.map((code) => ({
            key: code,
            label: INDICATOR_DEFINITIONS[code].name,
            children: <IndicatorText code={code} value={values[code]} />,
          }))}
        />
      ))}
    </div>
  );
}

type Dialog = 'return' | 'unlock-request' | 'unlock-approve' | 'unlock-reject' | null;

/** The county's decisions and the fund's unlock request, as buttons for the report's state. */
function ReportActions({ report }: { report: QuarterlyReport }) {
  const user = useCurrentUser();
  const { message } = App.useApp();
  const decide = useDecideReport(report.id);
  const requestUnlock = useRequestUnlock(report.id);
  const decideUnlock = useDecideUnlock(report.id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const reviewer = canReviewReports(user.role);
  const submitter = canSubmitReports(user.role);
  const pendingUnlock = report.unlockRequests.find((u) => u.status === 'pending');
  const close = () => {
    decide.reset();
    requestUnlock.reset();
    decideUnlock.reset();
    setDialog(null);
  };
  const decideNow = (action: 'approve' | 'lock') => {
    decide.mutate(
      { action },
      {
        onSuccess: () => {
          void message.success(action === 'approve' ? '已审核通过' : '已锁定');
        },
      },
    );
  };
  const buttons = [];
  if (reviewer && report.status === 'submitted')
    buttons.push(
      <Popconfirm
        key="approve"
        title="审核通过该季报？"
        okText="审核通过"
        onConfirm={() => {
          decideNow('approve');
        }}
      >
        <Button type="primary" loading={decide.isPending}>
          审核通过
        </Button>
      </Popconfirm>,
    );
  if (reviewer && report.status === 'reviewed')
    buttons.push(
      <Popconfirm
        key="lock"
        title="锁定后只能经解锁申请才能修改，确定锁定？"
        okText="锁定"
        onConfirm={() => {
          decideNow('lock');
        }}
      >
        <Button type="primary" loading={decide.isPending}>
          锁定
        </Button>
      </Popconfirm>,
    );
  if (reviewer && (report.status === 'submitted' || report.status === 'reviewed'))
    buttons.push(
      <Button
        key="return"
        danger
        onClick={() => {
          setDialog('return');
        }}
      >
        退回
      </Button>,
    );
  if (reviewer && pendingUnlock !== undefined)
    buttons.push(
      <Button
        key="unlock-approve"
        type="primary"
        onClick={() => {
          setDialog('unlock-approve');
        }}
      >
        批准解锁
      </Button>,
      <Button
        key="unlock-reject"
        onClick={() => {
          setDialog('unlock-reject');
        }}
      >
        驳回解锁申请
      </Button>,
    );
  if (submitter && report.status === 'locked' && pendingUnlock === undefined)
    buttons.push(
      <Button
        key="unlock-request"
        onClick={() => {
          setDialog('unlock-request');
        }}
      >
        申请解锁
      </Button>,
    );
  return (
    <>
      {decide.isError && dialog === null ? <ErrorAlert error={decide.error} /> : null}
      {buttons.length === 0 ? null : (
        <Space wrap className="report-actions">
          {buttons}
        </Space>
      )}
      <ReasonModal
        open={dialog === 'return'}
        title={`退回季报：${report.fundName} ${periodLabel(toPeriod(report.period))}`}
        label="退回理由"
        okText="退回"
        okDanger
        pending={decide.isPending}
        error={decide.error}
        onClose={close}
        onSubmit={(reason) => {
          decide.mutate(
            { action: 'return', reason },
            {
              onSuccess: () => {
                void message.success('已退回');
                close();
              },
            },
          );
        }}
      />
      <ReasonModal
        open={dialog === 'unlock-request'}
        title="申请解锁季报"
        label="解锁理由"
        okText="提交申请"
        description={
          <Typography.Paragraph type="secondary">
            区县批准后季报退回本社，更正后重新提交。
          </Typography.Paragraph>
        }
        pending={requestUnlock.isPending}
        error={requestUnlock.error}
        onClose={close}
        onSubmit={(reason) => {
          requestUnlock.mutate(reason, {
            onSuccess: () => {
              void message.success('已提交解锁申请，等待区县审批');
              close();
            },
          });
        }}
      />
      <ReasonModal
        open={dialog === 'unlock-approve' || dialog === 'unlock-reject'}
        title={dialog === 'unlock-approve' ? '批准解锁' : '驳回解锁申请'}
        label="审批意见"
        okText={dialog === 'unlock-approve' ? '批准' : '驳回'}
        okDanger={dialog === 'unlock-reject'}
        required={false}
        description={
          pendingUnlock === undefined ? undefined : (
            <Alert
              type="info"
              title={`申请理由：${pendingUnlock.reason}`}
              style={{ marginBottom: 12 }}
            />
          )
        }
        pending={decideUnlock.isPending}
        error={decideUnlock.error}
        onClose={close}
        onSubmit={(note) => {
          decideUnlock.mutate(
            { approve: dialog === 'unlock-approve', ...(note === '' ? {} : { note }) },
            {
              onSuccess: () => {
                void message.success(dialog === 'unlock-approve' ? '已批准解锁' : '已驳回');
                close();
              },
            },
          );
        }}
      />
    </>
  );
}

/**
 * One quarterly report: status (with the return reason), dates, the frozen indicators, its
 * history and unlock requests, and the actions the user's role may take on it.
 */
export function ReportDetail({ report }: { report: QuarterlyReport }) {
  const values = snapshotValues(report);
  return (
    <div className="report-detail">
      {report.status === 'returned' && report.returnedReason !== null ? (
        <Alert
          type="warning"
          showIcon
          title={`已退回：${report.returnedReason}`}
          description="请更正账簿后重新生成并提交。"
          style={{ marginBottom: 16 }}
          className="returned-reason"
        />
      ) : null}
      <Flex justify="space-between" align="flex-start" wrap gap={12} style={{ marginBottom: 12 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          style={{ flex: 1, minWidth: 320 }}
          items={[
            { key: 'fund', label: '互助社', children: `${report.fundName}（${report.fundCode}）` },
            { key: 'period', label: '报告期', children: periodLabel(toPeriod(report.period)) },
            {
              key: 'status',
              label: '状态',
              children: (
                <Space size={4}>
                  <ReportStatusTag status={report.status} />
                  {report.late ? <Tag color="red">逾期报送</Tag> : null}
                  {report.corrected ? <Tag color="blue">更正重报</Tag> : null}
                </Space>
              ),
            },
            { key: 'deadline', label: '报送截止', children: <DateText value={report.deadline} /> },
            {
              key: 'firstSubmittedAt',
              label: '首次报送时间',
              children: <DateText value={report.firstSubmittedAt} time />,
            },
            {
              key: 'submittedAt',
              label: report.corrected ? '最近报送时间' : '提交时间',
              children: <DateText value={report.submittedAt} time />,
            },
            {
              key: 'generatedAt',
              label: '数据生成时间',
              children: <DateText value={report.generatedAt} time />,
            },
            {
              key: 'source',
              label: '报送方式',
              children: REPORT_SOURCE_NAMES[report.source] ?? report.source,
            },
          ]}
        />
        <ReportActions report={report} />
      </Flex>
      <Card
        size="small"
        title="季报数据（生成时从账簿计算，提交后冻结）"
        style={{ marginBottom: 16 }}
      >
        {Object.keys(values).length === 0 ? <Empty /> : <SnapshotIndicators values={values} />}
      </Card>
      <Flex gap={16} wrap>
        <Card size="small" title="流转记录" style={{ flex: '1 1 360px' }} className="report-events">
          <Timeline
            items={report.events.map((event, index) => ({
              key: index,
              color: event.action === 'return' ? 'red' : event.action === 'lock' ? 'green' : 'blue',
              content: (
                <div>
                  <Typography.Text strong>
                    {REPORT_ACTION_NAMES[event.action] ?? event.action}
                  </Typography.Text>{' '}
                  <Typography.Text type="secondary">
                    {event.actorName} · <DateText value={event.at} time />
                  </Typography.Text>
                  <div>
                    {event.fromStatus === null ? null : `${reportStatusName(event.fromStatus)} → `}
                    {reportStatusName(event.toStatus)}
                    {event.reason === null ? null : `；理由：${event.reason}`}
                  </div>
                </div>
              ),
            }))}
          />
        </Card>
        <Card size="small" title="解锁申请" style={{ flex: '1 1 360px' }}>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={report.unlockRequests}
            locale={{ emptyText: '无' }}
            columns={[
              {
                title: '申请时间',
                dataIndex: 'requestedAt',
                render: (value: string) => <DateText value={value} time />,
              },
              { title: '理由', dataIndex: 'reason' },
              {
                title: '状态',
                dataIndex: 'status',
                render: (value: string) => UNLOCK_STATUS_NAMES[value] ?? value,
              },
              {
                title: '审批意见',
                dataIndex: 'decisionNote',
                render: (value: string | null) => value ?? '—',
              },
            ]}
          />
        </Card>
      </Flex>
    </div>
  );
}
