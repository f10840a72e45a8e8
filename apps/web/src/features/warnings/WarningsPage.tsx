import { useState } from 'react';
import { App, Button, Card, Flex, Segmented, Select, Space, Table, Tabs, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { WARNING_CODES } from '@huzhu/domain';
import type { WarningView } from '../../api/types.js';
import { levelName } from '../../text/zh.js';
import { DateText } from '../../ui/DateText.js';
import { ErrorAlert } from '../../ui/ErrorAlert.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { useCurrentUser } from '../auth/session.js';
import { useDrillDown } from '../dashboard/drill-down.js';
import { useCurrentRegion } from '../layout/current-region.js';
import { canActOnWarnings, canSetThresholds } from '../quarterly-reports/monitoring-access.js';
import { ReasonModal } from '../quarterly-reports/ReasonModal.js';
import {
  useWarningAction,
  useWarnings,
  type WarningAction,
  type WarningStatusFilter,
} from './queries.js';
import { ThresholdsForm } from './ThresholdsForm.js';
import { WarningEvidence } from './WarningEvidence.js';
import { WarningHistoryDrawer } from './WarningHistoryDrawer.js';
import {
  ACTION_LABELS,
  SeverityTag,
  WARNING_ACTIONS,
  WarningStatusTag,
  warningName,
} from './warning-text.js';

const STATUS_FILTERS: readonly { value: WarningStatusFilter; label: string }[] = [
  { value: 'active', label: '在办' },
  { value: 'open', label: '待处理' },
  { value: 'acknowledged', label: '已确认' },
  { value: 'resolved', label: '已解除' },
];

const PAGE_SIZE = 50;

function WarningList() {
  const user = useCurrentUser();
  const { region } = useCurrentRegion();
  const { message } = App.useApp();
  const [status, setStatus] = useState<WarningStatusFilter>('active');
  const [code, setCode] = useState<string | undefined>(undefined);
  const [page, setPage] = useState(1);
  const [lastRegion, setLastRegion] = useState(region.id);
  if (lastRegion !== region.id) {
    setLastRegion(region.id);
    setPage(1);
  }
  const warnings = useWarnings({ regionId: region.id, status, code, page, pageSize: PAGE_SIZE });
  const act = useWarningAction();
  const drill = useDrillDown();
  const [acting, setActing] = useState<{ warning: WarningView; action: WarningAction } | null>(
    null,
  );
  const [history, setHistory] = useState<WarningView | null>(null);
  const mayAct = canActOnWarnings(user.role);
  const columns: TableColumnsType<WarningView> = [
    {
      title: '预警',
      dataIndex: 'code',
      width: 170,
      render: (_: unknown, w) => (
        <Space size={4} align="start">
          <SeverityTag severity={w.severity} />
          <Typography.Text strong>{warningName(w.code)}</Typography.Text>
        </Space>
      ),
    },
    {
      title: '互助社',
      dataIndex: 'fundName',
      width: 140,
      render: (_: unknown, w) => (
        <div>
          <div>{w.fundName}</div>
          <Typography.Text type="secondary">{w.county}</Typography.Text>
        </div>
      ),
    },
    { title: '说明', dataIndex: 'message', width: 220 },
    {
      title: '依据',
      key: 'evidence',
      width: 210,
      render: (_: unknown, w) => (
        <WarningEvidence
          warning={w}
          onOpenLoan={(loanId) => void drill.toFund(w.fundId, `/loans/${loanId}`)}
        />
      ),
    },
    {
      title: '发现时间',
      key: 'seen',
      width: 170,
      render: (_: unknown, w) => (
        <div style={{ fontSize: 12 }}>
          <div>
            <Typography.Text type="secondary">首次 </Typography.Text>
            <DateText value={w.firstSeenAt} time />
          </div>
          <div>
            <Typography.Text type="secondary">最近 </Typography.Text>
            <DateText value={w.lastSeenAt} time />
          </div>
        </div>
      ),
    },
    {
      title: '状态',
      dataIndex: 'status',
      width: 84,
      render: (_: unknown, w) => <WarningStatusTag status={w.status} />,
    },
    {
      title: '操作',
      key: 'actions',
      width: 150,
      fixed: 'right',
      render: (_: unknown, w) => (
        <Space size={2} wrap>
          {mayAct
            ? WARNING_ACTIONS[w.status].map((action) => (
                <Button
                  key={action}
                  size="small"
                  type="link"
                  style={{ padding: '0 4px' }}
                  onClick={() => {
                    setActing({ warning: w, action });
                  }}
                >
                  {ACTION_LABELS[action]}
                </Button>
              ))
            : null}
          <Button
            size="small"
            type="link"
            style={{ padding: '0 4px' }}
            onClick={() => {
              setHistory(w);
            }}
          >
            记录
          </Button>
        </Space>
      ),
    },
  ];
  const closeAction = () => {
    act.reset();
    setActing(null);
  };
  return (
    <div>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap align="center">
          <Segmented<WarningStatusFilter>
            value={status}
            options={[...STATUS_FILTERS]}
            onChange={(value) => {
              setStatus(value);
              setPage(1);
            }}
            className="warning-status-filter"
          />
          <Select<string>
            allowClear
            placeholder="全部预警类型"
            value={code ?? null}
            style={{ width: 200 }}
            options={WARNING_CODES.map((c) => ({ value: c, label: warningName(c) }))}
            onChange={(value: string | null | undefined) => {
              setCode(value ?? undefined);
              setPage(1);
            }}
            aria-label="预警类型"
          />
          <Typography.Text type="secondary">
            范围：{region.name}（{levelName(region.level)}）；账簿变化后预警自动重新计算。
          </Typography.Text>
        </Flex>
      </Card>
      <ErrorAlert error={warnings.error} />
      <ErrorAlert error={drill.error} />
      <Card size="small">
        <Table<WarningView>
          className="warning-table"
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={warnings.data?.items ?? []}
          loading={warnings.isFetching}
          scroll={{ x: 'max-content' }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: warnings.data?.total ?? 0,
            showSizeChanger: false,
            hideOnSinglePage: true,
            showTotal: (total) => `共 ${String(total)} 条`,
            onChange: setPage,
          }}
        />
      </Card>
      <ReasonModal
        open={acting !== null}
        title={
          acting === null
            ? ''
            : `${ACTION_LABELS[acting.action]}预警：${acting.warning.fundName} ${warningName(acting.warning.code)}`
        }
        label="处理说明"
        okText={acting === null ? '确定' : ACTION_LABELS[acting.action]}
        description={
          acting === null ? undefined : (
            <Typography.Paragraph type="secondary">{acting.warning.message}</Typography.Paragraph>
          )
        }
        pending={act.isPending}
        error={act.error}
        onClose={closeAction}
        onSubmit={(note) => {
          if (acting === null) return;
          act.mutate(
            { warningId: acting.warning.id, action: acting.action, note },
            {
              onSuccess: () => {
                void message.success(`已${ACTION_LABELS[acting.action]}`);
                closeAction();
              },
            },
          );
        }}
      />
      <WarningHistoryDrawer
        warning={history}
        onClose={() => {
          setHistory(null);
        }}
      />
    </div>
  );
}

/** 预警: the §10 warnings under the current region, their handling, and the thresholds. */
export function WarningsPage() {
  const user = useCurrentUser();
  const { root, region } = useCurrentRegion();
  const thresholdRegion = region.level === 'city' || region.level === 'county' ? region : root;
  return (
    <div>
      <PageHeader title="风险预警" subtitle={`${region.name}（${levelName(region.level)}）`} />
      {canSetThresholds(user.role) ? (
        <Tabs
          items={[
            { key: 'list', label: '预警列表', children: <WarningList /> },
            {
              key: 'thresholds',
              label: '预警阈值',
              children: <ThresholdsForm key={thresholdRegion.id} region={thresholdRegion} />,
            },
          ]}
        />
      ) : (
        <WarningList />
      )}
    </div>
  );
}
