import { useState } from 'react';
import { Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ROLES, type Role } from '@huzhu/contract';
import { REGION_LEVELS } from '@huzhu/domain';
import type { AuditEntry, RegionLevel } from '../../api/types.js';
import {
  AUDIT_COMMAND_NAMES,
  AUDIT_DETAIL_NAMES,
  ENTITY_TYPE_NAMES,
  levelName,
  roleName,
} from '../../text/zh.js';
import { DateText } from '../../ui/DateText.js';
import { ErrorAlert } from '../../ui/ErrorAlert.js';
import { useAudit, type AuditFilter } from './queries.js';

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

function isLevel(value: string): value is RegionLevel {
  return (REGION_LEVELS as readonly string[]).includes(value);
}

function detailValue(key: string, value: unknown): string {
  if (key === 'role' && typeof value === 'string' && isRole(value)) return roleName(value);
  if (key === 'level' && typeof value === 'string' && isLevel(value)) return levelName(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function detailsText(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([key, value]) => `${AUDIT_DETAIL_NAMES[key] ?? key}：${detailValue(key, value)}`)
    .join('；');
}

const COLUMNS: TableColumnsType<AuditEntry> = [
  {
    title: '时间',
    dataIndex: 'at',
    width: 170,
    render: (_: unknown, entry) => <DateText value={entry.at} time />,
  },
  {
    title: '用户',
    dataIndex: 'username',
    width: 120,
    render: (_: unknown, entry) => entry.username ?? '系统',
  },
  { title: 'IP', dataIndex: 'ip', width: 130, render: (_: unknown, entry) => entry.ip ?? '—' },
  {
    title: '操作',
    dataIndex: 'command',
    width: 130,
    render: (_: unknown, entry) => AUDIT_COMMAND_NAMES[entry.command] ?? entry.command,
  },
  {
    title: '对象',
    key: 'entities',
    width: 180,
    render: (_: unknown, entry) => (
      <Space size={4} wrap>
        {entry.entities.map((e) => (
          <Tag key={`${e.type}:${e.id}`}>
            {ENTITY_TYPE_NAMES[e.type] ?? e.type} #{e.id}
          </Tag>
        ))}
      </Space>
    ),
  },
  {
    title: '内容',
    key: 'details',
    render: (_: unknown, entry) => (
      <Typography.Text type="secondary" ellipsis={{ tooltip: true }} style={{ maxWidth: 360 }}>
        {detailsText(entry.details)}
      </Typography.Text>
    ),
  },
];

/** The audit log (optionally of one entity or command), paged by the server. */
export function AuditTable({ filter = {} }: { filter?: AuditFilter }) {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const audit = useAudit(filter, page, pageSize);
  return (
    <div>
      <ErrorAlert error={audit.error} />
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        columns={COLUMNS}
        dataSource={audit.data?.items ?? []}
        loading={audit.isFetching}
        pagination={{
          current: page,
          pageSize,
          total: audit.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => `共 ${String(total)} 条`,
          onChange: (nextPage, nextSize) => {
            setPage(nextSize === pageSize ? nextPage : 1);
            setPageSize(nextSize);
          },
        }}
      />
    </div>
  );
}
