import { Alert, App, Button, DatePicker, Flex, Form, Input, Modal, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { parseYuan } from '@huzhu/domain';
import type { Dayjs } from 'dayjs';
import { Money } from '../../ui/Money.js';
import { BooksErrorAlert } from '../fund-setup/BooksErrorAlert.js';
import { dateOf, disabledFuture, today, YUAN_RULES, yuanToFen } from '../fund-setup/form-utils.js';
import { useRequestIds } from '../fund-setup/request-id.js';
import { useLoans } from '../loans/queries.js';
import { MemberSelect } from '../members/MemberSelect.js';
import { useAccounts, usePostManualVoucher } from './queries.js';

interface LineValues {
  accountCode?: string;
  side?: 'debit' | 'credit';
  amountYuan?: string;
  subledgerId?: number;
}

interface VoucherValues {
  date: Dayjs;
  memo: string;
  lines: LineValues[];
}

/** Which subledger an account keeps: loans (1121…) or members (220901…). */
function subledgerKind(code: string | undefined): 'loan' | 'member' | null {
  if (code === undefined) return null;
  if (code.startsWith('1121')) return 'loan';
  if (code.startsWith('220901')) return 'member';
  return null;
}

function lineFen(line: LineValues | undefined): number {
  if (line?.amountYuan === undefined) return 0;
  const parsed = parseYuan(line.amountYuan);
  return parsed.ok && parsed.value > 0 ? parsed.value : 0;
}

function LoanPicker({
  fundId,
  value,
  onChange,
}: {
  fundId: number;
  value?: number;
  onChange?: (value: number) => void;
}) {
  const loans = useLoans(fundId, { outstanding: 'true', page: 1, pageSize: 200 });
  return (
    <Select<number>
      placeholder="选择借款"
      value={value ?? null}
      onChange={(next) => {
        onChange?.(next);
      }}
      showSearch={{ optionFilterProp: 'label' }}
      options={(loans.data?.items ?? []).map((l) => ({
        value: l.id,
        label: `第 ${String(l.loanNo)} 号 ${l.borrowerName}`,
      }))}
    />
  );
}

/** 手工凭证: balanced lines on postable accounts; submit only when 借方合计 = 贷方合计. */
export function ManualVoucherForm({
  fundId,
  open,
  onClose,
}: {
  fundId: number;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<VoucherValues>();
  const accounts = useAccounts(fundId);
  const post = usePostManualVoucher(fundId);
  const ids = useRequestIds();
  const { message } = App.useApp();
  const watched = Form.useWatch('lines', form) as LineValues[] | undefined;
  const lines = watched ?? [];
  const debit = lines.filter((l) => l.side === 'debit').reduce((sum, l) => sum + lineFen(l), 0);
  const credit = lines.filter((l) => l.side === 'credit').reduce((sum, l) => sum + lineFen(l), 0);
  const balanced = debit > 0 && debit === credit;
  const options = (accounts.data?.items ?? [])
    .filter((a) => a.postable)
    .map((a) => ({ value: a.code, label: `${a.code} ${a.name}` }));
  const submit = (values: VoucherValues) => {
    const body = {
      date: dateOf(values.date),
      memo: values.memo.trim(),
      lines: values.lines.map((l) => {
        const kind = subledgerKind(l.accountCode);
        return {
          accountCode: l.accountCode ?? '',
          side: l.side ?? 'debit',
          amountFen: yuanToFen(l.amountYuan) ?? 0,
          ...(kind === null || l.subledgerId === undefined
            ? {}
            : { subledger: { kind, id: l.subledgerId } }),
        };
      }),
    };
    post.mutate(
      { ...body, requestId: ids.idFor(body) },
      {
        onSuccess: (r) => {
          ids.done();
          void message.success(`凭证 ${r.voucherNo} 已记账`);
          form.resetFields();
          onClose();
        },
      },
    );
  };
  return (
    <Modal
      title="手工凭证"
      open={open}
      width={860}
      okText="记账"
      okButtonProps={{ disabled: !balanced }}
      confirmLoading={post.isPending}
      onOk={() => {
        form.submit();
      }}
      onCancel={() => {
        post.reset();
        onClose();
      }}
      destroyOnHidden
    >
      <BooksErrorAlert error={post.error} />
      <Form<VoucherValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          date: today(),
          lines: [{ side: 'debit' }, { side: 'credit' }],
        }}
      >
        <Flex gap={16}>
          <Form.Item label="日期" name="date" rules={[{ required: true }]} style={{ width: 180 }}>
            <DatePicker style={{ width: '100%' }} disabledDate={disabledFuture} />
          </Form.Item>
          <Form.Item
            label="摘要"
            name="memo"
            rules={[{ required: true, whitespace: true, message: '请填写摘要' }, { max: 200 }]}
            style={{ flex: 1 }}
          >
            <Input />
          </Form.Item>
        </Flex>
        <Form.List name="lines">
          {(fields, { add, remove }) => (
            <div>
              {fields.map((field) => {
                const kind = subledgerKind(lines[field.name]?.accountCode);
                return (
                  <Flex key={field.key} gap={8} align="start">
                    <Form.Item
                      name={[field.name, 'accountCode']}
                      rules={[{ required: true, message: '请选择科目' }]}
                      style={{ flex: 2, minWidth: 0 }}
                    >
                      <Select
                        placeholder="会计科目（末级）"
                        showSearch={{ optionFilterProp: 'label' }}
                        options={options}
                        loading={accounts.isPending}
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'side']} style={{ width: 80 }}>
                      <Select
                        options={[
                          { value: 'debit', label: '借' },
                          { value: 'credit', label: '贷' },
                        ]}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'amountYuan']}
                      rules={YUAN_RULES}
                      style={{ width: 150 }}
                    >
                      <Input placeholder="金额" suffix="元" inputMode="decimal" />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'subledgerId']}
                      rules={kind === null ? [] : [{ required: true, message: '请选择明细' }]}
                      style={{ flex: 1.5, minWidth: 0 }}
                    >
                      {kind === 'loan' ? (
                        <LoanPicker fundId={fundId} />
                      ) : kind === 'member' ? (
                        <MemberSelect fundId={fundId} placeholder="会员" />
                      ) : (
                        <Input disabled placeholder="无明细" />
                      )}
                    </Form.Item>
                    <Button
                      icon={<DeleteOutlined />}
                      aria-label="删除分录"
                      disabled={fields.length <= 2}
                      onClick={() => {
                        remove(field.name);
                      }}
                    />
                  </Flex>
                );
              })}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => {
                  add({ side: 'credit' });
                }}
                style={{ marginBottom: 12 }}
              >
                增加分录
              </Button>
            </div>
          )}
        </Form.List>
        <Flex gap={24} align="center" className="voucher-totals">
          <span>
            借方合计 <Money fen={debit} unit />
          </span>
          <span>
            贷方合计 <Money fen={credit} unit />
          </span>
        </Flex>
        {balanced || debit + credit === 0 ? null : (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 12 }}
            title={
              <span>
                借贷不平衡：相差 <Money fen={Math.abs(debit - credit)} unit />
                ，平衡后才能记账
              </span>
            }
          />
        )}
      </Form>
    </Modal>
  );
}
