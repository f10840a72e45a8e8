import { App, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { errorMessage } from '@huzhu/contract';
import { validateIdCardNumber } from '@huzhu/domain';
import type { Dayjs } from 'dayjs';
import type { MoneyChannel } from '../../api/types.js';
import { BooksErrorAlert } from '../fund-setup/BooksErrorAlert.js';
import { CHANNEL_OPTIONS, dateOf, disabledFuture, today } from '../fund-setup/form-utils.js';
import { useRequestIds } from '../fund-setup/request-id.js';
import { useRegisterMember } from './queries.js';

interface RegisterValues {
  headName: string;
  idCardNo: string;
  phone?: string;
  villagerGroup?: string;
  householdSize: number;
  category: 'poor' | 'ordinary';
  flags: ('dibao' | 'wubao')[];
  joinedOn: Dayjs;
  shares: number;
  method: MoneyChannel;
}

/** The 身份证号 check of the form (format, birth date, MOD 11-2 check digit); the server re-checks. */
async function checkIdCard(_rule: unknown, value: string | undefined): Promise<void> {
  if (value === undefined || value.trim() === '') return;
  const result = validateIdCardNumber(value);
  if (!result.ok) throw new Error(errorMessage(result.code));
}

/** 入社: a household joins, paying shares (ordinary) or receiving 配股 (poor). */
export function RegisterMemberForm({
  fundId,
  open,
  onClose,
}: {
  fundId: number;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<RegisterValues>();
  const register = useRegisterMember(fundId);
  const ids = useRequestIds();
  const { message } = App.useApp();
  const submit = (values: RegisterValues) => {
    const body = {
      headName: values.headName.trim(),
      idCardNo: values.idCardNo.trim().toUpperCase(),
      ...(values.phone === undefined || values.phone.trim() === ''
        ? {}
        : { phone: values.phone.trim() }),
      ...(values.villagerGroup === undefined || values.villagerGroup.trim() === ''
        ? {}
        : { villagerGroup: values.villagerGroup.trim() }),
      householdSize: values.householdSize,
      category: values.category,
      dibao: values.flags.includes('dibao'),
      wubao: values.flags.includes('wubao'),
      joinedOn: dateOf(values.joinedOn),
      shares: values.shares,
      method: values.method,
    };
    register.mutate(
      { ...body, requestId: ids.idFor(body) },
      {
        onSuccess: (member) => {
          ids.done();
          void message.success(`${member.headName} 已入社，会员编号 ${String(member.memberNo)}`);
          form.resetFields();
          onClose();
        },
      },
    );
  };
  return (
    <Modal
      title="会员入社"
      open={open}
      okText="入社"
      width={640}
      confirmLoading={register.isPending}
      onOk={() => {
        form.submit();
      }}
      onCancel={() => {
        register.reset();
        onClose();
      }}
      destroyOnHidden
    >
      <BooksErrorAlert error={register.error} />
      <Form<RegisterValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        className="register-member-form"
        initialValues={{
          category: 'ordinary',
          flags: [],
          householdSize: 4,
          shares: 1,
          method: 'cash',
          joinedOn: today(),
        }}
        onValuesChange={(changed: Partial<RegisterValues>) => {
          if (changed.category !== undefined)
            form.setFieldValue('shares', changed.category === 'poor' ? 0 : 1);
        }}
      >
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 16 }}>
          <Form.Item
            label="户主姓名"
            name="headName"
            rules={[{ required: true, whitespace: true, message: '请输入户主姓名' }, { max: 30 }]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            label="身份证号"
            name="idCardNo"
            hasFeedback
            validateDebounce={300}
            rules={[{ required: true, message: '请输入身份证号' }, { validator: checkIdCard }]}
          >
            <Input maxLength={18} />
          </Form.Item>
          <Form.Item
            label="电话"
            name="phone"
            rules={[{ pattern: /^[0-9+ -]{5,20}$/, message: '请输入有效电话号码' }]}
          >
            <Input />
          </Form.Item>
          <Form.Item label="村民小组" name="villagerGroup" rules={[{ max: 30 }]}>
            <Input placeholder="如：一组" />
          </Form.Item>
          <Form.Item label="家庭人口" name="householdSize" rules={[{ required: true }]}>
            <InputNumber min={1} max={50} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            label="入社日期"
            name="joinedOn"
            rules={[{ required: true, message: '请选择日期' }]}
          >
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
          <Form.Item
            label="入股股数"
            name="shares"
            extra="贫困户由财政配股，可不缴"
            rules={[{ required: true }]}
          >
            <InputNumber min={0} max={1000} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item label="缴款方式" name="method">
            <Select options={[...CHANNEL_OPTIONS]} />
          </Form.Item>
        </div>
      </Form>
    </Modal>
  );
}
