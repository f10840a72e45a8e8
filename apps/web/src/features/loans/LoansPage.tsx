import { useState } from 'react';
import { Button, Card, Flex, Segmented, Select, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { LoanStatus, LoanSummary } from '../../api/types.js';
import { DateText } from '../../ui/DateText.js';
import { Money } from '../../ui/Money.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { BooksErrorAlert } from '../fund-setup/BooksErrorAlert.js';
import { useBookAccess } from '../fund-setup/books-access.js';
import { BooksFundGate } from '../fund-setup/books-fund.js';
import { useFund } from '../funds/queries.js';
import { ApplyLoanForm } from './ApplyLoanForm.js';
import { LoanStatusTag, STATUS_OPTIONS } from './loan-text.js';
import { useLoans } from './queries.js';

const COLUMNS: TableColumnsType<LoanSummary> = [
  { title: '编号', dataIndex: 'loanNo', width: 70 },
  {
    title: '借款人',
    dataIndex: 'borrowerName',
    render: (_: unknown, loan) => (
      <Flex gap={4} align="center">
        <Link to={`/loans/${String(loan.id)}`}>{loan.borrowerName}</Link>
        {loan.borrowerPoor ? <Tag color="orange">贫困户</Tag> : null}
      </Flex>
    ),
  },
  {
    title: '状态',
    dataIndex: 'status',
    render: (_: unknown, l) => <LoanStatusTag status={l.status} />,
  },
  {
    title: '借款额',
    dataIndex: 'amountFen',
    align: 'right',
    render: (_: unknown, l) => <Money fen={l.amountFen} />,
  },
  {
    title: '余额',
    dataIndex: 'principalOutstandingFen',
    align: 'right',
    render: (_: unknown, l) => <Money fen={l.principalOutstandingFen} />,
  },
  { title: '期限', dataIndex: 'termMonths', render: (v: number) => `${String(v)} 个月` },
  { title: '用途', dataIndex: 'purpose' },
  {
    title: '申请日期',
    dataIndex: 'appliedOn',
    render: (_: unknown, l) => <DateText value={l.appliedOn} />,
  },
  {
    title: '放款日期',
    dataIndex: 'disbursedOn',
    render: (_: unknown, l) => <DateText value={l.disbursedOn} />,
  },
  { title: '到期日', dataIndex: 'dueOn', render: (_: unknown, l) => <DateText value={l.dueOn} /> },
];

type Outstanding = 'all' | 'true' | 'false';

function Loans({ fundId }: { fundId: number }) {
  const can = useBookAccess();
  const fund = useFund(fundId);
  const [status, setStatus] = useState<LoanStatus | undefined>(undefined);
  const [outstanding, setOutstanding] = useState<Outstanding>('all');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [applying, setApplying] = useState(false);
  const loans = useLoans(fundId, {
    status,
    outstanding: outstanding === 'all' ? undefined : outstanding,
    page,
    pageSize,
  });
  return (
    <div>
      <PageHeader
        title="借款"
        subtitle={fund.data === undefined ? undefined : `${fund.data.name} · 贫困户申请优先`}
        extra={
          can('books.write') ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => {
                setApplying(true);
              }}
            >
              借款申请
            </Button>
          ) : undefined
        }
      />
      <Card>
        <BooksErrorAlert error={loans.error} />
        <Flex gap={12} wrap style={{ marginBottom: 12 }}>
          <Select<LoanStatus>
            allowClear
            placeholder="全部状态"
            style={{ width: 160 }}
            options={STATUS_OPTIONS}
            value={status ?? null}
            onChange={(value) => {
              setStatus(value);
              setPage(1);
            }}
          />
          <Segmented<Outstanding>
            value={outstanding}
            options={[
              { value: 'all', label: '全部' },
              { value: 'true', label: '未结清' },
              { value: 'false', label: '已结清' },
            ]}
            onChange={(value) => {
              setOutstanding(value);
              setPage(1);
            }}
          />
        </Flex>
        <Table<LoanSummary>
          rowKey="id"
          size="middle"
          className="loans-table"
          columns={COLUMNS}
          dataSource={loans.data?.items ?? []}
          loading={loans.isFetching}
          scroll={{ x: 'max-content' }}
          pagination={{
            current: page,
            pageSize,
            total: loans.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => `共 ${String(total)} 笔`,
            onChange: (nextPage, nextSize) => {
              setPage(nextSize === pageSize ? nextPage : 1);
              setPageSize(nextSize);
            },
          }}
        />
      </Card>
      <ApplyLoanForm
        fundId={fundId}
        open={applying}
        onClose={() => {
          setApplying(false);
        }}
      />
    </div>
  );
}

/** 借款: the loans of the current fund and new applications. */
export function LoansPage() {
  return <BooksFundGate>{(fundId) => <Loans key={fundId} fundId={fundId} />}</BooksFundGate>;
}
