import { useState } from 'react';
import { App, Button, Card, DatePicker, Form, Input, Modal, Skeleton, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useParams } from 'react-router-dom';
import type { FundEvaluationHistory } from '../../api/types.js';
import { DateText } from '../../ui/DateText.js';
import { ErrorAlert } from '../../ui/ErrorAlert.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { dateOf, disabledFuture, today } from '../fund-setup/form-utils.js';
import { useFund } from '../funds/queries.js';
import { useProgrammeAccess } from '../plans/programme-access.js';
import { GradeTag, OutcomeTag, pointsText } from './evaluation-text.js';
import { useCloseRectification, useFundEvaluations } from './queries.js';
import { fire } from '../plans/fire.js';

type Evaluation = FundEvaluationHistory['evaluations'][number];
type Task = FundEvaluationHistory['rectifications'][number];

function CloseTaskModal({
  fundId,
  task,
  onClose,
}: {
  fundId: number;
  task: Task | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ evidence: string; closedOn: Dayjs }>();
  const close = useCloseRectification(fundId);
  const { message } = App.useApp();
  return (
    <Modal
      title="整改完成"
      open={task !== null}
      okText="确认整改完成"
      confirmLoading={close.isPending}
      onOk={() => {
        form.submit();
      }}
      onCancel={() => {
        close.reset();
        onClose();
      }}
      destroyOnHidden
    >
      <ErrorAlert error={close.error} />
      <p>{task?.description}</p>
      <Form<{ evidence: string; closedOn: Dayjs }>
        form={form}
        layout="vertical"
        initialValues={{ closedOn: today() }}
        onFinish={(values) => {
          fire(async () => {
            if (task === null) return;
            await close.mutateAsync({
              taskId: task.id,
              evidence: values.evidence.trim(),
              closedOn: dateOf(values.closedOn),
            });
            message.success('整改已完成');
            onClose();
          });
        }}
      >
        <Form.Item
          name="evidence"
          label="整改材料"
          rules={[{ required: true, whitespace: true, message: '请说明整改材料' }]}
        >
          <Input.TextArea rows={3} maxLength={2000} placeholder="如：已补建档案，会员大会已召开" />
        </Form.Item>
        <Form.Item name="closedOn" label="完成日期" rules={[{ required: true }]}>
          <DatePicker disabledDate={disabledFuture} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 考评记录: a fund's evaluations by year and its rectification tasks (整改). */
export function FundEvaluationPage() {
  const { fundId: param } = useParams();
  const fundId = Number(param);
  const fund = useFund(fundId);
  const history = useFundEvaluations(fundId);
  const access = useProgrammeAccess();
  const [closing, setClosing] = useState<Task | null>(null);
  if (history.isPending) return <Skeleton active />;
  if (history.isError) return <ErrorAlert error={history.error} />;
  return (
    <div>
      <PageHeader title={`考评记录：${fund.data?.name ?? ''}`} subtitle="历年考评结果与整改任务" />
      <Card title="历年考评" size="small" style={{ marginBottom: 16 }}>
        <Table<Evaluation>
          rowKey="runId"
          size="small"
          pagination={false}
          className="fund-evaluations"
          dataSource={history.data.evaluations}
          locale={{ emptyText: '尚无考评记录' }}
          columns={[
            { key: 'year', title: '年度', dataIndex: 'year' },
            {
              key: 'score',
              title: '得分',
              align: 'right',
              render: (_: unknown, e) => pointsText(e.totalTenths),
            },
            {
              key: 'grade',
              title: '等级',
              render: (_: unknown, e) => <GradeTag grade={e.grade} />,
            },
            { key: 'county', title: '县内排名', dataIndex: 'rankInCounty', align: 'right' },
            { key: 'city', title: '全市排名', dataIndex: 'rankInCity', align: 'right' },
            {
              key: 'proposed',
              title: '建议处理',
              render: (_: unknown, e) => <OutcomeTag outcome={e.proposedOutcome} />,
            },
            {
              key: 'approved',
              title: '审定处理',
              render: (_: unknown, e) => <OutcomeTag outcome={e.approvedOutcome} />,
            },
            {
              key: 'deadline',
              title: '整改期限',
              render: (_: unknown, e) => <DateText value={e.outcomeDeadline} />,
            },
          ]}
        />
      </Card>
      <Card title="整改任务" size="small">
        <Table<Task>
          rowKey="id"
          size="small"
          pagination={false}
          className="rectifications"
          dataSource={history.data.rectifications}
          locale={{ emptyText: '无整改任务' }}
          columns={[
            { key: 'description', title: '整改内容', dataIndex: 'description' },
            {
              key: 'deadline',
              title: '期限',
              render: (_: unknown, t) => <DateText value={t.deadline} />,
            },
            {
              key: 'status',
              title: '状态',
              render: (_: unknown, t) =>
                t.status === 'open' ? (
                  <Tag color="orange">整改中</Tag>
                ) : (
                  <Tag color="green">已完成</Tag>
                ),
            },
            { key: 'evidence', title: '整改材料', render: (_: unknown, t) => t.evidence ?? '—' },
            {
              key: 'closedOn',
              title: '完成日期',
              render: (_: unknown, t) => <DateText value={t.closedOn} />,
            },
            {
              key: 'actions',
              title: '操作',
              render: (_: unknown, t) =>
                t.status === 'open' && access.county ? (
                  <Button
                    size="small"
                    onClick={() => {
                      setClosing(t);
                    }}
                  >
                    整改完成
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      <CloseTaskModal
        fundId={fundId}
        task={closing}
        onClose={() => {
          setClosing(null);
        }}
      />
    </div>
  );
}
