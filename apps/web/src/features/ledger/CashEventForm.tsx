import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import type { MoneyChannel } from '../../api/types.js';
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
import { useCashEvent, type CashEventKind } from './queries.js';
import { CASH_EVENT_OPTIONS } from './voucher-text.js';

interface CashValues {
  kind: CashEventKind;
  on: Dayjs;
  amountYuan: string;
  method?: MoneyChannel;
  memo?: string;
}

/** Kinds whose channel is fixed by the posting rule (fiscal money and interest arrive in the bank). */
const FIXED_CHANNEL: readonly CashEventKind[] = [
  'fiscal_funds',
  'bank_interest',
  'cash_to_bank',
  'bank_to_cash',
];

const FIXED_CHANNEL_TEXT: Readonly<Partial<Record<CashEventKind, string>>> = {
  fiscal_funds: '银行存款（财政资金拨入专户）',
  bank_interest: '银行存款',
  cash_to_bank: '现金 → 银行存款',
  bank_to_cash: '银行存款 → 现金',
};

/** 资金收支: fiscal money, donations, interest, expenses and moves between cash and bank. */
export function CashEventForm({
  fundId,
  open,
  onClose,
}: {
  fundId: number;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<CashValues>();
  const record = useCashEvent(fundId);
  const ids = useRequestIds();
  const { message } = App.useApp();
  const kind = Form.useWatch('kind', form) as CashEventKind | undefined;
  const channelFixed = kind !== undefined && FIXED_CHANNEL.includes(kind);
  return (
    <Modal
      title="资金收支"
      open={open}
      okText="记账"
      confirmLoading={record.isPending}
      onOk={() => {
        form.submit();
      }}
      onCancel={() => {
        record.reset();
        onClose();
      }}
      destroyOnHidden
    >
      <BooksErrorAlert error={record.error} />
      <Form<CashValues>
        form={form}
        layout="vertical"
        className="cash-event-form"
        initialValues={{ kind: 'fiscal_funds', on: today(), method: 'cash' }}
        onFinish={(values) => {
          const amountFen = yuanToFen(values.amountYuan);
          if (amountFen === null) return;
          const memo = values.memo?.trim() ?? '';
          const fixed = FIXED_CHANNEL.includes(values.kind);
          const body = {
            kind: values.kind,
            on: dateOf(values.on),
            amountFen,
            ...(fixed || values.method === undefined ? {} : { method: values.method }),
            ...(memo === '' ? {} : { memo }),
          };
          record.mutate(
            { ...body, requestId: ids.idFor(body) },
            {
              onSuccess: (r) => {
                ids.done();
                void message.success(`已记账，凭证号 ${r.voucherNo}`);
                form.resetFields();
                onClose();
              },
            },
          );
        }}
      >
        <Form.Item label="收支类别" name="kind" rules={[{ required: true }]}>
          <Select options={[...CASH_EVENT_OPTIONS]} />
        </Form.Item>
        <Form.Item label="日期" name="on" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={disabledFuture} />
        </Form.Item>
        <Form.Item label="金额（元）" name="amountYuan" rules={YUAN_RULES}>
          <Input inputMode="decimal" suffix="元" />
        </Form.Item>
        {channelFixed ? (
          <Form.Item label="收付方式">
            <span className="fixed-channel">{FIXED_CHANNEL_TEXT[kind]}</span>
          </Form.Item>
        ) : (
          <Form.Item label="收付方式" name="method">
            <Select options={[...CHANNEL_OPTIONS]} />
          </Form.Item>
        )}
        <Form.Item
          label="摘要"
          name="memo"
          rules={[
            { required: kind === 'expense', whitespace: true, message: '费用须写明摘要' },
            { max: 200 },
          ]}
        >
          <Input placeholder="如：2026 年市级财政扶贫资金" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
