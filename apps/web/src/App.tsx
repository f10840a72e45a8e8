import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Flex, Result, Spin } from 'antd';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { setCsrfToken, setSessionLostHandler } from './api/client.js';
import type { MeResponse } from './api/types.js';
import { LoginPage } from './features/auth/LoginPage.js';
import { roleGroup, type RoleGroup } from './features/auth/permissions.js';
import { CurrentUserContext, ME_KEY, useCurrentUser, useMe } from './features/auth/session.js';
import { AppLayout } from './features/layout/AppLayout.js';
import { ROUTES, type PageRoute } from './routes.js';
import { ErrorAlert } from './ui/ErrorAlert.js';

/** The signed-in part of the app: without a session, go to /login and come back afterwards. */
function RequireSession() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending)
    return (
      <Flex justify="center" style={{ padding: 96 }}>
        <Spin size="large" />
      </Flex>
    );
  if (me.isError)
    return <Result status="error" title="无法连接服务器" extra={<ErrorAlert error={me.error} />} />;
  if (me.data === null)
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return (
    <CurrentUserContext value={me.data.user}>
      <AppLayout />
    </CurrentUserContext>
  );
}

function Forbidden() {
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title="无权访问"
      subTitle="您的角色不能使用此页面"
      extra={
        <Button
          type="primary"
          onClick={() => {
            void navigate('/');
          }}
        >
          返回首页
        </Button>
      }
    />
  );
}

function Guarded({ route }: { route: PageRoute }) {
  const user = useCurrentUser();
  const group: RoleGroup = roleGroup(user.role);
  if (!route.groups.includes(group)) return <Forbidden />;
  const Page = route.page;
  return <Page />;
}

export function App() {
  const queryClient = useQueryClient();
  useEffect(() => {
    // A request that finds the session gone clears the user; RequireSession then goes to /login.
    setSessionLostHandler(() => {
      setCsrfToken(null);
      queryClient.setQueryData<MeResponse | null>(ME_KEY, null);
    });
  }, [queryClient]);
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route element={<RequireSession />}>
        {ROUTES.map((route) => (
          <Route key={route.path} path={route.path} element={<Guarded route={route} />} />
        ))}
        <Route path="*" element={<Result status="404" title="页面不存在" />} />
      </Route>
    </Routes>
  );
}
