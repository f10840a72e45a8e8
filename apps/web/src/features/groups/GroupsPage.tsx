import { useState } from 'react';
import { Button, Card, Flex, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { JointGroup } from '../../api/types.js';
import { DateText } from '../../ui/DateText.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { BooksErrorAlert } from '../fund-setup/BooksErrorAlert.js';
import { useBookAccess } from '../fund-setup/books-access.js';
import { BooksFundGate } from '../fund-setup/books-fund.js';
import { useFund } from '../funds/queries.js';
import { CreateGroupForm } from './CreateGroupForm.js';
import { useGroups } from './queries.js';

function Groups({ fundId }: { fundId: number }) {
  const can = useBookAccess();
  const fund = useFund(fundId);
  const groups = useGroups(fundId);
  const [creating, setCreating] = useState(false);
  const items = groups.data?.items ?? [];
  return (
    <div>
      <PageHeader
        title="联保小组"
        subtitle={fund.data?.name}
        extra={
          can('books.write') ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => {
                setCreating(true);
              }}
            >
              组建联保小组
            </Button>
          ) : undefined
        }
      />
      <Card>
        <BooksErrorAlert error={groups.error} />
        <Table<JointGroup>
          rowKey="id"
          className="groups-table"
          loading={groups.isFetching}
          dataSource={items}
          pagination={false}
          columns={[
            { title: '小组', dataIndex: 'name', width: 160 },
            {
              title: '组建日期',
              dataIndex: 'formedOn',
              width: 120,
              render: (v: string) => <DateText value={v} />,
            },
            {
              title: '成员（绿色为正在借款）',
              key: 'members',
              render: (_: unknown, g) => (
                <Flex gap={4} wrap>
                  {g.members.map((m) => (
                    <Tag key={m.memberId} color={m.borrowing ? 'green' : 'default'}>
                      {m.headName}
                      {m.borrowing ? '（借款中）' : ''}
                    </Tag>
                  ))}
                </Flex>
              ),
            },
            {
              title: '借款户数',
              key: 'n',
              width: 100,
              align: 'right',
              render: (_: unknown, g) =>
                `${String(g.members.filter((m) => m.borrowing).length)} / ${String(g.members.length)}`,
            },
          ]}
        />
      </Card>
      <CreateGroupForm
        fundId={fundId}
        open={creating}
        suggestedName={`第${String(items.length + 1)}联保小组`}
        onClose={() => {
          setCreating(false);
        }}
      />
    </div>
  );
}

/** 联保小组: the groups, who borrows, and forming a new group. */
export function GroupsPage() {
  return <BooksFundGate>{(fundId) => <Groups key={fundId} fundId={fundId} />}</BooksFundGate>;
}
