import { useState } from 'react';
import { App, Button, Card, Input, Popconfirm, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { User } from '../../api/types.js';
import { levelName, roleName } from '../../text/zh.js';
import { DateText } from '../../ui/DateText.js';
import { ErrorAlert, errorText } from '../../ui/ErrorAlert.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { useCurrentUser } from '../auth/session.js';
import { useCurrentRegion } from '../layout/current-region.js';
import { CreateUserForm } from './CreateUserForm.js';
import { useUpdateUser, useUsers } from './queries.js';

/** 用户管理 (admin): the users in scope; create, disable and enable. */
export function UsersPage() {
  const me = useCurrentUser();
  const { region } = useCurrentRegion();
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [creating, setCreating] = useState(false);
  const users = useUsers(q, page, pageSize);
  const update = useUpdateUser();

  const toggle = (user: User) => {
    update.mutate(
      { id: user.id, disabled: !user.disabled },
      {
        onSuccess: (updated) => {
          void message.success(`${updated.username} 已${updated.disabled ? '停用' : '启用'}`);
        },
        onError: (error) => {
          void message.error(errorText(error));
        },
      },
    );
  };

  const columns: TableColumnsType<User> = [
    { title: '用户名', dataIndex: 'username', width: 140 },
    { title: '姓名', dataIndex: 'displayName' },
    { title: '角色', dataIndex: 'role', width: 170, render: (_: unknown, u) => roleName(u.role) },
    {
      title: '所属区划',
      key: 'region',
      render: (_: unknown, u) => `${u.region.name}（${levelName(u.region.level)}）`,
    },
    {
      title: '状态',
      dataIndex: 'disabled',
      width: 80,
      render: (_: unknown, u) =>
        u.disabled ? <Tag color="red">已停用</Tag> : <Tag color="green">正常</Tag>,
    },
    {
      title: '创建时间',
      dataIndex: 'createdAt',
      width: 170,
      render: (_: unknown, u) => <DateText value={u.createdAt} time />,
    },
    {
      title: '操作',
      key: 'actions',
      width: 90,
      render: (_: unknown, u) =>
        u.id === me.id ? null : (
          <Popconfirm
            title={
              u.disabled ? `启用 ${u.username}？` : `停用 ${u.username}？停用后该账号不能登录。`
            }
            okText="确定"
            cancelText="取消"
            onConfirm={() => {
              toggle(u);
            }}
          >
            <Button type="link" size="small" danger={!u.disabled} style={{ padding: 0 }}>
              {u.disabled ? '启用' : '停用'}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <div>
      <PageHeader
        title="用户管理"
        subtitle="本人管辖范围内的全部用户"
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              setCreating(true);
            }}
          >
            新增用户
          </Button>
        }
      />
      <Card>
        <ErrorAlert error={users.error} />
        <Input.Search
          placeholder="按用户名或姓名搜索"
          allowClear
          style={{ maxWidth: 320, marginBottom: 12 }}
          onSearch={(value) => {
            setQ(value.trim());
            setPage(1);
          }}
        />
        <Table<User>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={users.data?.items ?? []}
          loading={users.isFetching}
          pagination={{
            current: page,
            pageSize,
            total: users.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => `共 ${String(total)} 个用户`,
            onChange: (nextPage, nextSize) => {
              setPage(nextSize === pageSize ? nextPage : 1);
              setPageSize(nextSize);
            },
          }}
        />
      </Card>
      <CreateUserForm
        region={region}
        open={creating}
        onClose={() => {
          setCreating(false);
        }}
      />
    </div>
  );
}
