import { useState } from 'react';
import {
  App,
  Button,
  DatePicker,
  Flex,
  Form,
  Input,
  Modal,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { VoucherView } from '../../api/types.js';
import { DateText } from '../../ui/DateText.js';
import { Money } from '../../ui/Money.js';
import { BooksErrorAlert } from '../fund-setup/BooksErrorAlert.js';
import { dateOf, disabledFuture, today } from '../fund-setup/form-utils.js';
import { useRequestIds } from '../fund-setup/request-id.js';
import { voucherPrintUrl } from '../reports/queries.js';
import { useReverseVoucher, useVouchers } from './queries.js';
import { REVERSIBLE_KINDS, VOUCHER_KIND_NAMES } from './voucher-text.js';

type Line = VoucherView['lines'][number];

function VoucherLines({ voucher }: { voucher: VoucherView }) {
  return (
    <div className="voucher-lines">
      <Table<Line>
        rowKey="lineNo"
        size="small"
        pagination={false}
        dataSource={voucher.lines}
        columns={[
          {
            title: '科目',
            key: 'a',
            render: (_: unknown, l) => `${l.accountCode} ${l.accountName}`,
          },
          { title: '明细', key: 's', render: (_: unknown, l) => l.subledger?.label ?? '' },
          {
            title: '借方',
            key: 'd',
            align: 'right',
            render: (_: unknown, l) => (l.side === 'debit' ? <Money fen={l.amountFen} /> : null),
          },
          {
            title: '贷方',
            key: 'c',
            align: 'right',
            render: (_: unknown, l) => (l.side === 'credit' ? <Money fen={l.amountFen} /> : null),
          },
        ]}
      />
      <Typography.Paragraph style={{ margin: '8px 0 0' }}>
        合计（大写）：<span className="amount-in-words">{voucher.totalInWords}</span>
        <Typography.Text type="secondary" style={{ marginInlineStart: 24 }}>
          制单：{voucher.createdBy ?? '系统'}
        </Typography.Text>
      </Typography.Paragraph>
    </div>
  );
}

function ReverseDialog({
  fundId,
  voucher,
  onClose,
}: {
  fundId: number;
  voucher: VoucherView | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ on: Dayjs; reason: string }>();
  const reverse = useReverseVoucher(fundId);
  const ids = useRequestIds();
  const { message } = App.useApp();
  return (
    <Modal
      title={voucher === null ? '' : `红字冲销：凭证 ${voucher.voucherNo}`}
      open={voucher !== null}
      okText="确认冲销"
      okButtonProps={{ danger: true }}
      confirmLoading={reverse.isPending}
      onOk={() => {
        form.submit();
      }}
      onCancel={() => {
        reverse.reset();
        onClose();
      }}
      destroyOnHidden
    >
      <BooksErrorAlert error={reverse.error} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ on: today() }}
        onFinish={(values) => {
          if (voucher === null) return;
          const body = {
            voucherId: voucher.id,
            on: dateOf(values.on),
            reason: values.reason.trim(),
          };
          reverse.mutate(
            { ...body, requestId: ids.idFor(body) },
            {
              onSuccess: (r) => {
                ids.done();
                void message.success(`已冲销，冲销凭证 ${r.voucherNo}`);
                onClose();
              },
            },
          );
        }}
      >
        <Form.Item label="冲销日期" name="on" rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={disabledFuture} />
        </Form.Item>
        <Form.Item
          label="冲销原因"
          name="reason"
          rules={[{ required: true, whitespace: true, message: '请填写原因' }, { max: 200 }]}
        >
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The vouchers of a month, each expandable to its lines and 大写金额; manual ones reversible. */
export function VoucherList({ fundId, canWrite }: { fundId: number; canWrite: boolean }) {
  const [month, setMonth] = useState<Dayjs | null>(dayjs());
  const [kind, setKind] = useState<string | undefined>(undefined);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [reversing, setReversing] = useState<VoucherView | null>(null);
  const vouchers = useVouchers(fundId, {
    period: month?.format('YYYY-MM'),
    kind,
    page,
    pageSize,
  });
  const columns: TableColumnsType<VoucherView> = [
    { title: '凭证号', dataIndex: 'voucherNo', width: 120 },
    {
      title: '日期',
      dataIndex: 'date',
      width: 110,
      render: (_: unknown, v) => <DateText value={v.date} />,
    },
    {
      title: '摘要',
      dataIndex: 'memo',
      render: (_: unknown, v) => (
        <Flex gap={4} wrap align="center">
          <span>{v.memo}</span>
          {v.reversedByVoucherId === null ? null : <Tag color="red">已冲销</Tag>}
          {v.reversesVoucherId === null ? null : <Tag color="volcano">冲销凭证</Tag>}
        </Flex>
      ),
    },
    {
      title: '类别',
      dataIndex: 'kind',
      render: (value: string) => VOUCHER_KIND_NAMES[value] ?? value,
    },
    {
      title: '借方合计',
      dataIndex: 'totalFen',
      align: 'right',
      render: (_: unknown, v) => <Money fen={v.totalFen} />,
    },
    {
      title: '大写金额',
      dataIndex: 'totalInWords',
      render: (value: string) => <span className="amount-in-words">{value}</span>,
    },
    {
      title: '操作',
      key: 'actions',
      width: 130,
      render: (_: unknown, v) => (
        <Flex gap={8}>
          <a href={voucherPrintUrl(fundId, v.id)} target="_blank" rel="noreferrer">
            打印
          </a>
          {canWrite && REVERSIBLE_KINDS.includes(v.kind) && v.reversedByVoucherId === null ? (
            <a
              style={{ color: '#cf1322' }}
              onClick={() => {
                setReversing(v);
              }}
            >
              冲销
            </a>
          ) : null}
        </Flex>
      ),
    },
  ];
  return (
    <div>
      <BooksErrorAlert error={vouchers.error} />
      <Flex gap={12} wrap style={{ marginBottom: 12 }}>
        <DatePicker
          picker="month"
          value={month}
          allowClear
          placeholder="全部月份"
          className="voucher-month"
          onChange={(value: Dayjs | null) => {
            setMonth(value);
            setPage(1);
          }}
        />
        <Select<string>
          allowClear
          placeholder="全部类别"
          style={{ width: 160 }}
          value={kind ?? null}
          options={Object.entries(VOUCHER_KIND_NAMES).map(([value, label]) => ({ value, label }))}
          onChange={(value) => {
            setKind(value);
            setPage(1);
          }}
        />
        <Button
          onClick={() => {
            setMonth(null);
            setKind(undefined);
            setPage(1);
          }}
        >
          全部凭证
        </Button>
      </Flex>
      <Table<VoucherView>
        rowKey="id"
        size="middle"
        className="vouchers-table"
        columns={columns}
        dataSource={vouchers.data?.items ?? []}
        loading={vouchers.isFetching}
        scroll={{ x: 'max-content' }}
        expandable={{ expandedRowRender: (v) => <VoucherLines voucher={v} /> }}
        pagination={{
          current: page,
          pageSize,
          total: vouchers.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => `共 ${String(total)} 张凭证`,
          onChange: (nextPage, nextSize) => {
            setPage(nextSize === pageSize ? nextPage : 1);
            setPageSize(nextSize);
          },
        }}
      />
      <ReverseDialog
        fundId={fundId}
        voucher={reversing}
        onClose={() => {
          setReversing(null);
        }}
      />
    </div>
  );
}
