import { Alert, App, Checkbox, DatePicker, Form, InputNumber, Modal, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import type { Member, MoneyChannel } from '../../api/types.js';
import { Money } from '../../ui/Money.js';
import { BooksErrorAlert } from '../fund-setup/BooksErrorAlert.js';
import { CHANNEL_OPTIONS, dateOf, disabledFuture, today } from '../fund-setup/form-utils.js';
import { useRequestIds } from '../fund-setup/request-id.js';
import { useChangeCategory, useContribute, useExitMember } from './queries.js';

interface ActionProps {
  fundId: number;
  member: Member;
  open: boolean;
  onClose: () => void;
}

/** 追加互助金: more shares paid in. */
export function ContributeForm({ fundId, member, open, onClose }: ActionProps) {
  const [form] = Form.useForm<{ on: Dayjs; shares: number; method: MoneyChannel }>();
  const contribute = useContribute(fundId, member.id);
  const ids = useRequestIds();
  const { message } = App.useApp();
  return (
    <Modal
      title={`追加互助金：${member.headName}`}
      open={open}
      okText="确认缴款"
      confirmLoading={contribute.isPending}
      onOk={() => {
        form.submit();
      }}
      onCancel={() => {
        contribute.reset();
        onClose();
      }}
      destroyOnHidden
    >
      <BooksErrorAlert error={contribute.error} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ on: today(), shares: 1, method: 'cash' }}
        onFinish={(values) => {
          const body = { on: dateOf(values.on), shares: values.shares, method: values.method };
          contribute.mutate(
            { ...body, requestId: ids.idFor(body) },
            {
              onSuccess: (result) => {
                ids.done();
                void message.success(`已记账，凭证号 ${result.voucherNo}`);
                onClose();
              },
            },
          );
        }}
      >
        <Form.Item label="缴款日期" name="on" rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={disabledFuture} />
        </Form.Item>
        <Form.Item label="追加股数" name="shares" rules={[{ required: true }]}>
          <InputNumber min={1} max={1000} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="缴款方式" name="method">
          <Select options={[...CHANNEL_OPTIONS]} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 变更类别: from a date on, the household counts as poor or ordinary. */
export function CategoryForm({ fundId, member, open, onClose }: ActionProps) {
  const [form] = Form.useForm<{
    effectiveOn: Dayjs;
    category: Member['category'];
    flags: ('dibao' | 'wubao')[];
  }>();
  const change = useChangeCategory(fundId, member.id);
  const { message } = App.useApp();
  return (
    <Modal
      title={`变更类别：${member.headName}`}
      open={open}
      okText="保存"
      confirmLoading={change.isPending}
      onOk={() => {
        form.submit();
      }}
      onCancel={() => {
        change.reset();
        onClose();
      }}
      destroyOnHidden
    >
      <BooksErrorAlert error={change.error} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          effectiveOn: today(),
          category: member.category,
          flags: [...(member.dibao ? ['dibao'] : []), ...(member.wubao ? ['wubao'] : [])],
        }}
        onFinish={(values) => {
          change.mutate(
            {
              effectiveOn: dateOf(values.effectiveOn),
              category: values.category,
              dibao: values.flags.includes('dibao'),
              wubao: values.flags.includes('wubao'),
            },
            {
              onSuccess: () => {
                void message.success('类别已变更');
                onClose();
              },
            },
          );
        }}
      >
        <Form.Item label="生效日期" name="effectiveOn" rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={disabledFuture} />
        </Form.Item>
        <Form.Item label="农户类别" name="category">
          <Radio.Group
            options={[
              { value: 'ordinary', label: '一般农户' },
              { value: 'poor', label: '建档立卡贫困户' },
            ]}
          />
        </Form.Item>
        <Form.Item label="低保/五保" name="flags">
          <Checkbox.Group
            options={[
              { value: 'dibao', label: '低保' },
              { value: 'wubao', label: '五保' },
            ]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 退社: refunds the member's own 互助金 only; 配股 goes back to the fund. */
export function ExitForm({ fundId, member, open, onClose }: ActionProps) {
  const [form] = Form.useForm<{ on: Dayjs; noticeOn?: Dayjs | null; method: MoneyChannel }>();
  const exit = useExitMember(fundId, member.id);
  const ids = useRequestIds();
  const { modal } = App.useApp();
  return (
    <Modal
      title={`退社：${member.headName}`}
      open={open}
      okText="确认退社"
      okButtonProps={{ danger: true }}
      confirmLoading={exit.isPending}
      onOk={() => {
        form.submit();
      }}
      onCancel={() => {
        exit.reset();
        onClose();
      }}
      destroyOnHidden
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={
          <span>
            退还本人互助金 <Money fen={member.ownContributionFen} unit />
            {member.allottedFen > 0 ? (
              <>
                ；配股 <Money fen={member.allottedFen} unit /> 归还互助社，不予退还
              </>
            ) : null}
          </span>
        }
      />
      <BooksErrorAlert error={exit.error} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ on: today(), method: 'cash' }}
        onFinish={(values) => {
          const body = {
            on: dateOf(values.on),
            ...(values.noticeOn == null ? {} : { noticeOn: dateOf(values.noticeOn) }),
            method: values.method,
          };
          exit.mutate(
            { ...body, requestId: ids.idFor(body) },
            {
              onSuccess: (result) => {
                ids.done();
                onClose();
                modal.success({
                  title: `${member.headName} 已退社`,
                  content: (
                    <span>
                      退还本人互助金 <Money fen={result.refundFen} unit />
                    </span>
                  ),
                });
              },
            },
          );
        }}
      >
        <Form.Item label="退社日期" name="on" rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={disabledFuture} />
        </Form.Item>
        <Form.Item label="提出申请日期" name="noticeOn" extra="章程规定提前通知期时填写">
          <DatePicker style={{ width: '100%' }} disabledDate={disabledFuture} />
        </Form.Item>
        <Form.Item label="退款方式" name="method">
          <Select options={[...CHANNEL_OPTIONS]} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
