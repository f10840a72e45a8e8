import { useState } from 'react';
import { Flex, Input, Segmented, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Member } from '../../api/types.js';
import { DateText } from '../../ui/DateText.js';
import { Money } from '../../ui/Money.js';
import { BooksErrorAlert } from '../fund-setup/BooksErrorAlert.js';
import { CategoryTags, DuplicateTag, maskIdCard } from './member-text.js';
import { useMembers, type MemberStatus } from './queries.js';

const COLUMNS: TableColumnsType<Member> = [
  { title: '编号', dataIndex: 'memberNo', width: 70 },
  {
    title: '户主',
    dataIndex: 'headName',
    render: (_: unknown, m) => (
      <Flex gap={4} wrap align="center">
        <a>{m.headName}</a>
        <DuplicateTag member={m} />
        {m.exitedOn === null ? null : <span style={{ color: '#999' }}>（已退社）</span>}
      </Flex>
    ),
  },
  {
    title: '身份证号',
    dataIndex: 'idCardNo',
    render: (_: unknown, m) => (
      <span style={{ fontVariantNumeric: 'tabular-nums' }}>{maskIdCard(m.idCardNo)}</span>
    ),
  },
  { title: '类别', key: 'category', render: (_: unknown, m) => <CategoryTags member={m} /> },
  { title: '村民小组', dataIndex: 'villagerGroup', render: (v: string | null) => v ?? '—' },
  {
    title: '入社日期',
    dataIndex: 'joinedOn',
    width: 110,
    render: (_: unknown, m) => <DateText value={m.joinedOn} />,
  },
  {
    title: '本人互助金',
    dataIndex: 'ownContributionFen',
    align: 'right',
    render: (_: unknown, m) => <Money fen={m.ownContributionFen} />,
  },
  {
    title: '配股',
    dataIndex: 'allottedFen',
    align: 'right',
    render: (_: unknown, m) => <Money fen={m.allottedFen} />,
  },
  { title: '联保小组', dataIndex: 'groupName', render: (v: string | null) => v ?? '—' },
];

/** The roster: search, status filter, server paging; a click opens the member. */
export function MembersTable({
  fundId,
  onOpen,
}: {
  fundId: number;
  onOpen: (member: Member) => void;
}) {
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<MemberStatus>('active');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const members = useMembers(fundId, { q, status, page, pageSize });
  return (
    <div>
      <BooksErrorAlert error={members.error} />
      <Flex gap={12} wrap style={{ marginBottom: 12 }}>
        <Input.Search
          placeholder="按户主姓名、编号或身份证号搜索"
          allowClear
          style={{ maxWidth: 320 }}
          onSearch={(value) => {
            setQ(value.trim());
            setPage(1);
          }}
        />
        <Segmented<MemberStatus>
          value={status}
          options={[
            { value: 'active', label: '在册' },
            { value: 'exited', label: '已退社' },
            { value: 'all', label: '全部' },
          ]}
          onChange={(value) => {
            setStatus(value);
            setPage(1);
          }}
        />
      </Flex>
      <Table<Member>
        rowKey="id"
        size="middle"
        className="members-table"
        columns={COLUMNS}
        dataSource={members.data?.items ?? []}
        loading={members.isFetching}
        scroll={{ x: 'max-content' }}
        onRow={(member) => ({
          onClick: () => {
            onOpen(member);
          },
          style: { cursor: 'pointer' },
        })}
        pagination={{
          current: page,
          pageSize,
          total: members.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => `共 ${String(total)} 户`,
          onChange: (nextPage, nextSize) => {
            setPage(nextSize === pageSize ? nextPage : 1);
            setPageSize(nextSize);
          },
        }}
      />
    </div>
  );
}
