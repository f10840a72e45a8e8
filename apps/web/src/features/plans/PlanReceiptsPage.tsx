import { useState } from 'react';
import { App, Button, Card, DatePicker, Form, Modal, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { PlanReceipt } from '../../api/types.js';
import { DateText } from '../../ui/DateText.js';
import { Money } from '../../ui/Money.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { BooksErrorAlert } from '../fund-setup/BooksErrorAlert.js';
import { BooksFundGate } from '../fund-setup/books-fund.js';
import { dateOf, disabledFuture, today } from '../fund-setup/form-utils.js';
import { useRequestIds } from '../fund-setup/request-id.js';
import { useFund } from '../funds/queries.js';
import { useProgrammeAccess } from './programme-access.js';
import { useConfirmReceipt, usePlanReceipts } from './queries.js';
import { fire } from './fire.js';

function ConfirmModal({
  fundId,
  receipt,
  onClose,
}: {
  fundId: number;
  receipt: PlanReceipt | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ on: Dayjs }>();
  const confirm = useConfirmReceipt(fundId);
  const ids = useRequestIds();
  const { modal } = App.useApp();
  return (
    <Modal
      title="确认计划资金到位"
      open={receipt !== null}
      okText="确认到账"
      confirmLoading={confirm.isPending}
      onOk={() => {
        form.submit();
      }}
      onCancel={() => {
        confirm.reset();
        onClose();
      }}
      destroyOnHidden
    >
      <BooksErrorAlert error={confirm.error} />
      {receipt === null ? null : (
        <Typography.Paragraph>
          {receipt.planTitle}
          {receipt.documentNumber === '' ? '' : `（${receipt.documentNumber}）`}：
          {receipt.categoryName}，{receipt.sourceName} <Money fen={receipt.amountFen} unit />
          。确认后记账：借 银行存款，贷 政府补助收入。
        </Typography.Paragraph>
      )}
      <Form<{ on: Dayjs }>
        form={form}
        layout="vertical"
        initialValues={{ on: today() }}
        onFinish={(values) => {
          fire(async () => {
            if (receipt === null) return;
            const body = { receiptId: receipt.id, on: dateOf(values.on) };
            const result = await confirm.mutateAsync({ ...body, requestId: ids.idFor(body) });
            ids.done();
            onClose();
            modal.success({
              title: '计划资金已到位',
              content: `已记账，凭证号 ${result.voucherNo}（${result.receivedOn}）`,
            });
          });
        }}
      >
        <Form.Item name="on" label="到账日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker disabledDate={disabledFuture} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function Receipts({ fundId }: { fundId: number }) {
  const fund = useFund(fundId);
  const receipts = usePlanReceipts(fundId);
  const access = useProgrammeAccess();
  const [confirming, setConfirming] = useState<PlanReceipt | null>(null);
  return (
    <div>
      <PageHeader
        title="计划资金到位确认"
        subtitle={`${fund.data?.name ?? ''}：市级下达的年度计划资金，到账后在此确认并记账`}
      />
      <BooksErrorAlert error={receipts.error} />
      <Card>
        <Table<PlanReceipt>
          rowKey="id"
          className="plan-receipts-table"
          loading={receipts.isPending}
          dataSource={receipts.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: '暂无下达到本社的计划资金' }}
          columns={[
            { key: 'year', title: '年度', dataIndex: 'planYear', width: 70 },
            {
              key: 'plan',
              title: '计划',
              render: (_: unknown, r) => (
                <span>
                  {r.planTitle}
                  {r.documentNumber === '' ? null : (
                    <Typography.Text type="secondary">（{r.documentNumber}）</Typography.Text>
                  )}
                </span>
              ),
            },
            { key: 'category', title: '类别', dataIndex: 'categoryName' },
            { key: 'source', title: '资金来源', dataIndex: 'sourceName' },
            {
              key: 'amount',
              title: '金额（元）',
              align: 'right',
              render: (_: unknown, r) => <Money fen={r.amountFen} />,
            },
            {
              key: 'status',
              title: '状态',
              render: (_: unknown, r) =>
                r.status === 'received' ? (
                  <Tag color="green">已到位</Tag>
                ) : (
                  <Tag color="orange">待确认</Tag>
                ),
            },
            {
              key: 'receivedOn',
              title: '到账日期',
              render: (_: unknown, r) => <DateText value={r.receivedOn} />,
            },
            {
              key: 'actions',
              title: '操作',
              render: (_: unknown, r) =>
                r.status === 'pending' && access.booksWrite ? (
                  <Button
                    size="small"
                    type="primary"
                    onClick={() => {
                      setConfirming(r);
                    }}
                  >
                    确认到账
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      <ConfirmModal
        fundId={fundId}
        receipt={confirming}
        onClose={() => {
          setConfirming(null);
        }}
      />
    </div>
  );
}

/** 计划资金到位确认: the fund confirms that a plan's money arrived; the voucher is posted. */
export function PlanReceiptsPage() {
  return <BooksFundGate>{(fundId) => <Receipts key={fundId} fundId={fundId} />}</BooksFundGate>;
}
