import { App, Button, DatePicker, Flex, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { FundProfile } from '../../api/types.js';
import { MemberSelect } from '../members/MemberSelect.js';
import { BooksErrorAlert } from './BooksErrorAlert.js';
import { dateOf, disabledFuture, today } from './form-utils.js';
import { useAddOfficer, useRecordHouseholds, useSetRegistration } from './queries.js';

/** 民政登记与银行专户. */
export function RegistrationForm({
  fundId,
  profile,
  open,
  onClose,
}: {
  fundId: number;
  profile: FundProfile;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{
    registrationNo: string;
    registeredOn: Dayjs;
    bankName: string;
    bankAccountNo: string;
  }>();
  const save = useSetRegistration(fundId);
  const { message } = App.useApp();
  return (
    <Modal
      title="登记与银行专户"
      open={open}
      okText="保存"
      confirmLoading={save.isPending}
      onOk={() => {
        form.submit();
      }}
      onCancel={() => {
        save.reset();
        onClose();
      }}
      destroyOnHidden
    >
      <BooksErrorAlert error={save.error} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          registrationNo: profile.registrationNo ?? '',
          registeredOn: profile.registeredOn === null ? undefined : dayjs(profile.registeredOn),
          bankName: profile.bankName ?? '',
          bankAccountNo: profile.bankAccountNo ?? '',
        }}
        onFinish={(v) => {
          save.mutate(
            {
              registrationNo: v.registrationNo.trim(),
              registeredOn: dateOf(v.registeredOn),
              bankName: v.bankName.trim(),
              bankAccountNo: v.bankAccountNo.trim(),
            },
            {
              onSuccess: () => {
                void message.success('已保存');
                onClose();
              },
            },
          );
        }}
      >
        <Form.Item
          label="民政登记证号"
          name="registrationNo"
          rules={[{ required: true, whitespace: true }, { max: 50 }]}
        >
          <Input />
        </Form.Item>
        <Form.Item label="登记日期" name="registeredOn" rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={disabledFuture} />
        </Form.Item>
        <Form.Item
          label="开户银行"
          name="bankName"
          rules={[{ required: true, whitespace: true }, { max: 100 }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          label="专户账号"
          name="bankAccountNo"
          rules={[
            { required: true },
            { pattern: /^[0-9 -]{6,40}$/, message: '6–40 位数字（可含空格、连字符）' },
          ]}
        >
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 全村总户数与建档立卡贫困户数, as of a date (the denominators of the membership rates). */
export function HouseholdCountForm({ fundId }: { fundId: number }) {
  const [form] = Form.useForm<{ asOf: Dayjs; totalHouseholds: number; poorHouseholds: number }>();
  const record = useRecordHouseholds(fundId);
  const { message } = App.useApp();
  return (
    <div>
      <BooksErrorAlert error={record.error} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ asOf: today() }}
        onFinish={(v) => {
          record.mutate(
            {
              asOf: dateOf(v.asOf),
              totalHouseholds: v.totalHouseholds,
              poorHouseholds: v.poorHouseholds,
            },
            {
              onSuccess: () => {
                void message.success('户数已记录');
                form.resetFields();
              },
            },
          );
        }}
      >
        <Flex gap={12} wrap align="end">
          <Form.Item label="截至" name="asOf" rules={[{ required: true }]}>
            <DatePicker disabledDate={disabledFuture} />
          </Form.Item>
          <Form.Item
            label="总户数"
            name="totalHouseholds"
            rules={[{ required: true, message: '必填' }]}
          >
            <InputNumber min={0} max={100000} precision={0} />
          </Form.Item>
          <Form.Item
            label="贫困户数"
            name="poorHouseholds"
            dependencies={['totalHouseholds']}
            rules={[
              { required: true, message: '必填' },
              ({ getFieldValue }) => ({
                validator: async (_r, value: number | null | undefined) => {
                  const total = getFieldValue('totalHouseholds') as number | null | undefined;
                  if (value != null && total != null && value > total)
                    throw new Error('不能大于总户数');
                },
              }),
            ]}
          >
            <InputNumber min={0} max={100000} precision={0} />
          </Form.Item>
          <Form.Item>
            <Button htmlType="submit" loading={record.isPending}>
              记录
            </Button>
          </Form.Item>
        </Flex>
      </Form>
    </div>
  );
}

/** 增加理事会/监事会成员 (from the fund's active members). */
export function OfficerForm({ fundId }: { fundId: number }) {
  const [form] = Form.useForm<{
    memberId: number;
    body: 'board' | 'supervisory';
    title: string;
    fromOn: Dayjs;
  }>();
  const add = useAddOfficer(fundId);
  const { message } = App.useApp();
  return (
    <div>
      <BooksErrorAlert error={add.error} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ body: 'board', title: '理事', fromOn: today() }}
        onFinish={(v) => {
          add.mutate(
            { memberId: v.memberId, body: v.body, title: v.title.trim(), fromOn: dateOf(v.fromOn) },
            {
              onSuccess: () => {
                void message.success('已增加');
                form.resetFields();
              },
            },
          );
        }}
      >
        <Flex gap={12} wrap align="end">
          <Form.Item
            label="会员"
            name="memberId"
            rules={[{ required: true, message: '请选择' }]}
            style={{ width: 220 }}
          >
            <MemberSelect fundId={fundId} />
          </Form.Item>
          <Form.Item label="机构" name="body" style={{ width: 120 }}>
            <Select
              options={[
                { value: 'board', label: '理事会' },
                { value: 'supervisory', label: '监事会' },
              ]}
              onChange={(value: 'board' | 'supervisory') => {
                form.setFieldValue('title', value === 'board' ? '理事' : '监事');
              }}
            />
          </Form.Item>
          <Form.Item
            label="职务"
            name="title"
            rules={[{ required: true, whitespace: true }, { max: 100 }]}
            style={{ width: 140 }}
          >
            <Input placeholder="理事长、理事、监事长…" />
          </Form.Item>
          <Form.Item label="任职日期" name="fromOn" rules={[{ required: true }]}>
            <DatePicker disabledDate={disabledFuture} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={add.isPending}>
              增加
            </Button>
          </Form.Item>
        </Flex>
      </Form>
    </div>
  );
}
