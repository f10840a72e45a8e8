import { App, DatePicker, Form, Input, Modal, Typography } from 'antd';
import type { FundSummary, Region } from '../../api/types.js';
import { ErrorAlert } from '../../ui/ErrorAlert.js';
import { useCreateFund } from './queries.js';

interface FundForm {
  code: string;
  name: string;
  /** The picker's value (a dayjs object); only its format() is used. */
  foundedOn?: { format: (template: string) => string } | null;
}

/** Founds the fund of one village (one per village; the server refuses a second). */
export function CreateFundForm({
  village,
  open,
  onClose,
  onCreated,
}: {
  village: Region;
  open: boolean;
  onClose: () => void;
  onCreated?: (fund: FundSummary) => void;
}) {
  const [form] = Form.useForm<FundForm>();
  const create = useCreateFund();
  const { message } = App.useApp();
  const submit = (values: FundForm) => {
    create.mutate(
      {
        villageId: village.id,
        code: values.code.trim(),
        name: values.name.trim(),
        ...(values.foundedOn == null ? {} : { foundedOn: values.foundedOn.format('YYYY-MM-DD') }),
      },
      {
        onSuccess: (fund) => {
          void message.success(`已组建 ${fund.name}`);
          form.resetFields();
          onClose();
          onCreated?.(fund);
        },
      },
    );
  };
  return (
    <Modal
      title={`组建互助社：${village.name}`}
      open={open}
      okText="组建"
      confirmLoading={create.isPending}
      onOk={() => {
        form.submit();
      }}
      onCancel={() => {
        create.reset();
        onClose();
      }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        一个行政村只能有一个互助社。村区划代码：{village.code}
      </Typography.Paragraph>
      <ErrorAlert error={create.error} />
      <Form<FundForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ code: `F${village.code.slice(-9)}`, name: `${village.name}扶贫互助社` }}
      >
        <Form.Item
          label="互助社编号"
          name="code"
          rules={[
            { required: true, message: '请输入编号' },
            { pattern: /^[A-Za-z0-9-]{2,32}$/, message: '2–32 位字母、数字或连字符' },
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          label="互助社名称"
          name="name"
          rules={[
            { required: true, whitespace: true, message: '请输入名称' },
            { max: 100, message: '不超过 100 字' },
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item label="成立日期" name="foundedOn">
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
