import { App, Form, Input, Modal, Typography } from 'antd';
import { childLevel } from '@huzhu/domain';
import type { Region } from '../../api/types.js';
import { levelName } from '../../text/zh.js';
import { ErrorAlert } from '../../ui/ErrorAlert.js';
import { useCreateRegion } from './queries.js';

interface RegionForm {
  code: string;
  name: string;
}

/** Adds one region under `parent` (its level follows the parent's: 市→区县→乡镇→村). */
export function CreateRegionForm({
  parent,
  open,
  onClose,
}: {
  parent: Region;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<RegionForm>();
  const create = useCreateRegion();
  const { message } = App.useApp();
  const level = childLevel(parent.level);
  const submit = (values: RegionForm) => {
    create.mutate(
      { code: values.code.trim(), name: values.name.trim(), parentId: parent.id },
      {
        onSuccess: (region) => {
          void message.success(`已新增 ${region.name}`);
          form.resetFields();
          onClose();
        },
      },
    );
  };
  return (
    <Modal
      title={`新增下级区划：${parent.name}`}
      open={open}
      okText="新增"
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
        新区划的层级：{level === null ? '—' : levelName(level)}。代码为 12 位统计用区划代码。
      </Typography.Paragraph>
      <ErrorAlert error={create.error} />
      <Form<RegionForm> form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          label="区划代码"
          name="code"
          rules={[
            { required: true, message: '请输入区划代码' },
            { pattern: /^\d{12}$/, message: '区划代码须为 12 位数字' },
          ]}
        >
          <Input maxLength={12} placeholder={parent.code} />
        </Form.Item>
        <Form.Item
          label="名称"
          name="name"
          rules={[
            { required: true, whitespace: true, message: '请输入名称' },
            { max: 100, message: '不超过 100 字' },
          ]}
        >
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
