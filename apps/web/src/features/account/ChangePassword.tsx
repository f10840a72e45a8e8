import { App, Button, Card, Form, Input } from 'antd';
import { useNavigate } from 'react-router-dom';
import { PASSWORD_RULE_HINT } from '../../text/zh.js';
import { ErrorAlert } from '../../ui/ErrorAlert.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { useChangePassword } from '../auth/session.js';
import { NEW_PASSWORD_RULE } from './password-rule.js';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** 修改密码: the signed-in user's own password. */
export function ChangePassword() {
  const [form] = Form.useForm<PasswordForm>();
  const change = useChangePassword();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const submit = (values: PasswordForm) => {
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          void message.success('密码已修改');
          form.resetFields();
          void navigate('/');
        },
      },
    );
  };
  return (
    <div>
      <PageHeader title="修改密码" />
      <Card style={{ maxWidth: 480 }}>
        <ErrorAlert error={change.error} />
        <Form<PasswordForm> form={form} layout="vertical" onFinish={submit}>
          <Form.Item
            label="原密码"
            name="currentPassword"
            rules={[{ required: true, message: '请输入原密码' }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            label="新密码"
            name="newPassword"
            extra={PASSWORD_RULE_HINT}
            rules={[{ required: true, message: '请输入新密码' }, NEW_PASSWORD_RULE]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            label="确认新密码"
            name="confirmPassword"
            dependencies={['newPassword']}
            rules={[
              { required: true, message: '请再次输入新密码' },
              ({ getFieldValue }) => ({
                validator: (_, value: unknown) =>
                  value === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error('两次输入的新密码不一致')),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={change.isPending}>
            保存
          </Button>
        </Form>
      </Card>
    </div>
  );
}
