import { Alert, Collapse, Flex, Table, Tag, Typography } from 'antd';
import type { PlanView } from '../../api/types.js';
import { WanYuan } from './WanYuan.js';
import { wanText } from './wan-yuan.js';

type SourceRow = PlanView['reconciliation']['sources'][number];

function RemainderText({ row }: { row: Pick<SourceRow, 'remainderFen' | 'status'> }) {
  if (row.status === 'over_allocated')
    return (
      <Typography.Text type="danger" strong className="plan-over">
        超出预算 {wanText(-row.remainderFen)}万元
      </Typography.Text>
    );
  if (row.status === 'remainder')
    return (
      <Typography.Text strong className="plan-remainder" style={{ color: '#d46b08' }}>
        未分配结余 {wanText(row.remainderFen)}万元
      </Typography.Text>
    );
  return <Typography.Text type="success">已全部分配</Typography.Text>;
}

const STATUS_TAGS: Readonly<Record<SourceRow['status'], { color: string; text: string }>> = {
  balanced: { color: 'green', text: '平衡' },
  remainder: { color: 'orange', text: '有结余' },
  over_allocated: { color: 'red', text: '超预算' },
};

/**
 * The server's reconciliation of a plan: per source its budget, allocation and remainder (an
 * unallocated remainder is shown, never hidden; an over-allocation is red), the villages by
 * category and county, and every problem that stops the plan from being issued.
 */
export function ReconciliationPanel({ plan }: { plan: PlanView }) {
  const { reconciliation } = plan;
  const total = reconciliation.total;
  return (
    <div className="plan-reconciliation">
      <Table<SourceRow>
        rowKey="source"
        size="small"
        bordered
        pagination={false}
        dataSource={reconciliation.sources}
        scroll={{ x: 'max-content' }}
        rowClassName={(row) => `plan-source-${row.status}`}
        onRow={(row) =>
          row.status === 'over_allocated'
            ? { style: { background: '#fff1f0' } }
            : row.status === 'remainder'
              ? { style: { background: '#fff7e6' } }
              : {}
        }
        columns={[
          {
            key: 'name',
            title: '资金来源',
            dataIndex: 'name',
            onCell: () => ({ style: { whiteSpace: 'nowrap' } }),
          },
          {
            key: 'budget',
            title: '预算（万元）',
            align: 'right',
            render: (_: unknown, row) => <WanYuan fen={row.budgetFen} />,
          },
          {
            key: 'allocated',
            title: '已分配（万元）',
            align: 'right',
            render: (_: unknown, row) => <WanYuan fen={row.allocatedFen} />,
          },
          {
            key: 'remainder',
            title: '结余（万元）',
            align: 'right',
            render: (_: unknown, row) => <WanYuan fen={row.remainderFen} />,
          },
          { key: 'villages', title: '村数', dataIndex: 'villageCount', align: 'right' },
          {
            key: 'status',
            title: '核对',
            render: (_: unknown, row) => (
              <span style={{ whiteSpace: 'nowrap' }}>
                <Tag color={STATUS_TAGS[row.status].color}>{STATUS_TAGS[row.status].text}</Tag>
                <RemainderText row={row} />
              </span>
            ),
          },
        ]}
        summary={() => (
          <Table.Summary.Row style={{ fontWeight: 600, background: '#fafafa' }}>
            <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              <WanYuan fen={total.budgetFen} />
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              <WanYuan fen={total.allocatedFen} />
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="right">
              <WanYuan fen={total.remainderFen} />
            </Table.Summary.Cell>
            <Table.Summary.Cell index={4} align="right">
              {total.villageCount}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={5} />
          </Table.Summary.Row>
        )}
      />
      <Flex gap={24} wrap style={{ marginTop: 12 }} className="plan-categories">
        {reconciliation.byCategory.map((c) => (
          <span key={c.category}>
            <Typography.Text type="secondary">{c.name}：</Typography.Text>
            {c.villageCount} 个村，
            <WanYuan fen={c.amountFen} unit />
          </span>
        ))}
      </Flex>
      {reconciliation.byCounty.length === 0 ? null : (
        <Collapse
          size="small"
          style={{ marginTop: 8 }}
          items={[
            {
              key: 'counties',
              label: `按区县（${String(reconciliation.byCounty.length)} 个区县）`,
              children: (
                <Table
                  rowKey="countyCode"
                  size="small"
                  pagination={false}
                  dataSource={reconciliation.byCounty}
                  columns={[
                    { key: 'county', title: '区县', dataIndex: 'countyName' },
                    { key: 'villages', title: '村数', dataIndex: 'villageCount', align: 'right' },
                    {
                      key: 'amount',
                      title: '金额（万元）',
                      align: 'right',
                      render: (_: unknown, row) => <WanYuan fen={row.amountFen} />,
                    },
                  ]}
                />
              ),
            },
          ]}
        />
      )}
      {plan.problems.length === 0 ? null : (
        <Alert
          type="error"
          showIcon
          className="plan-problems"
          style={{ marginTop: 12 }}
          title={`存在 ${String(plan.problems.length)} 个问题，不能下达：`}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {plan.problems.map((p, index) => (
                <li key={`${p.code}-${String(index)}`}>{p.message}</li>
              ))}
            </ul>
          }
        />
      )}
    </div>
  );
}
