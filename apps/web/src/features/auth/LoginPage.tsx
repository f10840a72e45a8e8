import { Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { ErrorAlert } from '../../ui/ErrorAlert.js';
import { SYSTEM_NAME } from '../../text/zh.js';
import { useLogin, useMe } from './session.js';

interface LoginForm {
  username: string;
  password: string;
}

/** Where to go after login: the page that sent the user here, else the landing page. */
function returnPath(state: unknown): string {
  if (typeof state === 'object' && state !== null && 'from' in state) {
    const from = state.from;
    if (typeof from === 'string' && from.startsWith('/') && from !== '/login') return from;
  }
  return '/';
}

export function LoginPage() {
  const me = useMe();
  const login = useLogin();
  const navigate = useNavigate();
  const location = useLocation();
  const target = returnPath(location.state);

  if (me.data !== undefined && me.data !== null && !login.isPending) {
    return <Navigate to={target} replace />;
  }

  const submit = (values: LoginForm) => {
    login.mutate(values, {
      onSuccess: () => {
        void navigate(target, { replace: true });
      },
    });
  };

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: 'linear-gradient(180deg, #e6f4ff 0%, #f5f5f5 100%)',
      }}
    >
      <Card style={{ width: 380 }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginTop: 0 }}>
          {SYSTEM_NAME}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          贫困村村级互助资金 · 请登录
        </Typography.Paragraph>
        <ErrorAlert error={login.error} />
        <Form<LoginForm> layout="vertical" onFinish={submit} autoComplete="on" requiredMark={false}>
          <Form.Item
            label="用户名"
            name="username"
            rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            label="密码"
            name="password"
            rules={[{ required: true, message: '请输入密码' }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending}>
            登录
          </Button>
        </Form>
      </Card>
    </div>
  );
}
