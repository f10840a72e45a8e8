import { useState } from 'react';
import { App, Input, Modal, Select, Table, Typography } from 'antd';
import {
  EVALUATION_OUTCOMES,
  EVALUATION_OUTCOME_NAMES,
  type EvaluationOutcomeCode,
} from '@huzhu/domain';
import type { EvaluationRun, EvaluationRunFund } from '../../api/types.js';
import { ProblemsAlert } from '../plans/ProblemsAlert.js';
import { GradeTag, OutcomeTag, isOutcome, pointsText } from './evaluation-text.js';
import { useApproveRun } from './queries.js';
import { fire } from '../plans/fire.js';

interface Override {
  outcome: EvaluationOutcomeCode;
  reason: string;
}

/**
 * 审定: the city approves each fund's outcome as proposed or changes it; a changed outcome needs
 * its reason. Approved, 限期整改 creates rectification tasks and 退出 an exit decision.
 */
export function ApproveModal({
  run,
  open,
  onClose,
}: {
  run: EvaluationRun;
  open: boolean;
  onClose: () => void;
}) {
  const approve = useApproveRun(run.id);
  const { message } = App.useApp();
  const [overrides, setOverrides] = useState<Record<number, Override>>({});
  const [tried, setTried] = useState(false);
  const changed = Object.entries(overrides)
    .map(([fundId, o]) => ({ fundId: Number(fundId), ...o }))
    .filter((o) => run.funds.find((f) => f.fundId === o.fundId)?.proposedOutcome !== o.outcome);
  const missingReason = changed.some((o) => o.reason.trim() === '');
  return (
    <Modal
      title={`审定 ${String(run.year)} 年度考评结果`}
      open={open}
      width={1000}
      okText="审定"
      confirmLoading={approve.isPending}
      onCancel={() => {
        approve.reset();
        onClose();
      }}
      onOk={() => {
        fire(async () => {
          setTried(true);
          if (missingReason) return;
          await approve.mutateAsync({
            overrides: changed.map((o) => ({
              fundId: o.fundId,
              outcome: o.outcome,
              reason: o.reason.trim(),
            })),
          });
          message.success('考评结果已审定');
          onClose();
        });
      }}
      destroyOnHidden
    >
      <ProblemsAlert error={approve.error} />
      <Typography.Paragraph type="secondary">
        默认按建议处理审定；改变处理意见须写明理由。审定后不能再修改评分。
      </Typography.Paragraph>
      <Table<EvaluationRunFund>
        rowKey="fundId"
        size="small"
        pagination={false}
        scroll={{ y: 480 }}
        className="approve-table"
        dataSource={run.funds}
        columns={[
          { key: 'fund', title: '互助社', dataIndex: 'fundName' },
          { key: 'county', title: '区县', dataIndex: 'county', width: 90 },
          {
            key: 'score',
            title: '得分',
            width: 70,
            align: 'right',
            render: (_: unknown, f) => pointsText(f.totalTenths),
          },
          {
            key: 'grade',
            title: '等级',
            width: 80,
            render: (_: unknown, f) => <GradeTag grade={f.grade} />,
          },
          {
            key: 'proposed',
            title: '建议',
            render: (_: unknown, f) => <OutcomeTag outcome={f.proposedOutcome} />,
          },
          {
            key: 'approved',
            title: '审定处理',
            width: 170,
            render: (_: unknown, f) => {
              const proposed = isOutcome(f.proposedOutcome) ? f.proposedOutcome : 'none';
              return (
                <Select<EvaluationOutcomeCode>
                  value={overrides[f.fundId]?.outcome ?? proposed}
                  style={{ width: 160 }}
                  className="approve-outcome"
                  options={EVALUATION_OUTCOMES.map((o) => ({
                    value: o,
                    label: EVALUATION_OUTCOME_NAMES[o],
                  }))}
                  onChange={(outcome) => {
                    setOverrides((all) => ({
                      ...all,
                      [f.fundId]: { outcome, reason: all[f.fundId]?.reason ?? '' },
                    }));
                  }}
                />
              );
            },
          },
          {
            key: 'reason',
            title: '理由',
            width: 260,
            render: (_: unknown, f) => {
              const o = overrides[f.fundId];
              if (o === undefined || o.outcome === f.proposedOutcome) return null;
              const missing = tried && o.reason.trim() === '';
              return (
                <Input
                  value={o.reason}
                  status={missing ? 'error' : ''}
                  placeholder="改变处理意见的理由（必填）"
                  maxLength={500}
                  className="approve-reason"
                  onChange={(event) => {
                    const reason = event.target.value;
                    setOverrides((all) => ({ ...all, [f.fundId]: { ...o, reason } }));
                  }}
                />
              );
            },
          },
        ]}
      />
      {tried && missingReason ? (
        <Typography.Text type="danger">请为每个改变的处理意见写明理由。</Typography.Text>
      ) : null}
    </Modal>
  );
}
