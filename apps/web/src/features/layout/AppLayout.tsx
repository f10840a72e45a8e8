import { createElement, Suspense } from 'react';
import { Button, Flex, Layout, Menu, Result, Space, Spin, Tag, Typography } from 'antd';
import { KeyOutlined, LogoutOutlined } from '@ant-design/icons';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { levelName, roleName, SYSTEM_NAME } from '../../text/zh.js';
import { ErrorAlert } from '../../ui/ErrorAlert.js';
import { roleGroup } from '../auth/permissions.js';
import { useCurrentUser, useLogout } from '../auth/session.js';
import { useRootRegion } from '../regions/queries.js';
import { CurrentRegionProvider, useCurrentRegion } from './current-region.js';
import { menuFor, menuKeyOf } from './menu.js';
import { RegionTree } from './RegionTree.js';

const HEADER_HEIGHT = 56;

function HeaderBar() {
  const user = useCurrentUser();
  const logout = useLogout();
  const navigate = useNavigate();
  return (
    <Layout.Header
      style={{
        height: HEADER_HEIGHT,
        lineHeight: `${String(HEADER_HEIGHT)}px`,
        paddingInline: 20,
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'space-between',
        background: '#0b4a8b',
      }}
    >
      <Typography.Title level={4} style={{ color: '#fff', margin: 0, whiteSpace: 'nowrap' }}>
        {SYSTEM_NAME}
      </Typography.Title>
      <Space size="middle" className="header-user">
        <span style={{ color: '#fff' }}>{user.displayName}</span>
        <Tag color="gold">{roleName(user.role)}</Tag>
        <span style={{ color: '#d6e4ff' }}>
          {user.region.name}（{levelName(user.region.level)}）
        </span>
        <Link to="/account/password" style={{ color: '#fff' }}>
          <KeyOutlined /> 修改密码
        </Link>
        <Button
          size="small"
          ghost
          icon={<LogoutOutlined />}
          loading={logout.isPending}
          onClick={() => {
            logout.mutate(undefined, {
              onSettled: () => {
                void navigate('/login', { replace: true });
              },
            });
          }}
        >
          退出
        </Button>
      </Space>
    </Layout.Header>
  );
}

function SideBar() {
  const user = useCurrentUser();
  const location = useLocation();
  const navigate = useNavigate();
  const { root } = useCurrentRegion();
  const entries = menuFor(roleGroup(user.role));
  const selected = menuKeyOf(entries, location.pathname);
  return (
    <Layout.Sider
      width={248}
      theme="light"
      style={{
        borderRight: '1px solid #f0f0f0',
        height: `calc(100vh - ${String(HEADER_HEIGHT)}px)`,
        position: 'sticky',
        top: HEADER_HEIGHT,
      }}
    >
      <Flex vertical style={{ height: '100%' }}>
        <Menu
          mode="inline"
          selectedKeys={selected === undefined ? [] : [selected]}
          items={entries.map((entry) => ({
            key: entry.key,
            icon: createElement(entry.icon),
            label: entry.label,
            onClick: () => {
              void navigate(entry.path);
            },
          }))}
          style={{ borderInlineEnd: 'none', flex: 'none' }}
        />
        {root.level === 'village' ? null : (
          <Flex
            vertical
            style={{ flex: 1, minHeight: 0, borderTop: '1px solid #f0f0f0', padding: '8px 8px 0' }}
          >
            <Typography.Text type="secondary" style={{ padding: '4px 8px' }}>
              区划（选择后列表随之筛选）
            </Typography.Text>
            <div style={{ flex: 1, minHeight: 0, overflow: 'auto', paddingBottom: 16 }}>
              <RegionTree />
            </div>
          </Flex>
        )}
      </Flex>
    </Layout.Sider>
  );
}

function PageFallback() {
  return (
    <Flex justify="center" style={{ padding: 48 }}>
      <Spin />
    </Flex>
  );
}

/** The signed-in frame: header, role menu, region tree, and the page. */
export function AppLayout() {
  const root = useRootRegion();
  if (root.isPending) return <PageFallback />;
  if (root.isError)
    return <Result status="error" title="无法加载区划" extra={<ErrorAlert error={root.error} />} />;
  return (
    <CurrentRegionProvider root={root.data}>
      <Layout style={{ minHeight: '100vh' }}>
        <div style={{ position: 'sticky', top: 0, zIndex: 10 }}>
          <HeaderBar />
        </div>
        <Layout>
          <SideBar />
          <Layout.Content style={{ padding: 20, minWidth: 0 }}>
            <Suspense fallback={<PageFallback />}>
              <Outlet />
            </Suspense>
          </Layout.Content>
        </Layout>
      </Layout>
    </CurrentRegionProvider>
  );
}
