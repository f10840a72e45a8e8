import { useState } from 'react';
import {
  Button,
  Card,
  Descriptions,
  Flex,
  Result,
  Skeleton,
  Steps,
  Table,
  Tag,
  Timeline,
} from 'antd';
import { formatRate, rateBp } from '@huzhu/domain';
import { Link, useParams } from 'react-router-dom';
import type { LoanDetail, LoanStatus } from '../../api/types.js';
import { DateText, formatTimestamp } from '../../ui/DateText.js';
import { Money } from '../../ui/Money.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { BooksErrorAlert } from '../fund-setup/BooksErrorAlert.js';
import { useBookAccess } from '../fund-setup/books-access.js';
import { BooksFundGate } from '../fund-setup/books-fund.js';
import { CHANNEL_NAMES } from '../fund-setup/form-utils.js';
import { ACTION_LABELS, loanActions, type LoanActionKind } from './loan-actions.js';
import { LoanActionModal } from './LoanActionModal.js';
import { DECISION_NAMES, LoanStatusTag, STEP_NAMES } from './loan-text.js';
import { useLoan } from './queries.js';
import { RepayForm } from './RepayForm.js';

const PROGRESS: readonly { status: LoanStatus; title: string }[] = [
  { status: 'applied', title: '申请' },
  { status: 'group_reviewed', title: '联保小组' },
  { status: 'board_approved', title: '理事会' },
  { status: 'supervisor_reviewed', title: '监事会' },
  { status: 'publicized', title: '公示' },
  { status: 'contracted', title: '签合同' },
  { status: 'disbursed', title: '放款' },
  { status: 'settled', title: '结清' },
];

/** The step in progress: the one after the last done (the last one once settled). */
function progressIndex(status: LoanStatus, stepsDone: number): number {
  if (status === 'extended' || status === 'settled' || status === 'written_off') return 7;
  // A rejection stops the step it was made at.
  if (status === 'rejected') return Math.min(stepsDone, PROGRESS.length - 1);
  const done = PROGRESS.findIndex((p) => p.status === status);
  return Math.min(done + 1, PROGRESS.length - 1);
}

function LoanFacts({ loan }: { loan: LoanDetail }) {
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2, xl: 3 }}
      items={[
        {
          key: 'b',
          label: '借款人',
          children: (
            <Flex gap={4}>
              {loan.borrowerName}
              {loan.borrowerPoor ? <Tag color="orange">贫困户</Tag> : null}
            </Flex>
          ),
        },
        { key: 'a', label: '借款金额', children: <Money fen={loan.amountFen} unit /> },
        {
          key: 'o',
          label: '本金余额',
          children:
            loan.disbursedOn === null ? '—' : <Money fen={loan.principalOutstandingFen} unit />,
        },
        {
          key: 't',
          label: '期限',
          children: `${String(loan.termMonths)} 个月，分 ${String(loan.instalments)} 期`,
        },
        { key: 'p', label: '用途', children: loan.purpose },
        { key: 'pd', label: '用途说明', children: loan.purposeDetail ?? '—' },
        { key: 'g', label: '联保小组', children: loan.groupName ?? '—' },
        {
          key: 'gu',
          label: '代偿人',
          children:
            loan.guarantors.length === 0 ? '—' : loan.guarantors.map((g) => g.headName).join('、'),
        },
        { key: 'ap', label: '申请日期', children: <DateText value={loan.appliedOn} /> },
        {
          key: 'n',
          label: '公示期',
          children:
            loan.noticeFrom === null ? '—' : `${loan.noticeFrom} 至 ${loan.noticeUntil ?? ''}`,
        },
        { key: 'c', label: '合同编号', children: loan.contractNo ?? '—' },
        {
          key: 'd',
          label: '放款',
          children:
            loan.disbursedOn === null
              ? '—'
              : `${loan.disbursedOn}（${loan.disbursementMethod === null ? '' : CHANNEL_NAMES[loan.disbursementMethod]}）`,
        },
        {
          key: 'due',
          label: '到期日',
          children: (
            <span>
              <DateText value={loan.dueOn} />
              {loan.originalDueOn !== null && loan.originalDueOn !== loan.dueOn
                ? `（原 ${loan.originalDueOn}，已展期）`
                : ''}
            </span>
          ),
        },
        {
          key: 'r',
          label: '占用费率',
          children:
            loan.feeRateBpPerYear === null
              ? '放款时按章程确定'
              : formatRate(rateBp(loan.feeRateBpPerYear), 'monthly_permille'),
        },
        {
          key: 'fee',
          label: '欠缴占用费',
          children: <Money fen={loan.owedNormalFeeFen + loan.owedOverdueFeeFen} unit />,
        },
        { key: 's', label: '结清日期', children: <DateText value={loan.settledOn} /> },
        ...(loan.writtenOffOn === null
          ? []
          : [
              {
                key: 'w',
                label: '核销',
                children: `${loan.writtenOffOn}（${loan.writeOffResolution ?? ''}）`,
              },
            ]),
      ]}
    />
  );
}

function StepsTimeline({ loan }: { loan: LoanDetail }) {
  return (
    <Timeline
      className="loan-steps"
      items={loan.steps.map((s, index) => ({
        key: String(index),
        color: s.decision === 'rejected' ? 'red' : 'green',
        title: <DateText value={s.onDate} />,
        content: (
          <div>
            <strong>{STEP_NAMES[s.step] ?? s.step}</strong>
            <Tag
              style={{ marginInlineStart: 8 }}
              color={s.decision === 'rejected' ? 'red' : 'green'}
            >
              {DECISION_NAMES[s.decision] ?? s.decision}
            </Tag>
            <span>{s.actorName}</span>
            {s.reason === null || s.reason === '' ? null : (
              <div style={{ color: '#555' }}>意见：{s.reason}</div>
            )}
            <div style={{ color: '#999', fontSize: 12 }}>
              记录于 {formatTimestamp(s.recordedAt)}
            </div>
          </div>
        ),
      }))}
    />
  );
}

function LoanView({ fundId, loanId }: { fundId: number; loanId: number }) {
  const loan = useLoan(fundId, loanId);
  const can = useBookAccess();
  const [action, setAction] = useState<LoanActionKind | null>(null);
  if (loan.isPending) return <Skeleton active />;
  if (loan.isError) return <BooksErrorAlert error={loan.error} />;
  const l = loan.data;
  const actions = loanActions(l.status, can);
  const close = () => {
    setAction(null);
  };
  return (
    <div>
      <PageHeader
        title={
          <Flex gap={8} align="center">
            借款第 {l.loanNo} 号：{l.borrowerName}
            <LoanStatusTag status={l.status} />
          </Flex>
        }
        subtitle={<Link to="/loans">返回借款列表</Link>}
        extra={actions.map((a) => (
          <Button
            key={a}
            type={a === 'reject' || a === 'extend' || a === 'write_off' ? 'default' : 'primary'}
            danger={a === 'reject' || a === 'write_off'}
            onClick={() => {
              setAction(a);
            }}
          >
            {ACTION_LABELS[a]}
          </Button>
        ))}
      />
      <Card style={{ marginBottom: 16 }}>
        <Steps
          size="small"
          current={progressIndex(l.status, l.steps.filter((s) => s.decision !== 'rejected').length)}
          status={
            l.status === 'rejected' || l.status === 'written_off'
              ? 'error'
              : l.status === 'settled'
                ? 'finish'
                : 'process'
          }
          items={PROGRESS.map((p) => ({ title: p.title }))}
          style={{ marginBottom: 16 }}
        />
        <LoanFacts loan={l} />
      </Card>
      <Flex gap={16} wrap align="start">
        <Card title="审批与办理记录" style={{ flex: '1 1 380px' }}>
          <StepsTimeline loan={l} />
        </Card>
        <Card title="还款计划" style={{ flex: '1 1 320px' }}>
          <Table
            rowKey="dueOn"
            size="small"
            pagination={false}
            dataSource={l.schedule}
            locale={{ emptyText: '放款后生成' }}
            columns={[
              { title: '期次', key: 'n', render: (_: unknown, _r, index) => index + 1 },
              { title: '应还日期', dataIndex: 'dueOn' },
              {
                title: '应还本金',
                dataIndex: 'principalFen',
                align: 'right',
                render: (v: number) => <Money fen={v} />,
              },
            ]}
          />
        </Card>
      </Flex>
      <Card title="还款记录" style={{ marginTop: 16 }}>
        <Table
          rowKey="id"
          size="small"
          className="repayments-table"
          pagination={false}
          dataSource={l.repayments}
          locale={{ emptyText: '暂无还款' }}
          columns={[
            { title: '还款日期', dataIndex: 'onDate' },
            {
              title: '还款金额',
              dataIndex: 'amountFen',
              align: 'right',
              render: (v: number) => <Money fen={v} />,
            },
            {
              title: '本金',
              dataIndex: 'principalFen',
              align: 'right',
              render: (v: number) => <Money fen={v} />,
            },
            {
              title: '占用费',
              dataIndex: 'normalFeeFen',
              align: 'right',
              render: (v: number) => <Money fen={v} />,
            },
            {
              title: '逾期占用费',
              dataIndex: 'overdueFeeFen',
              align: 'right',
              render: (v: number) => <Money fen={v} />,
            },
            {
              title: '方式',
              dataIndex: 'method',
              render: (v: 'cash' | 'bank') => CHANNEL_NAMES[v],
            },
          ]}
        />
      </Card>
      {action === 'repay' ? <RepayForm fundId={fundId} loan={l} open onClose={close} /> : null}
      <LoanActionModal
        fundId={fundId}
        loan={l}
        action={action === 'repay' ? null : action}
        onClose={close}
      />
    </div>
  );
}

/** /loans/:loanId: a loan's facts, its approval record, the next actions, schedule and repayments. */
export function LoanDetailPage() {
  const { loanId } = useParams();
  const id = Number(loanId);
  if (!Number.isInteger(id) || id < 1) return <Result status="404" title="未找到该借款" />;
  return (
    <BooksFundGate>
      {(fundId) => <LoanView key={fundId} fundId={fundId} loanId={id} />}
    </BooksFundGate>
  );
}
