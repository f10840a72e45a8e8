import { useEffect, useState } from 'react';
import {
  App,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Modal,
  Select,
  Skeleton,
  Typography,
} from 'antd';
import { formatYuan, fen } from '@huzhu/domain';
import type { Dayjs } from 'dayjs';
import type { LoanDetail, MoneyChannel } from '../../api/types.js';
import { Money } from '../../ui/Money.js';
import { BooksErrorAlert } from '../fund-setup/BooksErrorAlert.js';
import {
  CHANNEL_OPTIONS,
  dateOf,
  disabledFuture,
  today,
  YUAN_RULES,
  yuanToFen,
} from '../fund-setup/form-utils.js';
import { useRequestIds } from '../fund-setup/request-id.js';
import { useQuote, useRepay } from './queries.js';

interface RepayValues {
  on: Dayjs;
  amountYuan: string;
  method: MoneyChannel;
}

/** Plain 元 text of fen for an input ('3007.00'). */
function yuanText(amount: number): string {
  return formatYuan(fen(amount)).replaceAll(',', '');
}

/** 还款: pick the date, see the 还款试算 (本金/占用费/逾期占用费/合计), pay all or part. */
export function RepayForm({
  fundId,
  loan,
  open,
  onClose,
}: {
  fundId: number;
  loan: LoanDetail;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<RepayValues>();
  const [on, setOn] = useState<string>(dateOf(today()));
  const quote = useQuote(fundId, loan.id, open ? on : null);
  const repay = useRepay(fundId, loan.id);
  const ids = useRequestIds();
  const { modal } = App.useApp();
  // The amount defaults to the quote's total for the chosen date (the user may pay less).
  const quoted = quote.data;
  useEffect(() => {
    if (quoted !== undefined) form.setFieldValue('amountYuan', yuanText(quoted.totalFen));
  }, [quoted, form]);
  return (
    <Modal
      title={`还款：第 ${String(loan.loanNo)} 号 ${loan.borrowerName}`}
      open={open}
      okText="确认还款"
      width={560}
      confirmLoading={repay.isPending}
      onOk={() => {
        form.submit();
      }}
      onCancel={() => {
        repay.reset();
        onClose();
      }}
      destroyOnHidden
    >
      <BooksErrorAlert error={repay.error} />
      <Form<RepayValues>
        form={form}
        layout="vertical"
        className="repay-form"
        initialValues={{ on: today(), method: 'cash' }}
        onValuesChange={(changed: Partial<RepayValues>) => {
          if (changed.on !== undefined) setOn(dateOf(changed.on));
        }}
        onFinish={(values) => {
          const amountFen = yuanToFen(values.amountYuan);
          if (amountFen === null) return;
          const body = { on: dateOf(values.on), amountFen, method: values.method };
          repay.mutate(
            { ...body, requestId: ids.idFor(body) },
            {
              onSuccess: (r) => {
                ids.done();
                onClose();
                modal.success({
                  title: r.settled ? '还款成功，借款已结清' : '还款成功',
                  content: (
                    <div>
                      凭证号 {r.voucherNo}：本金 <Money fen={r.principalFen} />
                      ，占用费 <Money fen={r.normalFeeFen} />
                      ，逾期占用费 <Money fen={r.overdueFeeFen} />
                      ；本金余额 <Money fen={r.principalOutstandingFen} unit />
                    </div>
                  ),
                });
              },
            },
          );
        }}
      >
        <Form.Item label="还款日期" name="on" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={disabledFuture} />
        </Form.Item>
        <Typography.Text strong>还款试算（{on}）</Typography.Text>
        <div className="repay-quote" style={{ margin: '8px 0 16px' }}>
          {quote.isError ? (
            <BooksErrorAlert error={quote.error} />
          ) : quote.data === undefined ? (
            <Skeleton active paragraph={{ rows: 1 }} />
          ) : (
            <Descriptions
              bordered
              size="small"
              column={2}
              items={[
                { key: 'p', label: '本金', children: <Money fen={quote.data.principalFen} /> },
                { key: 'f', label: '占用费', children: <Money fen={quote.data.normalFeeFen} /> },
                {
                  key: 'o',
                  label: '逾期占用费',
                  children: <Money fen={quote.data.overdueFeeFen} />,
                },
                {
                  key: 't',
                  label: '合计',
                  children: (
                    <strong>
                      <Money fen={quote.data.totalFen} unit />
                    </strong>
                  ),
                },
                ...(quote.data.daysPastDue > 0
                  ? [
                      {
                        key: 'd',
                        label: '逾期天数',
                        children: `${String(quote.data.daysPastDue)} 天`,
                      },
                    ]
                  : []),
              ]}
            />
          )}
        </div>
        <Form.Item
          label="还款金额（元）"
          name="amountYuan"
          rules={YUAN_RULES}
          extra="先收逾期占用费，再收占用费，余额还本金；可部分还款"
        >
          <Input inputMode="decimal" suffix="元" />
        </Form.Item>
        <Form.Item label="收款方式" name="method">
          <Select options={[...CHANNEL_OPTIONS]} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
