import { App, Form, Input, Modal, Select, Typography } from 'antd';
import { ROLES, type Role } from '@huzhu/contract';
import type { Region } from '../../api/types.js';
import { levelName, PASSWORD_RULE_HINT, roleName } from '../../text/zh.js';
import { ErrorAlert } from '../../ui/ErrorAlert.js';
import { NEW_PASSWORD_RULE } from '../account/password-rule.js';
import { ROLE_LEVELS } from '../auth/permissions.js';
import { useCreateUser } from './queries.js';

interface UserForm {
  username: string;
  displayName: string;
  role: Role;
  password: string;
}

/** Creates a user bound to `region`; only the roles that may sit at its level are offered. */
export function CreateUserForm({
  region,
  open,
  onClose,
}: {
  region: Region;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<UserForm>();
  const create = useCreateUser();
  const { message } = App.useApp();
  const roles = ROLES.filter((role) => ROLE_LEVELS[role].includes(region.level));
  const submit = (values: UserForm) => {
    create.mutate(
      {
        username: values.username.trim(),
        displayName: values.displayName.trim(),
        role: values.role,
        regionId: region.id,
        password: values.password,
      },
      {
        onSuccess: (user) => {
          void message.success(`已新增用户 ${user.username}`);
          form.resetFields();
          onClose();
        },
      },
    );
  };
  return (
    <Modal
      title="新增用户"
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
        所属区划：{region.name}（{levelName(region.level)}）。如需其他区划，请先在左侧区划树中选择。
      </Typography.Paragraph>
      <ErrorAlert error={create.error} />
      <Form<UserForm> form={form} layout="vertical" onFinish={submit} autoComplete="off">
        <Form.Item
          label="用户名"
          name="username"
          rules={[
            { required: true, message: '请输入用户名' },
            { pattern: /^[a-zA-Z0-9_.-]{3,32}$/, message: '3–32 位字母、数字或 _ . -' },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          label="姓名"
          name="displayName"
          rules={[
            { required: true, whitespace: true, message: '请输入姓名' },
            { max: 100, message: '不超过 100 字' },
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item label="角色" name="role" rules={[{ required: true, message: '请选择角色' }]}>
          <Select options={roles.map((role) => ({ value: role, label: roleName(role) }))} />
        </Form.Item>
        <Form.Item
          label="初始密码"
          name="password"
          extra={PASSWORD_RULE_HINT}
          rules={[{ required: true, message: '请输入初始密码' }, NEW_PASSWORD_RULE]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
